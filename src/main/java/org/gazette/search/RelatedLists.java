package org.gazette.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The related stories worked out for recently viewed articles, kept with the index they came from.
 *
 * <p>Never stale about what a list shows: a change to an article drops its own list and every list
 * that names it. A story published later may be more related than those listed; lists are worked
 * out afresh after {@link #KEPT} so new stories find their way into older articles' boxes.
 */
final class RelatedLists {

    static final Duration KEPT = Duration.ofHours(1);

    private final Cache<Long, long[]> lists;
    /** Counts drops, so a list worked out from the index before a change is not kept after it. */
    private final AtomicLong changes = new AtomicLong();

    RelatedLists(long articles) {
        // Upkeep on the caller's thread, as in ArticleSearch: no wake-ups of the common pool.
        this.lists = Caffeine.newBuilder().maximumSize(articles).expireAfterWrite(KEPT).executor(Runnable::run).build();
    }

    /** The list of {@code articleId}, worked out by {@code compute} (which may throw) when not kept. */
    <E extends Exception> long[] get(long articleId, Computation<E> compute) throws E {
        long[] known = lists.getIfPresent(articleId);
        if (known != null) {
            return known;
        }
        long before = changes.get();
        long[] list = compute.of(articleId);
        if (changes.get() == before) {
            lists.asMap().putIfAbsent(articleId, list);
        }
        return list;
    }

    /** Drops the lists of the changed articles and every list naming one of them (call once the index shows the change). */
    void forget(Collection<Long> changed) {
        if (changed.isEmpty()) {
            return;
        }
        changes.incrementAndGet();
        Set<Long> ids = Set.copyOf(changed);
        lists.asMap().keySet().removeAll(ids);
        lists.asMap().values().removeIf(list -> names(list, ids));
    }

    void forgetAll() {
        changes.incrementAndGet();
        lists.invalidateAll();
    }

    private static boolean names(long[] list, Set<Long> ids) {
        for (long id : list) {
            if (ids.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Works out one article's list. */
    @FunctionalInterface
    interface Computation<E extends Exception> {
        long[] of(long articleId) throws E;
    }
}
