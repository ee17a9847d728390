package org.gazette.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.db.Database;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;
import org.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sitemap queries give the same answers on H2 and PostgreSQL. */
class SitemapQueriesTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void onH2() {
        try (Database db = TestDatabases.h2(dir)) {
            check(db);
        }
    }

    @Test
    void onPostgres() {
        Database db = TestDatabases.postgres();
        try {
            check(db);
        } finally {
            TestDatabases.dropSchema(db);
            db.close();
        }
    }

    private static void check(Database db) {
        var articles = new ArticleStore(db.jdbi());
        var publisher = new Publisher(articles, new CatalogStore(db.jdbi()), new BodyRenderer(), Clock.fixed(NOW, ZoneOffset.UTC));
        publisher.publish(submission("old", "World", List.of("Water"), List.of("Ana Ruiz"), null, NOW.minusSeconds(90_000 * 3)));
        publisher.publish(submission("recent", "World", List.of("Water", "Dams"), List.of(), "Meridian Wire", NOW.minusSeconds(3_600)));
        publisher.publish(submission("future", "Science", List.of("Comets"), List.of("Ana Ruiz"), null, NOW.plusSeconds(3_600)));

        var queries = new SitemapQueries(db.jdbi());
        assertThat(queries.countArticles()).isEqualTo(2);
        assertThat(queries.articles(0, 1)).extracting(SitemapQueries.Page::path).containsExactly("/articles/old");
        assertThat(queries.articles(1, 5)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/articles/recent");
            assertThat(p.lastModified()).isEqualTo(NOW.minusSeconds(3_600));
        });
        assertThat(queries.listingPages()).extracting(SitemapQueries.Page::path).containsExactly(
                "/section/world", "/tag/dams", "/tag/water", "/author/ana-ruiz", "/source/meridian-wire");
        assertThat(queries.publishedSince(NOW.minusSeconds(48 * 3_600), 10)).singleElement().satisfies(n -> {
            assertThat(n.path()).isEqualTo("/articles/recent");
            assertThat(n.headline()).isEqualTo("Headline recent");
            assertThat(n.language()).isEqualTo("en");
            assertThat(n.published()).isEqualTo(NOW.minusSeconds(3_600));
        });

        // Saved at NOW, released at NOW + 2 h: it changed for readers when it went out, not when it was saved.
        new Publisher(articles, new CatalogStore(db.jdbi()), new BodyRenderer(), Clock.fixed(NOW.plusSeconds(7_200), ZoneOffset.UTC))
                .releaseDue();
        assertThat(queries.countArticles()).isEqualTo(3);
        assertThat(queries.articles(2, 5)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/articles/future");
            assertThat(p.lastModified()).isEqualTo(NOW.plusSeconds(3_600));
        });
        assertThat(queries.listingPages()).filteredOn(p -> p.path().equals("/section/science")).singleElement()
                .satisfies(p -> assertThat(p.lastModified()).isEqualTo(NOW.plusSeconds(3_600)));
    }

    private static Submission submission(String slug, String section, List<String> tags, List<String> authors, String source,
                                         Instant published) {
        return new Submission(slug, "Headline " + slug, null, "Body of " + slug + ".", section, tags, authors, source,
                source == null ? null : "https://example.org/", source == null ? null : "https://example.org/" + slug,
                published, "en", null);
    }
}
