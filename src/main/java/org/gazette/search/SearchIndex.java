package org.gazette.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.gazette.article.Article;
import org.gazette.change.DerivedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Lucene index of published articles. It is a derived copy: it records in each
 * commit the last outbox entry it reflects, and can always be rebuilt from the database.
 *
 * <p>The index lives in generations ({@code index-1}, {@code index-2}, ...) under the search
 * folder; the file {@code CURRENT} names the one in use. A rebuild fills the next generation
 * while searches go on against the current one, then {@link #swap} puts it in place at once.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String CURRENT = "CURRENT";

    private final Path root;
    private final Directory rootDirectory;
    private final Lock processLock;
    private final Analyzer analyzer = new NewsAnalyzer.PerField();
    private final Suggester suggester = new Suggester();
    /** Enough for the articles read in an hour on a busy site, at about 150 bytes each. */
    private final RelatedLists relatedLists = new RelatedLists(50_000);
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-suggestions");
        t.setDaemon(true);
        return t;
    });
    private volatile IndexGeneration current;
    private final boolean fresh;
    private final boolean suggestionsResumed;

    private SearchIndex(Path root, Directory rootDirectory, Lock processLock, IndexGeneration current, boolean fresh)
            throws IOException {
        this.root = root;
        this.rootDirectory = rootDirectory;
        this.processLock = processLock;
        this.current = current;
        this.fresh = fresh;
        this.suggestionsResumed = suggester.resume(current.dir, current.appliedSeq());
        if (!suggestionsResumed) {
            rebuildSuggestions();
        }
    }

    /** Whether the autocomplete suggestions kept on disk were taken up at opening, instead of rebuilt. */
    boolean suggestionsResumed() {
        return suggestionsResumed;
    }

    /** Waits until any autocomplete rebuild under way has finished (for tests and benchmarks). */
    void awaitSuggestions() throws Exception {
        background.submit(() -> { }).get();
    }

    /** Autocomplete is rebuilt in the background: on a large archive it takes seconds, and start-up need not wait. */
    private java.util.concurrent.Future<?> rebuildSuggestions() {
        return background.submit(() -> {
            try {
                suggester.rebuild(this);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not rebuild search suggestions: {}", e.toString());
            }
        });
    }

    /** Thrown when another process (usually the running site) holds the index. */
    public static final class InUseException extends IOException {
        InUseException(Path dir) {
            super("The search index in " + dir + " is in use by another Gazette process");
        }
    }

    /** A searcher borrowed from the current generation; closing it gives it back to the same one. */
    public static final class Lease implements AutoCloseable {
        private final SearcherManager manager;
        private final FacetSearcher searcher;

        Lease(SearcherManager manager, FacetSearcher searcher) {
            this.manager = manager;
            this.searcher = searcher;
        }

        public FacetSearcher searcher() {
            return searcher;
        }

        @Override
        public void close() {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                LOG.warn("Could not release a searcher: {}", e.toString());
            }
        }
    }

    /**
     * Opens the index under {@code dir}. A missing, unreadable or outdated index is replaced by an
     * empty one that reports {@link #needsRebuild()}, so start-up never fails on a derived copy.
     */
    public static SearchIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Directory rootDirectory = FSDirectory.open(dir);
        Lock lock;
        try {
            lock = rootDirectory.obtainLock("gazette.lock");
        } catch (LockObtainFailedException e) {
            rootDirectory.close();
            throw new InUseException(dir);
        }
        try {
            int number = currentNumber(dir);
            boolean usable = number > 0 && IndexGeneration.usable(dir, number);
            if (!usable) {
                LOG.info("No readable search index in {}; it will be rebuilt from the database", dir);
                number = number + 1;
                // Lucene may read an old commit even when told to create: start from an empty folder.
                delete(dir.resolve("index-" + number));
            }
            IndexGeneration generation = IndexGeneration.open(dir, number, new NewsAnalyzer.PerField(), !usable);
            writeCurrent(dir, number);
            deleteOthers(dir, number);
            return new SearchIndex(dir, rootDirectory, lock, generation, !usable);
        } catch (IOException | RuntimeException e) {
            lock.close();
            rootDirectory.close();
            throw e;
        }
    }

    private static int currentNumber(Path root) {
        try {
            String name = Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8).strip();
            return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void writeCurrent(Path root, int number) throws IOException {
        DerivedFiles.replace(root.resolve(CURRENT), "index-" + number + "\n");
    }

    /** True when the index was missing or unreadable at start-up and holds nothing yet. */
    public boolean needsRebuild() {
        return fresh && appliedSeq() == 0;
    }

    public long appliedSeq() {
        return current.appliedSeq();
    }

    /** Indexes published articles, removes the others, and commits as caught up to {@code seq}. */
    public synchronized void apply(Collection<Article> published, Collection<Long> removed, long seq) throws IOException {
        stage(published, removed, seq);
        commit();
    }

    /**
     * Indexes and removes as {@link #apply} does, without committing: searches see it from the next
     * {@link #commit}. A bulk catch-up stages its batches and commits once at the end: a commit
     * writes a segment and opens new searchers, and at one per batch of a thousand articles,
     * commits and the merges of their small segments took a third of a bulk catch-up. A long
     * catch-up still commits every {@value #COMMIT_EVERY_SECONDS} seconds, so searches follow it
     * and a crash repeats little of it.
     */
    public synchronized void stage(Collection<Article> published, Collection<Long> removed, long seq) throws IOException {
        // Autocomplete's own index takes a large batch's headlines on another core meanwhile.
        Future<?> suggestions = published.size() < IndexGeneration.SPREAD_FROM ? null
                : ForkJoinPool.commonPool().submit(() -> {
                    suggester.add(published);
                    return null;
                });
        if (suggestions == null) {
            suggester.add(published);
        }
        current.add(published);
        current.remove(removed);
        current.reach(seq);
        if (suggestions != null) {
            awaitSuggestions(suggestions);
        }
        staged.addAll(removed);
        published.forEach(a -> staged.add(a.id()));
        if (stagedSeq < 0) {
            stagedSince = System.nanoTime();
        }
        stagedSeq = seq;
        if (System.nanoTime() - stagedSince > COMMIT_EVERY_SECONDS * 1_000_000_000L) {
            commit();
        }
    }

    private static void awaitSuggestions(Future<?> suggestions) throws IOException {
        try {
            suggestions.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("Could not add suggestions", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while adding suggestions", e);
        }
    }

    static final int COMMIT_EVERY_SECONDS = 10;
    /** Articles staged since the last commit, whose related-stories lists are dropped once searches see the change. */
    private final Set<Long> staged = new HashSet<>();
    /** The outbox position of what is staged; -1 when nothing is. */
    private long stagedSeq = -1;
    private long stagedSince;

    /** Makes what was staged durable and seen by searches and suggestions. */
    public synchronized void commit() throws IOException {
        if (stagedSeq < 0) {
            return;
        }
        current.commit();
        suggester.commit(stagedSeq);
        // Only now: a list worked out from the searcher before the commit would be kept stale.
        relatedLists.forget(staged);
        staged.clear();
        stagedSeq = -1;
        stagedSince = 0;
    }

    /** Starts an empty generation for a rebuild; fill it, then {@link #swap} it in or {@link #discard} it. */
    public synchronized IndexGeneration newGeneration() throws IOException {
        int number = Math.max(current.number, highestOnDisk()) + 1;
        return IndexGeneration.open(root, number, new NewsAnalyzer.PerField(), true);
    }

    /**
     * Makes {@code next} the index searches use. {@code finish} runs first under the same lock as
     * {@link #apply}, so no change can be applied to the old generation and missed by the new one.
     */
    public void swap(IndexGeneration next, IoAction finish) throws IOException {
        IndexGeneration old;
        synchronized (this) {
            commit();
            finish.run();
            writeCurrent(root, next.number);
            old = current;
            current = next;
            suggester.noteArrivals();
            relatedLists.forgetAll();
        }
        // The old generation's files go only once the suggestions live in the new one: until then,
        // articles published meanwhile are still written to the old suggestions, and deleting them
        // first failed those publishes' indexing (IndexFollowsDatabaseTest, once in CI).
        try {
            rebuildSuggestions().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("Could not rebuild search suggestions: {}", e.getCause().toString());
        }
        old.close();
        delete(old.dir);
        LOG.info("Search index generation {} is now in use", next.number);
    }

    public void discard(IndexGeneration generation) {
        generation.close();
        delete(generation.dir);
    }

    /** Something to do under the index's lock. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    private int highestOnDisk() throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("index-\\d+"))
                    .mapToInt(n -> Integer.parseInt(n.substring(6))).max().orElse(0);
        }
    }

    /**
     * Leftovers of a rebuild cut short, of an unreadable index, or of the first layout (one index
     * straight in the search folder): only the current generation is kept.
     */
    private static void deleteOthers(Path root, int keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                boolean oldGeneration = name.matches("index-\\d+") && !name.equals("index-" + keep);
                boolean firstLayout = Files.isRegularFile(p) && (name.startsWith("segments") || name.startsWith("_")
                        || name.equals("write.lock"));
                if (oldGeneration || firstLayout) {
                    delete(p);
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // A leftover is harmless: the next start removes every generation but the current one.
            LOG.warn("Could not delete the old search index {}: {}", dir, e.toString());
        }
    }

    /** Borrows the current searcher; use in try-with-resources. */
    public Lease lease() throws IOException {
        while (true) {
            IndexGeneration generation = current;
            try {
                return new Lease(generation.searchers, (FacetSearcher) generation.searchers.acquire());
            } catch (AlreadyClosedException e) {
                if (generation == current) {
                    throw e;
                }
                // Swapped while we reached for it: take the new one.
            }
        }
    }

    public int size() {
        return current.size();
    }

    /** Which generation is in use; it changes with every rebuild. */
    public int generation() {
        return current.number;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The folder of the generation in use. */
    Path generationDir() {
        return current.dir;
    }

    RelatedLists relatedLists() {
        return relatedLists;
    }

    Suggester suggester() {
        return suggester;
    }

    List<String> languages() {
        return NewsAnalyzer.LANGUAGES;
    }

    @Override
    public synchronized void close() {
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not commit the search index at closing; it catches up at the next start: {}", e.toString());
        }
        background.shutdownNow();
        try {
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        suggester.close();
        current.close();
        try {
            processLock.close();
            rootDirectory.close();
        } catch (IOException e) {
            LOG.warn("Could not release the search index lock: {}", e.toString());
        }
    }
}
