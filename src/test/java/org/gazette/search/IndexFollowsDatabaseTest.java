package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gazette.Site;
import org.gazette.config.Settings;
import org.gazette.publish.Submission;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is a copy of the database that never loses a change, and can be rebuilt while in use. */
class IndexFollowsDatabaseTest {

    static Submission story(String slug, String headline) {
        return new Submission(slug, headline, null, "A story about " + headline.toLowerCase() + ".", "World",
                List.of("Testing"), List.of("Jonas Weir"), null, null, null, Instant.parse("2026-11-20T10:00:00Z"), "en", null);
    }

    static List<SearchHit> find(Site site, String query) throws Exception {
        return site.search().search(query, 0, 10).hits();
    }

    @Test
    void aCrashBetweenTheDatabaseCommitAndTheIndexUpdateLosesNothing(@TempDir Path dir) throws Exception {
        Settings settings = Settings.of(Map.of("data.dir", dir.toString(), "site.sample-content", "false"));
        try (Site site = Site.open(settings, true)) {
            site.start();
            // The publisher commits the article and its outbox row; the "crash" comes before the index hears of it.
            site.publisher().publish(story("narwhal", "Narwhal Sighted Far South"));
            assertThat(find(site, "narwhal")).isEmpty();
        }
        try (Site site = Site.open(settings, true)) {
            assertThat(site.index().appliedSeq()).isLessThan(site.changeLog().latestSeq());
            site.start();
            assertThat(find(site, "narwhal")).hasSize(1);
            assertThat(site.index().appliedSeq()).isEqualTo(site.changeLog().latestSeq());
        }
    }

    @Test
    void anIndexOfAnOlderLayoutOrAGarbledOneIsRebuiltAtStart(@TempDir Path dir) throws Exception {
        Settings settings = Settings.of(Map.of("data.dir", dir.toString(), "site.sample-content", "false"));
        try (Site site = Site.open(settings, true)) {
            site.start();
            site.publish(story("walrus", "Walrus Naps On Ferry"));
        }
        Path current = settings.searchDir().resolve(Files.readString(settings.searchDir().resolve("CURRENT")).strip());
        try (var files = Files.list(current)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.writeString(file, "garbage");
            }
        }
        try (Site site = Site.open(settings, true)) {
            site.start();
            assertThat(find(site, "walrus")).hasSize(1);
        }
        try (var dirs = Files.list(settings.searchDir())) {
            assertThat(dirs.filter(p -> p.getFileName().toString().startsWith("index-")).count()).isEqualTo(1);
        }
    }

    /**
     * The old generation's files, suggestions included, went while the new generation's suggestions
     * were still being built: a story published in between failed to be indexed (NoSuchFileException
     * from the old suggestions). Rebuilt a dozen times, with a story published right after each.
     */
    @Test
    void aStoryPublishedRightAfterARebuildIsFoundAndSuggested(@TempDir Path dir) throws Exception {
        Settings settings = Settings.of(Map.of("data.dir", dir.toString(), "site.sample-content", "false"));
        try (Site site = Site.open(settings, true)) {
            site.start();
            for (int i = 0; i < 40; i++) {
                site.publish(story("heron-" + i, "Heron Count Number " + i + " Rises Along Estuary"));
            }
            String[] animals = {"osprey", "plover", "avocet", "curlew", "dunlin", "godwit", "knot", "lapwing",
                "redshank", "sanderling", "turnstone", "whimbrel"};
            for (String animal : animals) {
                site.reindex();
                site.publish(story(animal, animal.substring(0, 1).toUpperCase() + animal.substring(1) + " Returns To Marsh"));
                assertThat(find(site, animal)).as("search for %s", animal).hasSize(1);
                site.index().awaitSuggestions();
                assertThat(site.search().suggest(animal, 6, 3)).as("suggestions for %s", animal)
                        .anyMatch(s -> s.text().toLowerCase().contains(animal));
            }
        }
    }

    @Test
    void reindexBuildsANewIndexWhileTheRunningSiteKeepsAnsweringSearches(@TempDir Path dir) throws Exception {
        try (TestSite running = TestSite.start(dir)) {
            Site site = running.site();
            site.changeFeed().startPolling(java.time.Duration.ofMillis(100));
            site.followReindexRequests();
            int before = site.index().generation();
            int articles = site.articles().countPublished();

            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
                try {
                    while (!done.get()) {
                        var response = running.get("/search?q=water");
                        if (response.statusCode() != 200 || !response.body().contains("<mark>")) {
                            throw new AssertionError("search failed during reindex: " + response.statusCode());
                        }
                        searches.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });

            // A second process: the site holds the index, so the command asks the site to rebuild.
            Settings cli = site.settings();
            try (Site command = Site.open(cli, false)) {
                assertThat(command.ownsIndex()).isFalse();
                // A change made by the command while the site serves is picked up too.
                command.publish(story("ibex", "Ibex Climbs Dam Wall"));
                int indexed = command.reindex();
                assertThat(indexed).isEqualTo(articles + 1);
            } finally {
                done.set(true);
                readers.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(searches.get()).isPositive();
            assertThat(site.index().generation()).isGreaterThan(before);
            assertThat(site.index().size()).isEqualTo(articles + 1);
            assertThat(find(site, "ibex")).hasSize(1);
            try (var dirs = Files.list(cli.searchDir())) {
                assertThat(dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("index-")).toList())
                        .containsExactly("index-" + site.index().generation());
            }
            // Changes after the swap go to the new index.
            site.publish(story("okapi", "Okapi Seen In Market"));
            assertThat(find(site, "okapi")).hasSize(1);
        }
    }
}
