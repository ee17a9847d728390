package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.gazette.Site;
import org.gazette.config.Settings;
import org.gazette.sample.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is a derived copy: losing or breaking it costs a rebuild at start-up, never an article. */
class IndexRecoveryTest {

    @TempDir
    Path data;

    Settings settings() {
        return Settings.of(Map.of("data.dir", data.toString()));
    }

    int hits(Site site, String query) throws Exception {
        return (int) site.search().search(query, 0, 50).total();
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabaseAtStart() throws Exception {
        try (Site site = Site.open(settings(), true)) {
            site.start();
            assertThat(SampleContent.loadIfEmpty(site)).isEqualTo(15);
            assertThat(hits(site, "Brennerman")).isGreaterThan(3);
        }
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Site site = Site.open(settings(), true)) {
            site.start();
            assertThat(site.index().size()).isEqualTo(15);
            assertThat(hits(site, "Brennerman")).isGreaterThan(3);
        }
    }

    @Test
    void anUnreadableIndexIsRebuiltFromTheDatabaseAtStart() throws Exception {
        try (Site site = Site.open(settings(), true)) {
            site.start();
            SampleContent.loadIfEmpty(site);
        }
        try (Stream<Path> files = Files.list(data.resolve("index"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.write(file, new byte[] {1, 2, 3, 4});
                }
            }
        }
        try (Site site = Site.open(settings(), true)) {
            site.start();
            assertThat(site.index().size()).isEqualTo(15);
            assertThat(hits(site, "Castelmar strike")).isGreaterThan(0);
        }
    }

    @Test
    void anIndexOfAnOlderLayoutIsRebuiltAtStart() throws Exception {
        int before;
        try (Site site = Site.open(settings(), true)) {
            site.start();
            SampleContent.loadIfEmpty(site);
            before = site.index().generation();
        }
        // Mark the index as written by code with an older document layout (no catch-all fields, say).
        Path generation = data.resolve("index").resolve("index-" + before);
        try (var directory = org.apache.lucene.store.FSDirectory.open(generation);
             var writer = new org.apache.lucene.index.IndexWriter(directory, new org.apache.lucene.index.IndexWriterConfig())) {
            Map<String, String> old = new java.util.HashMap<>();
            writer.getLiveCommitData().forEach(e -> old.put(e.getKey(), e.getValue()));
            old.put(IndexGeneration.SCHEMA, "older");
            writer.setLiveCommitData(old.entrySet());
            writer.commit();
        }
        try (Site site = Site.open(settings(), true)) {
            site.start();
            assertThat(site.index().generation()).isGreaterThan(before);
            assertThat(site.index().size()).isEqualTo(15);
            assertThat(hits(site, "Brennerman")).isGreaterThan(3);
        }
        assertThat(generation).doesNotExist();
    }

    @Test
    void changesMadeWhileTheIndexWasAwayAreCaughtUpAtStart() throws Exception {
        try (Site site = Site.open(settings(), true)) {
            site.start();
            SampleContent.loadIfEmpty(site);
        }
        // Written straight to the database, as if the process died before the index heard of it.
        try (Site site = Site.open(settings(), true)) {
            site.publisher().publish(new org.gazette.publish.Submission("orchard-frost", "Orchard Frost Ruins Apricot Crop",
                    null, "A late frost hit the apricot orchards.", "Science", java.util.List.of(), java.util.List.of("Jonas Weir"),
                    null, null, null, java.time.Instant.parse("2026-11-01T10:00:00Z"), "en", null));
        }
        try (Site site = Site.open(settings(), true)) {
            site.start();
            assertThat(hits(site, "apricot")).isEqualTo(1);
        }
    }

    @Test
    void reindexRebuildsEverything() throws Exception {
        try (Site site = Site.open(settings(), true)) {
            site.start();
            SampleContent.loadIfEmpty(site);
        }
        var result = new java.io.ByteArrayOutputStream();
        var out = System.out;
        System.setOut(new java.io.PrintStream(result, true));
        try {
            assertThat(org.gazette.Gazette.commandLine().execute("reindex", "--data", data.toString())).isZero();
        } finally {
            System.setOut(out);
        }
        assertThat(result.toString()).startsWith("Indexed 15 articles in");
    }
}
