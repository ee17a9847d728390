package org.gazette.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.search.Query;
import org.gazette.article.Article;
import org.gazette.bench.ArchiveGenerator;
import org.gazette.bench.InMemoryArticles;

/**
 * The search benchmark (bench/search/run.sh): builds an archive of N generated articles, indexes
 * it the way a rebuild does, and measures query latency with facets and highlighting against the
 * same queries through bare Lucene. Not a test: it prints figures and judges nothing.
 */
public final class SearchBenchmark {

    private static final int WARMUP = 300;
    /** Warm-up queries of each length: each round asks the next {@value #WARMUP} of them. */
    private static final int WARMUP_POOL = 3_000;
    private static final int QUERIES = 1000;
    private static final int THREADS = 2;
    private static final int WARMUP_LIMIT_SECONDS = 60;
    /** Compilation time (summed over the compiler's threads) a warm-up round may take and count as quiet. */
    private static final long QUIET_COMPILATION_MS = 10;
    private static final int QUIET_ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("gazette-search-bench");
        System.out.printf("Search benchmark: %d articles, %d cores, max heap %d MB, load average %.1f, index in %s%n", n,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), dir);
        try {
            run(n, dir);
        } finally {
            deleteAll(dir);
        }
    }

    private static void run(int n, Path dir) throws Exception {
        long t0 = System.nanoTime();
        ArchiveGenerator generator = new ArchiveGenerator(2026);
        List<Article> articles = new InMemoryArticles().publish(generator.next(n));
        long words = articles.stream().mapToLong(a -> a.bodyMarkdown().split(" ").length).sum();
        System.out.printf("Generated %d articles (%d body words on average) in %.1f s%n", n, words / n, seconds(t0));

        try (SearchIndex index = SearchIndex.open(dir)) {
            long t1 = System.nanoTime();
            long cpu1 = cpuNanos();
            IndexGeneration generation = index.newGeneration();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> parts = new ArrayList<>();
            int chunk = 500;
            for (int from = 0; from < n; from += chunk) {
                List<Article> batch = articles.subList(from, Math.min(n, from + chunk));
                parts.add(pool.submit(() -> {
                    generation.load(batch);
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            pool.shutdown();
            generation.commit(1);
            double indexSeconds = seconds(t1);
            double cpuSeconds = (cpuNanos() - cpu1) / 1e9;
            long t2 = System.nanoTime();
            index.swap(generation, () -> { });
            index.awaitSuggestions();
            System.out.printf("Indexing: %.0f articles/s (%d in %.1f s, %d threads, including commit); suggestions built in %.1f s; index %d MB on disk%n",
                    n / indexSeconds, n, indexSeconds, THREADS, seconds(t2), size(dir) >> 20);
            // On a shared machine wall time depends on the neighbours; CPU time does not.
            System.out.printf("  CPU time used: %.1f s = %.0f articles per CPU-second (x2 cores: %.0f articles/s if both were ours)%n",
                    cpuSeconds, n / cpuSeconds, 2 * n / cpuSeconds);

            try (SearchIndex.Lease lease = index.lease()) {
                long t3 = System.nanoTime();
                int tallies = lease.searcher().counter().awaitCommonWords();
                System.out.printf("  index segments: %d, with %d tallies of common words (made in %.1f s, as the first searches would)%n",
                        lease.searcher().getIndexReader().leaves().size(), tallies, seconds(t3));
            }
            ArticleSearch search = new ArticleSearch(index);
            QueryBuilder builder = new QueryBuilder(index.analyzer(), index.languages());
            Random random = new Random(11);
            // The first WARMUP of each list were once the whole warm-up, asked round after round; they
            // are still drawn (and not asked), so the measured queries are those of earlier runs.
            List<List<String>> queryLists = new ArrayList<>();
            for (int words1 = 1; words1 <= 3; words1++) {
                queryLists.add(queries(articles, words1, WARMUP + QUERIES, random).stream()
                        .filter(q -> builder.build(QueryBuilder.parse(q)) != null).toList());
            }
            long[] relatedIds = new long[WARMUP + QUERIES];
            for (int i = 0; i < relatedIds.length; i++) {
                relatedIds[i] = articles.get(random.nextInt(n)).id();
            }
            List<String> prefixes = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                String w = articles.get(random.nextInt(n)).headline().split(" ")[0].toLowerCase(Locale.ROOT);
                prefixes.add(w.substring(0, Math.min(4, w.length())));
            }
            // The warm-up asks new queries each round: the same 300 again and again left the JIT
            // compiler trained on their stories only (see bench/search/README.md).
            Random other = new Random(12);
            List<List<String>> warmUpPools = new ArrayList<>();
            for (int words1 = 1; words1 <= 3; words1++) {
                warmUpPools.add(queries(articles, words1, WARMUP_POOL, other).stream()
                        .filter(q -> builder.build(QueryBuilder.parse(q)) != null).toList());
            }
            // A server's heap holds no archive of article objects (over a gigabyte here). Kept, it
            // made young collections during the queries pause 3-18 ms; without it, 2-6 ms.
            articles = null;
            System.gc();
            for (List<String> queries : queryLists) {
                int words1 = queries.get(0).split(" ").length;
                List<String> warmUpPool = warmUpPools.get(words1 - 1);
                int[] next = {0};
                WarmUp warm = warmUp(() -> {
                    for (int i = 0; i < WARMUP; i++) {
                        String q = warmUpPool.get(next[0]++ % warmUpPool.size());
                        search.search(SearchRequest.of(q), 10);
                        bare(index, builder, q);
                    }
                });
                int measured = Math.min(QUERIES, queries.size() - WARMUP);
                Timings full = new Timings(measured);
                Timings bareLucene = new Timings(measured);
                long[] hits = {0};
                for (int i = 0; i < measured; i++) {
                    String q = queries.get(WARMUP + i);
                    full.time(i, () -> hits[0] += search.search(SearchRequest.of(q), 10).total());
                    bareLucene.time(i, () -> bare(index, builder, q));
                }
                System.out.printf("%d-word queries (e.g. \"%s\"), %d queries, %d matches on average (after %s):%n", words1,
                        queries.get(WARMUP), measured, hits[0] / measured, warm);
                System.out.printf("  with facets + highlighting: %s%n", full);
                System.out.printf("  bare Lucene top 10:         %s%n", bareLucene);
                System.out.printf("  p99 ratio full/bare: wall %.1fx, CPU %.1fx%n",
                        pct(full.wall, 99) / pct(bareLucene.wall, 99), pct(full.cpu, 99) / pct(bareLucene.cpu, 99));
                System.out.printf("  allocated per query: %d KB (bare Lucene %d KB)%n",
                        full.allocated / measured >> 10, bareLucene.allocated / measured >> 10);
            }
            long[] related = new long[QUERIES];
            for (int i = 0; i < WARMUP + QUERIES; i++) {
                long s = System.nanoTime();
                search.related(relatedIds[i], 5);
                if (i >= WARMUP) {
                    related[i - WARMUP] = System.nanoTime() - s;
                }
            }
            System.out.printf("Related stories (5 per article page): p50 %.2f ms  p99 %.2f ms%n", pct(related, 50), pct(related, 99));
            long s = System.nanoTime();
            int suggestions = 0;
            for (String prefix : prefixes) {
                suggestions += search.suggest(prefix, 6, 3).size();
            }
            System.out.printf("Autocomplete: %.2f ms per lookup on average (%d suggestions per lookup)%n",
                    (System.nanoTime() - s) / 1e6 / QUERIES, suggestions / QUERIES);
            System.gc();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("Heap in use after GC, index open: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private interface Round {
        void run() throws IOException;
    }

    /** Wall time, the thread's CPU time and what it allocated, for each measured query of one kind of search. */
    private static final class Timings {
        final long[] wall;
        final long[] cpu;
        long allocated;

        Timings(int queries) {
            wall = new long[queries];
            cpu = new long[queries];
        }

        void time(int i, Round query) throws IOException {
            long a = threadAllocatedBytes();
            long c = threadCpuNanos();
            long s = System.nanoTime();
            query.run();
            wall[i] = System.nanoTime() - s;
            cpu[i] = threadCpuNanos() - c;
            allocated += threadAllocatedBytes() - a;
        }

        @Override
        public String toString() {
            return String.format("wall p50 %6.2f ms  p99 %6.2f ms | CPU p50 %6.2f ms  p99 %6.2f ms",
                    pct(wall, 50), pct(wall, 99), pct(cpu, 50), pct(cpu, 99));
        }
    }

    private record WarmUp(int rounds, double seconds, boolean settled) {
        @Override
        public String toString() {
            return String.format("%d warm-up rounds in %.1f s%s", rounds, seconds, settled ? "" : ", the JIT compiler still busy");
        }
    }

    /**
     * Runs {@code round} again and again until the JIT compiler has been all but idle for
     * {@value #QUIET_ROUNDS} rounds in a row (at most {@value #WARMUP_LIMIT_SECONDS} s). On two
     * cores a compiler at work takes turns with the measured queries, and the longer path (the
     * site's search) loses more wall time to it than bare Lucene: with 300 queries of warm-up the
     * compiler was still busy for most of the measured ones. It settled after 10-41 s here.
     */
    private static WarmUp warmUp(Round round) throws IOException {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        int rounds = 0;
        int quiet = 0;
        while (quiet < QUIET_ROUNDS && seconds(start) < WARMUP_LIMIT_SECONDS) {
            long compiling = jit.getTotalCompilationTime();
            round.run();
            rounds++;
            quiet = jit.getTotalCompilationTime() - compiling < QUIET_COMPILATION_MS ? quiet + 1 : 0;
        }
        return new WarmUp(rounds, seconds(start), quiet >= QUIET_ROUNDS);
    }

    /** The reference: the same words through Lucene alone, top 10 by BM25, no facets, highlighting or recency. */
    private static void bare(SearchIndex index, QueryBuilder builder, String q) throws IOException {
        Query query = builder.build(QueryBuilder.parse(q));
        try (SearchIndex.Lease lease = index.lease()) {
            lease.searcher().search(query, 10);
        }
    }

    /** Queries a reader might type: 1-3 consecutive non-stop words of a random article's headline. */
    private static List<String> queries(List<Article> articles, int words, int count, Random random) {
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String[] headline = articles.get(random.nextInt(articles.size())).headline().toLowerCase(Locale.ROOT).split(" ");
            List<String> usable = Arrays.stream(headline).filter(w -> !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)).toList();
            if (usable.size() >= words) {
                int at = random.nextInt(usable.size() - words + 1);
                out.add(String.join(" ", usable.subList(at, at + words)));
            }
        }
        return out;
    }

    private static long threadAllocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
