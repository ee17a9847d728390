package org.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.publish.Submission;
import org.gazette.support.TestDatabases;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Gazette servers, each with its own embedded index, sharing one PostgreSQL database. */
class SharedPostgresTest {

    @TempDir
    Path dir;

    @Test
    void anArticlePublishedThroughOneServerIsSearchableOnTheOther() throws Exception {
        Map<String, String> shared = new HashMap<>(TestDatabases.postgresSiteSettings());
        try (TestSite first = TestSite.start(dir.resolve("one"), shared);
             TestSite second = TestSite.start(dir.resolve("two"), shared)) {
            second.site().changeFeed().startPolling(Duration.ofMillis(100));
            assertThat(first.get("/healthz").body()).contains("\"database\":\"postgresql\"").contains("\"articles\":15");
            // The sample content was loaded once, by whichever server came first.
            assertThat(second.get("/healthz").body()).contains("\"articles\":15");

            first.site().publish(new Submission("glacier-survey", "Glacier Survey Finds Ice Retreating Faster", null,
                    "Surveyors measured the **Teral** glacier tongue.", "Science", List.of("Climate"), List.of("Priya Castellanos"),
                    null, null, null, Instant.parse("2026-11-27T10:00:00Z"), "en", null));
            assertThat(first.get("/search?q=surveyors").body()).contains("/articles/glacier-survey");

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            String found = "";
            while (System.nanoTime() < deadline && !found.contains("/articles/glacier-survey")) {
                Thread.sleep(100);
                found = second.get("/search?q=surveyors").body();
            }
            assertThat(found).contains("/articles/glacier-survey");
            assertThat(second.get("/articles/glacier-survey").statusCode()).isEqualTo(200);
        }
    }
}
