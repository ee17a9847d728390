package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.config.Settings;
import org.gazette.db.Database;
import org.gazette.publish.Publisher;
import org.gazette.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The syndication schema and every query it runs, on PostgreSQL (the H2 side is covered by SyndicationTest). */
class SyndicationPostgresTest {

    private Database database;
    private FeedServer feeds;
    private Syndication syndication;

    @BeforeEach
    void start() {
        database = TestDatabases.postgres();
        feeds = new FeedServer();
        var jdbi = database.jdbi();
        var renderer = new BodyRenderer();
        var catalog = new CatalogStore(jdbi);
        var publisher = new Publisher(new ArticleStore(jdbi), catalog, renderer, Clock.systemUTC());
        syndication = new Syndication(jdbi, publisher, catalog, renderer, Settings.of(Map.of("ingest.allow-private-addresses", "true")),
                Clock.systemUTC(), () -> { });
    }

    @AfterEach
    void stop() {
        if (feeds != null) {
            feeds.close();
        }
        if (database != null) {
            TestDatabases.dropSchema(database);
            database.close();
        }
    }

    private FeedSubscription subscribe(String path, String source) {
        return syndication.add(new FeedSubscription.Request(feeds.url(path), source, null, null, "World", List.of("Partners"), "en",
                FeedSubscription.Mode.PUBLISH, Duration.ofMinutes(15)));
    }

    @Test
    void ingestsDedupesUpdatesAndQueuesOnPostgres() {
        feeds.resource("/andes.xml", "application/rss+xml", "rss2.xml").resource("/pacific.xml", "application/rss+xml", "pacific-herald.xml")
                .resource("/page", "text/html", "html-page.html");
        FeedSubscription andes = subscribe("/andes.xml", "Andes Wire");
        FeedSubscription pacific = subscribe("/pacific.xml", "Pacific Herald");
        FeedSubscription page = subscribe("/page", "Web Page");

        SubscriptionStore store = new SubscriptionStore(database.jdbi());
        Instant now = Instant.now();
        assertThat(store.claimDue(now, 10, now.plusSeconds(600))).hasSize(3);
        assertThat(store.claimDue(now, 10, now.plusSeconds(600))).isEmpty();

        assertThat(syndication.poll(andes.id()).status().added()).isEqualTo(3);
        FeedSubscription second = syndication.poll(pacific.id());
        assertThat(second.status().added()).isEqualTo(1);
        assertThat(second.status().duplicates()).isEqualTo(2);
        assertThat(syndication.poll(page.id()).status().lastError()).contains("web page (HTML)");

        long terraces = database.jdbi().withHandle(h -> h.createQuery("select id from article where slug = :s")
                .bind("s", "highland-farmers-rebuild-terraces-after-record-floods").mapTo(Long.class).one());
        assertThat(syndication.alsoFrom(terraces)).extracting(org.gazette.catalog.Source::name).containsExactly("Pacific Herald");

        String changed = new String(FeedServer.read("rss2.xml"), StandardCharsets.UTF_8).replace("four hundred years", "five hundred years");
        feeds.serve("/andes.xml", "application/rss+xml", changed);
        FeedSubscription updated = syndication.poll(andes.id());
        assertThat(updated.status().updated()).isEqualTo(1);
        assertThat(updated.status().seen()).isEqualTo(3);
        String body = database.jdbi().withHandle(h -> h.createQuery("select body_html from article where id = :id")
                .bind("id", terraces).mapTo(String.class).one());
        assertThat(body).contains("five hundred years");

        assertThat(syndication.remove(pacific.id())).isTrue();
        assertThat(syndication.list()).extracting(FeedSubscription::sourceName).containsExactly("Andes Wire", "Web Page");
    }
}
