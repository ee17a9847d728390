package org.gazette.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.gazette.search.ArticleSearch;
import org.gazette.search.SearchIndex;

/**
 * The CPU one article page's related-stories box costs ({@code ArticleSearch.related}), measured
 * on its own against an archive's search index (the server must be stopped: it holds the index).
 * Prints one JSON object: milliseconds of CPU per call and the index's segment count.
 *
 * <p>Usage: {@code RelatedCost INDEX_DIR ARTICLES}
 */
public final class RelatedCost {

    private static final int CALLS = 300;

    private RelatedCost() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(args[1]);
        var threads = ManagementFactory.getThreadMXBean();
        try (SearchIndex index = SearchIndex.open(Path.of(args[0]))) {
            ArticleSearch search = new ArticleSearch(index);
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 1; i <= CALLS; i++) {
                    search.related(1 + (i * 7919L + round) % articles, 5);
                }
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - cpu) / (double) CALLS / 1e6);
            }
            long segments;
            try (var files = java.nio.file.Files.walk(Path.of(args[0]))) {
                segments = files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
            }
            System.out.printf(Locale.ROOT, "{\"related_cpu_ms\": %.2f, \"segments\": %d}%n", best, segments);
        }
    }
}
