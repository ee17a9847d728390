package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.change.ChangeFeed;
import org.gazette.change.ChangeLog;
import org.gazette.db.Database;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;
import org.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reindex request table and the rebuild it triggers, on both supported databases. */
class ReindexRequestsTest {

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (Database db = TestDatabases.h2(dir)) {
            requestedRebuildIsCarriedOutAndReported(db);
        }
    }

    @Test
    void onPostgres() throws Exception {
        Database db = TestDatabases.postgres();
        try {
            requestedRebuildIsCarriedOutAndReported(db);
        } finally {
            TestDatabases.dropSchema(db);
            db.close();
        }
    }

    private void requestedRebuildIsCarriedOutAndReported(Database db) throws Exception {
        ArticleStore articles = new ArticleStore(db.jdbi());
        ChangeLog log = new ChangeLog(db.jdbi());
        Publisher publisher = new Publisher(articles, new CatalogStore(db.jdbi()), new BodyRenderer(), Clock.systemUTC());
        for (String name : List.of("Heron", "Egret", "Stork")) {
            publisher.publish(new Submission(name.toLowerCase(), name + " Returns To The Marsh", null, "Birdwatchers counted them.",
                    "Science", List.of("Birds"), List.of("Jonas Weir"), null, null, null, Instant.parse("2026-11-01T00:00:00Z"), "en", null));
        }
        try (SearchIndex index = SearchIndex.open(dir.resolve("index"));
             ReindexRequests requests = new ReindexRequests(db.jdbi());
             ChangeFeed feed = new ChangeFeed(log)) {
            SearchIndexer indexer = new SearchIndexer(index, articles, log, "search-index-test");
            feed.follow(indexer);
            feed.catchUp();
            int generation = index.generation();

            long first = requests.request();
            long second = requests.request();
            assertThat(requests.await(first, Duration.ofMillis(200))).isEmpty();
            requests.runPending(indexer);
            // One rebuild answers every request made before it started.
            assertThat(requests.await(first, Duration.ofSeconds(1))).contains(new ReindexRequests.Outcome(3, null));
            assertThat(requests.await(second, Duration.ofSeconds(1))).contains(new ReindexRequests.Outcome(3, null));
            assertThat(index.generation()).isGreaterThan(generation);
            assertThat(index.size()).isEqualTo(3);
            assertThat(new ArticleSearch(index).search("egret", 0, 10).total()).isEqualTo(1);

            // Nothing waiting: nothing rebuilt.
            generation = index.generation();
            requests.runPending(indexer);
            assertThat(index.generation()).isEqualTo(generation);
        }
    }
}
