package org.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.gazette.catalog.CatalogStore;
import org.gazette.change.ChangeLog;
import org.gazette.db.Database;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store must do on every database Gazette supports; subclasses supply the database. */
abstract class ArticleStoreContract {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    Database database;
    ArticleStore store;
    CatalogStore catalog;
    Publisher publisher;

    abstract Database openDatabase() throws Exception;

    void closeDatabase(Database database) {
        database.close();
    }

    @BeforeEach
    void open() throws Exception {
        database = openDatabase();
        store = new ArticleStore(database.jdbi());
        catalog = new CatalogStore(database.jdbi());
        publisher = new Publisher(store, catalog, new BodyRenderer(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        closeDatabase(database);
    }

    static Submission staff(String slug, String headline, String section, List<String> tags, String published) {
        return new Submission(slug, headline, "A deck for " + headline, "Body of **" + headline + "**.", section, tags,
                List.of("Mara Ekwueme", "Jonas Weir"), null, null, null, Instant.parse(published), "en", null);
    }

    @Test
    void storesAndReadsBackEveryField() {
        var image = new LeadImage("/assets/sample/dam.svg", "A dam in a valley", "The dam at dusk");
        var submission = new Submission("dam-talks", "Dam Talks Resume", "“We will keep talking,” she said.",
                "Talks *resumed*.\n\n> Quote", "World", List.of("Water", "Diplomacy"), List.of("Mara Ekwueme"),
                null, null, null, Instant.parse("2026-10-23T12:30:00Z"), "en", image);
        publisher.publish(submission);

        Article article = store.bySlug("dam-talks").orElseThrow();
        assertThat(article.headline()).isEqualTo("Dam Talks Resume");
        assertThat(article.deck()).isEqualTo("“We will keep talking,” she said.");
        assertThat(article.bodyMarkdown()).isEqualTo("Talks *resumed*.\n\n> Quote");
        assertThat(article.bodyHtml()).contains("<em>resumed</em>").contains("<blockquote>");
        assertThat(article.section().name()).isEqualTo("World");
        assertThat(article.tags()).extracting(t -> t.name()).containsExactly("Diplomacy", "Water");
        assertThat(article.byline().isRepublished()).isFalse();
        assertThat(article.byline().names()).isEqualTo("Mara Ekwueme");
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2026-10-23T12:30:00Z"));
        assertThat(article.updatedAt()).isEqualTo(article.publishedAt());
        assertThat(article.wasUpdated()).isFalse();
        assertThat(article.image()).isEqualTo(image);
        assertThat(article.language()).isEqualTo("en");
    }

    @Test
    void republishedArticlesKeepTheirSourceAndOriginal() {
        publisher.publish(new Submission("partner", "Partner Story", null, "Text", "World", List.of(), List.of(),
                "Harbor Dispatch", "https://harbor.example.com/", "https://harbor.example.com/story", NOW.minusSeconds(60), "es", null));
        Article article = store.bySlug("partner").orElseThrow();
        assertThat(article.byline().isRepublished()).isTrue();
        assertThat(article.byline().source().name()).isEqualTo("Harbor Dispatch");
        assertThat(article.byline().source().homeUrl()).isEqualTo("https://harbor.example.com/");
        assertThat(article.byline().originalUrl()).isEqualTo("https://harbor.example.com/story");
        assertThat(article.language()).isEqualTo("es");
        assertThat(store.fromSource(article.byline().source().id(), 10, 0).articles()).extracting(Article::slug).containsExactly("partner");
    }

    @Test
    void publishingTheSameSlugUpdatesInsteadOfDuplicating() {
        publisher.publish(staff("story", "First Headline", "World", List.of("Water"), "2026-10-01T10:00:00Z"));
        long changesBefore = new ChangeLog(database.jdbi()).latestSeq();
        publisher.publish(staff("story", "First Headline", "World", List.of("Water"), "2026-10-01T10:00:00Z"));
        assertThat(new ChangeLog(database.jdbi()).latestSeq()).as("an identical repeat is not a change").isEqualTo(changesBefore);

        publisher.publish(staff("story", "Second Headline", "Business", List.of("Trade"), "2026-10-01T10:00:00Z"));
        assertThat(store.countPublished()).isEqualTo(1);
        Article article = store.bySlug("story").orElseThrow();
        assertThat(article.headline()).isEqualTo("Second Headline");
        assertThat(article.section().name()).isEqualTo("Business");
        assertThat(article.tags()).extracting(t -> t.name()).containsExactly("Trade");
        assertThat(article.updatedAt()).isEqualTo(NOW);
        assertThat(article.wasUpdated()).isTrue();
        assertThat(new ChangeLog(database.jdbi()).after(changesBefore, 10)).hasSize(1);
    }

    @Test
    void publishingManyAtOnceStoresEachAsOneByOneWould() {
        long keptId = publisher.publish(staff("kept", "Kept As It Was", "World", List.of("Water"), "2026-10-01T08:00:00Z")).id();
        long editedId = publisher.publish(staff("edited", "Before The Edit", "World", List.of("Water"), "2026-10-02T08:00:00Z")).id();
        ChangeLog changes = new ChangeLog(database.jdbi());
        long changesBefore = changes.latestSeq();

        var results = publisher.publishAll(List.of(
                staff("first-new", "First New", "Science", List.of("Space", "Water"), "2026-10-03T08:00:00Z"),
                staff("kept", "Kept As It Was", "World", List.of("Water"), "2026-10-01T08:00:00Z"),
                staff("edited", "After The Edit", "Politics", List.of("Elections"), "2026-10-02T08:00:00Z"),
                staff("twice", "Twice, First Take", "World", List.of(), "2026-10-04T08:00:00Z"),
                staff("second-new", "Second New", "World", List.of("Space"), "2026-10-05T08:00:00Z"),
                staff("twice", "Twice, Second Take", "World", List.of(), "2026-10-04T08:00:00Z")));

        assertThat(results).extracting(Publisher.Published::path).containsExactly("/articles/first-new", "/articles/kept",
                "/articles/edited", "/articles/twice", "/articles/second-new", "/articles/twice");
        assertThat(results.get(1).id()).isEqualTo(keptId);
        assertThat(results.get(2).id()).isEqualTo(editedId);
        assertThat(results.get(3).id()).isEqualTo(results.get(5).id());
        for (var result : results) {
            assertThat(store.byId(result.id()).orElseThrow().path()).isEqualTo(result.path());
        }
        assertThat(store.countPublished()).isEqualTo(5);

        Article fresh = store.bySlug("first-new").orElseThrow();
        assertThat(fresh.headline()).isEqualTo("First New");
        assertThat(fresh.section().name()).isEqualTo("Science");
        assertThat(fresh.tags()).extracting(t -> t.name()).containsExactly("Space", "Water");
        assertThat(fresh.byline().authors()).extracting(a -> a.name()).containsExactly("Mara Ekwueme", "Jonas Weir");
        assertThat(fresh.updatedAt()).as("backdated: last changed when published").isEqualTo(fresh.publishedAt());
        assertThat(fresh.bodyHtml()).contains("<strong>First New</strong>");
        assertThat(store.bySlug("second-new").orElseThrow().tags()).extracting(t -> t.name()).containsExactly("Space");
        Article edited = store.bySlug("edited").orElseThrow();
        assertThat(edited.headline()).isEqualTo("After The Edit");
        assertThat(edited.tags()).extracting(t -> t.name()).containsExactly("Elections");
        assertThat(edited.updatedAt()).isEqualTo(NOW);
        assertThat(store.bySlug("twice").orElseThrow().headline()).isEqualTo("Twice, Second Take");

        // One outbox entry per real change, none for the identical repeat; an edit remembers where
        // the article was filed, a new article was filed nowhere.
        var after = changes.after(changesBefore, 20);
        assertThat(after).extracting(org.gazette.change.Change::articleId).containsExactlyInAnyOrder(
                results.get(0).id(), editedId, results.get(3).id(), results.get(3).id(), results.get(4).id());
        assertThat(after).filteredOn(c -> c.articleId() == editedId).singleElement()
                .satisfies(c -> assertThat(c.priorFacets()).contains("section:" + store.bySlug("kept").orElseThrow().section().id()));
        assertThat(after).filteredOn(c -> c.articleId() == results.get(0).id()).singleElement()
                .satisfies(c -> assertThat(c.priorFacets()).isEmpty());
    }

    @Test
    void listingsAreNewestFirstAndPaged() {
        for (int i = 1; i <= 5; i++) {
            publisher.publish(staff("s" + i, "Story " + i, i % 2 == 0 ? "World" : "Science", List.of("Water"),
                    "2026-10-0" + i + "T10:00:00Z"));
        }
        var first = store.latest(2, 0);
        assertThat(first.articles()).extracting(Article::slug).containsExactly("s5", "s4");
        assertThat(first.hasMore()).isTrue();
        var last = store.latest(2, 4);
        assertThat(last.articles()).extracting(Article::slug).containsExactly("s1");
        assertThat(last.hasMore()).isFalse();

        long world = catalog.section("world").orElseThrow().id();
        assertThat(store.inSection(world, 10, 0).articles()).extracting(Article::slug).containsExactly("s4", "s2");
        long water = catalog.tag("water").orElseThrow().id();
        assertThat(store.withTag(water, 10, 0).articles()).hasSize(5);
        long mara = catalog.author("mara-ekwueme").orElseThrow().id();
        assertThat(store.byAuthor(mara, 3, 0).articles()).extracting(Article::slug).containsExactly("s5", "s4", "s3");
        assertThat(store.byAuthor(mara, 3, 0).articles().get(0).byline().names()).isEqualTo("Mara Ekwueme and Jonas Weir");
    }

    @Test
    void futureArticlesWaitUntilTheirTime() {
        publisher.publish(staff("later", "Later", "World", List.of(), "2026-12-01T10:00:00Z"));
        assertThat(store.bySlug("later").orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
        assertThat(store.latest(10, 0).articles()).isEmpty();

        var later = new Publisher(store, catalog, new BodyRenderer(), Clock.fixed(Instant.parse("2026-12-01T10:00:01Z"), ZoneOffset.UTC));
        assertThat(later.releaseDue()).isEqualTo(1);
        assertThat(store.latest(10, 0).articles()).extracting(Article::slug).containsExactly("later");
    }

    @Test
    void byIdsKeepsTheOrderAsked() {
        publisher.publish(staff("a", "A", "World", List.of(), "2026-10-01T10:00:00Z"));
        publisher.publish(staff("b", "B", "World", List.of(), "2026-10-02T10:00:00Z"));
        long a = store.bySlug("a").orElseThrow().id();
        long b = store.bySlug("b").orElseThrow().id();
        assertThat(store.byIds(List.of(b, 999_999L, a))).extracting(Article::slug).containsExactly("b", "a");
        assertThat(store.byIds(List.of())).isEmpty();
    }

    @Test
    void linksArePublishedArticlesOnlyInTheOrderAsked() {
        long a = publisher.publish(staff("a", "A", "World", List.of("Water"), "2026-10-01T10:00:00Z")).id();
        long b = publisher.publish(new Submission("b", "B", null, "The *opening* of B.", "World", List.of(),
                List.of("Mara Ekwueme"), null, null, null, Instant.parse("2026-10-02T10:00:00Z"), "en", null)).id();
        long later = publisher.publish(staff("later", "Later", "World", List.of(), "2026-12-01T10:00:00Z")).id();

        var links = store.publishedLinks(List.of(b, later, 999_999L, a));
        assertThat(links).extracting(ArticleStore.Link::id).containsExactly(b, a);
        assertThat(links.get(0)).satisfies(link -> {
            assertThat(link.path()).isEqualTo("/articles/b");
            assertThat(link.headline()).isEqualTo("B");
            assertThat(link.deck()).isNull();
            assertThat(link.bodyHtml()).contains("<em>opening</em>");
        });
        assertThat(links.get(1).deck()).isEqualTo("A deck for A");
        assertThat(store.publishedLinks(List.of())).isEmpty();
    }

    @Test
    void textIsStoredExactly_unicodeAndQuotes() {
        String headline = "Ünïcödé “quotes” & <angles> — عربى 🚢";
        publisher.publish(staff("unicode", headline, "World", List.of("Çà"), "2026-10-01T10:00:00Z"));
        assertThat(store.bySlug("unicode").orElseThrow().headline()).isEqualTo(headline);
        assertThat(catalog.tag("ca")).isPresent();
    }

    @Test
    void aBylineNeedsAuthorsOrASourceNotBoth() {
        assertThatThrownBy(() -> Byline.staff(List.of())).hasMessageContaining("staff authors or a source");
    }
}
