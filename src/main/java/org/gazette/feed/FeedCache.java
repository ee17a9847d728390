package org.gazette.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.gazette.change.Change;
import org.gazette.change.DerivedCopy;

/**
 * Rendered feeds kept in memory until any article changes: it follows the outbox like the search
 * index, so a feed is generated once per change, not once per request.
 */
public final class FeedCache implements DerivedCopy {

    public static final String NAME = "feed-cache";

    // Upkeep on the caller's thread (see ArticleSearch): no wake-ups of the common pool.
    private final Cache<String, Representation> rendered = Caffeine.newBuilder().maximumSize(2_000)
            .executor(Runnable::run).build();
    private volatile long applied;
    private volatile Instant lastChange;

    /**
     * @param latestSeq the outbox position now; the cache starts empty, so it reflects it
     * @param now       taken as the time of the last change, since nothing says when it was
     */
    public FeedCache(long latestSeq, Instant now) {
        this.applied = latestSeq;
        this.lastChange = now;
    }

    /**
     * No later than this, the content last changed: the time this process took up the newest change
     * (or started). Feeds and sitemaps never claim an older Last-Modified, so a removed article
     * can never earn a client a wrong 304.
     */
    public Instant lastChange() {
        return lastChange;
    }

    /** The cached representation, rendered on first use since the last change. */
    public Representation get(String key, Supplier<Representation> render) {
        // The outbox position is part of the key, so a render racing a change is never served after it.
        return rendered.get(applied + "/" + key, k -> render.get());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long appliedSeq() {
        return applied;
    }

    @Override
    public void apply(List<Change> changes, long upTo) {
        lastChange = Instant.now();
        applied = upTo;
        rendered.invalidateAll();
    }
}
