package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;
import org.gazette.change.Change;
import org.gazette.change.ChangeLog;
import org.gazette.change.DerivedCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the search index following the database, and rebuilds it from scratch on demand. */
public final class SearchIndexer implements DerivedCopy {

    /**
     * Progress is recorded per index folder and host: several servers sharing one PostgreSQL each keep
     * their own index, and a command waits for the one on its own data folder.
     */
    public static String progressName(java.nio.file.Path indexDir) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        String name = "search-index@" + host + ":" + indexDir.toAbsolutePath();
        return name.length() <= 100 ? name : "search-index@" + Integer.toHexString(name.hashCode()) + ":" + name.substring(name.length() - 70);
    }
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 500;

    private final SearchIndex index;
    private final ArticleStore articles;
    private final ChangeLog changes;

    private final String name;

    public SearchIndexer(SearchIndex index, ArticleStore articles, ChangeLog changes, String name) {
        this.name = name;
        this.index = index;
        this.articles = articles;
        this.changes = changes;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long appliedSeq() {
        return index.appliedSeq();
    }

    @Override
    public void apply(List<Change> batch, long upTo) throws IOException {
        Split split = split(batch);
        index.stage(split.published(), split.removed(), upTo);
    }

    @Override
    public void commit() throws IOException {
        index.commit();
    }

    private record Split(List<Article> published, Set<Long> removed) {
    }

    /** The changed articles still published, and the ids of those that must no longer be found. */
    private Split split(List<Change> batch) {
        Set<Long> ids = new LinkedHashSet<>();
        batch.forEach(c -> ids.add(c.articleId()));
        List<Article> published = new ArrayList<>();
        for (Article article : articles.byIds(new ArrayList<>(ids))) {
            if (article.isPublished()) {
                published.add(article);
                ids.remove(article.id());
            }
        }
        // Whatever is left was unpublished, scheduled or deleted.
        return new Split(published, ids);
    }

    /**
     * Rebuilds the index from every published article into a new generation while the current
     * one keeps answering searches, then swaps it in; returns how many articles were indexed.
     */
    public int rebuild() throws IOException {
        long start = System.nanoTime();
        IndexGeneration next = index.newGeneration();
        try {
            // Read the outbox position first: changes made during the rebuild are applied again afterwards.
            long seq = changes.latestSeq();
            int[] count = {0};
            try {
                articles.forEachPublished(BATCH, batch -> {
                    try {
                        next.load(batch);
                        count[0] += batch.size();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            next.commit(seq);
            long caughtUp = catchUp(next, seq);
            index.swap(next, () -> catchUp(next, caughtUp));
            LOG.info("Search index rebuilt: {} articles in {} ms", count[0], (System.nanoTime() - start) / 1_000_000);
            return count[0];
        } catch (IOException | RuntimeException e) {
            index.discard(next);
            throw e;
        }
    }

    /** Applies to a generation being built every change after {@code seq}; returns the last one applied. */
    private long catchUp(IndexGeneration generation, long seq) throws IOException {
        long applied = seq;
        while (true) {
            List<Change> batch = changes.after(applied, BATCH);
            if (batch.isEmpty()) {
                return applied;
            }
            applied = batch.get(batch.size() - 1).seq();
            Split split = split(batch);
            generation.add(split.published());
            generation.remove(split.removed());
            generation.commit(applied);
        }
    }
}
