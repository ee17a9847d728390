package org.gazette.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.gazette.article.ArticleFacets;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.db.Database;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;
import org.gazette.support.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outbox remembers where an article was filed before each change, on both databases, so
 * caches can drop the listings it leaves; and listings come newest first off their indexes.
 */
class ChangeFacetsDatabaseTest {

    @TempDir
    static Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    private static Database open(String kind) {
        return kind.equals("h2") ? TestDatabases.h2(dir.resolve(Long.toString(System.nanoTime()))) : TestDatabases.postgres();
    }

    private static Submission article(String slug, String section, List<String> tags, int hoursAgo) {
        return new Submission(slug, "Headline " + slug, null, "Body of " + slug + ".", section, tags, List.of("Ada Reporter"),
                null, null, null, Instant.parse("2026-11-01T12:00:00Z").minusSeconds(3600L * hoursAgo), "en", null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachChangeRecordsTheFacetsTheArticleHadBefore(String kind) {
        Database database = open(kind);
        try {
            var articles = new ArticleStore(database.jdbi());
            var catalog = new CatalogStore(database.jdbi());
            var log = new ChangeLog(database.jdbi());
            var publisher = new Publisher(articles, catalog, new BodyRenderer(), Clock.systemUTC());

            var first = publisher.publishAll(List.of(article("one", "World", List.of("Water", "Energy"), 3),
                    article("two", "World", List.of("Water"), 2), article("three", "Science", List.of("Space"), 1)));
            long one = first.get(0).id();
            long worldId = catalog.section("world").orElseThrow().id();
            long water = catalog.tag("water").orElseThrow().id();
            long energy = catalog.tag("energy").orElseThrow().id();
            long author = catalog.author("ada-reporter").orElseThrow().id();
            List<Change> inserts = log.after(0, 10);
            assertThat(inserts).hasSize(3).allSatisfy(c -> assertThat(c.priorFacets()).isEmpty());

            assertThat(articles.inSection(worldId, 10, 0).articles()).extracting(a -> a.slug()).containsExactly("two", "one");
            assertThat(articles.latest(2, 0).articles()).extracting(a -> a.slug()).containsExactly("three", "two");
            assertThat(articles.latest(2, 2).articles()).extracting(a -> a.slug()).containsExactly("one");

            publisher.publish(article("one", "Science", List.of("Rivers"), 3));
            Change moved = log.after(inserts.get(2).seq(), 10).get(0);
            assertThat(moved.articleId()).isEqualTo(one);
            assertThat(moved.priorFacets().split(" ")).containsExactlyInAnyOrder(ArticleFacets.section(worldId),
                    ArticleFacets.tag(water), ArticleFacets.tag(energy), ArticleFacets.author(author));
            assertThat(articles.inSection(worldId, 10, 0).articles()).extracting(a -> a.slug()).containsExactly("two");
            var now = ArticleFacets.stored(database.jdbi(), List.of(one, first.get(1).id(), 999_999L));
            assertThat(now).containsOnlyKeys(one, first.get(1).id());
            assertThat(now.get(one)).containsExactlyInAnyOrder(ArticleFacets.section(catalog.section("science").orElseThrow().id()),
                    ArticleFacets.tag(catalog.tag("rivers").orElseThrow().id()), ArticleFacets.author(author));

            // A change recorded by other code notes the facets as they stand; an article gone is unknown.
            database.jdbi().useTransaction(h -> ArticleStore.recordChange(h, one, Instant.now()));
            database.jdbi().useTransaction(h -> ArticleStore.recordChange(h, 999_999, Instant.now()));
            List<Change> last = log.after(moved.seq(), 10);
            assertThat(last.get(0).priorFacets()).contains(ArticleFacets.section(catalog.section("science").orElseThrow().id()));
            assertThat(last.get(1).priorFacets()).isNull();

            database.jdbi().useTransaction(h -> ChangeLog.recordSiteChange(h, Instant.now()));
            assertThat(log.after(last.get(1).seq(), 10)).singleElement().satisfies(c -> assertThat(c.isSiteWide()).isTrue());
        } finally {
            TestDatabases.dropSchema(database);
            database.close();
        }
    }
}
