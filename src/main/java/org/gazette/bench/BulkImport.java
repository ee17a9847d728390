package org.gazette.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.Site;
import org.gazette.catalog.Slugs;
import org.gazette.config.Settings;
import org.gazette.publish.Submission;

/**
 * Fills a data folder with a generated archive through the same code path as
 * {@code gazette publish}: {@code Publisher.publish} for each article, then {@code Site.settle}.
 * Prints the figures as one JSON object, and writes the lists of addresses the load generator uses.
 *
 * <p>Usage: {@code BulkImport DATA_DIR ARTICLES WORK_DIR}
 */
public final class BulkImport {

    private static final int SLICE = 1000;

    private BulkImport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BulkImport DATA_DIR ARTICLES WORK_DIR");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Files.createDirectories(work);

        Map<String, String> overrides = new HashMap<>();
        overrides.put("data.dir", data.toString());
        overrides.put("site.sample-content", "false");
        Settings settings = Settings.resolve(null, System.getenv(), overrides);
        SiteGenerator generator = SiteGenerator.fromSamples(7, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));

        long storeNanos;
        long settleNanos;
        try (Site site = Site.open(settings, false);
             BufferedWriter paths = Files.newBufferedWriter(work.resolve("articles.txt"), StandardCharsets.UTF_8)) {
            site.start();
            site.indexWhilePublishing(); // as `gazette publish` does
            long start = System.nanoTime();
            // Oldest first, as a newsroom publishes them; handed over in slices, as a long
            // `gazette publish` list would be, so the generated text need not all sit in memory.
            List<Submission> slice = new ArrayList<>(SLICE);
            for (int i = count - 1; i >= 0; i--) {
                Submission submission = generator.article(i);
                slice.add(submission);
                paths.write("/articles/" + submission.slug());
                paths.newLine();
                if (slice.size() == SLICE || i == 0) {
                    site.publisher().publishAll(slice);
                    slice.clear();
                }
            }
            storeNanos = System.nanoTime() - start;
            start = System.nanoTime();
            site.settle();
            settleNanos = System.nanoTime() - start;
        }
        Files.write(work.resolve("sections.txt"),
                generator.sections().stream().map(s -> "/section/" + Slugs.of(s)).toList(), StandardCharsets.UTF_8);
        Files.write(work.resolve("search-words.txt"), generator.searchWords(200), StandardCharsets.UTF_8);

        double seconds = (storeNanos + settleNanos) / 1e9;
        System.out.printf(java.util.Locale.ROOT,
                "{\"articles\": %d, \"store_seconds\": %.2f, \"settle_seconds\": %.2f, \"articles_per_second\": %.0f}%n",
                count, storeNanos / 1e9, settleNanos / 1e9, count / seconds);
    }
}
