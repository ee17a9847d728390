package org.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;
import org.gazette.catalog.Author;
import org.gazette.catalog.Section;
import org.gazette.catalog.Slugs;
import org.gazette.catalog.Tag;
import org.gazette.publish.Submission;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of change drops exactly the cached pages that showed the article, checked over real
 * HTTP right after the publishing call returns: the pages that must change, and pages that must not
 * (still served from memory). Two articles a page, so listings have a second page.
 */
class PageInvalidationHttpTest {

    private static final String VELORIA = "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam";
    private static final String HALDEN = "/articles/castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria";
    private static final String COMET = "/articles/" + Slugs.of("Forgotten Logbooks Reveal a 19th-Century Sighting of This Winter's Comet");
    private static final List<String> UNRELATED = List.of("/section/business", "/tag/astronomy", COMET);

    @TempDir
    Path data;

    TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start(data, Map.of("site.page-size", "2"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** Requests every page twice, so each is in the cache before the change. */
    private void warm(List<String> paths) throws Exception {
        for (String path : paths) {
            assertThat(site.get(path).statusCode()).as(path).isEqualTo(200);
            if (!path.contains("/feed.")) {
                // Feeds are kept by the feed cache, which marks no hits; their content is checked all the same.
                assertThat(site.get(path).headers().firstValue("X-Cache")).as(path).hasValue("HIT");
            }
        }
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private void assertStillCached(List<String> paths) throws Exception {
        for (String path : paths) {
            assertThat(site.get(path).headers().firstValue("X-Cache")).as(path + " must not have been dropped").hasValue("HIT");
        }
    }

    private Article stored(String path) {
        return site.site().articles().bySlug(path.substring("/articles/".length())).orElseThrow();
    }

    private static Submission resubmit(Article a, String headline, String section, List<String> tags) {
        var byline = a.byline();
        return new Submission(a.slug(), headline, a.deck(), a.bodyMarkdown(), section, tags,
                byline.isRepublished() ? List.of() : byline.authors().stream().map(Author::name).toList(),
                byline.isRepublished() ? byline.source().name() : null,
                byline.isRepublished() ? byline.source().homeUrl() : null,
                byline.originalUrl(), a.publishedAt(), a.language(), a.image());
    }

    private static List<String> tagNames(Article a) {
        return a.tags().stream().map(Tag::name).toList();
    }

    @Test
    void publishingANewArticleShowsItEverywhereItBelongsAndNowhereElse() throws Exception {
        String search = "/search?q=floodgates";
        List<String> affected = List.of("/", "/section/world", "/tag/water", "/author/mara-ekwueme", "/feed.rss", search);
        warm(affected);
        warm(UNRELATED);
        assertThat(page(search)).doesNotContain("Floodgates");

        site.site().publish(new Submission("sarn-floodgates-opened", "Sarn Floodgates Opened After Storm", null,
                "Engineers opened the floodgates of the Halden Dam after a night of storms.", "World",
                List.of("Water", "Floods"), List.of("Mara Ekwueme"), null, null, null, Instant.now().minusSeconds(5), "en", null));

        for (String path : affected) {
            assertThat(page(path)).as(path).contains("/articles/sarn-floodgates-opened");
        }
        assertThat(page("/tag/floods")).contains("/articles/sarn-floodgates-opened");
        assertStillCached(UNRELATED);
    }

    @Test
    void editingAnArticleChangesEveryPageThatShowsIt() throws Exception {
        assertThat(page(VELORIA)).as("the Veloria page lists the Halden story as related").contains(HALDEN);
        List<String> affected = List.of(HALDEN, VELORIA, "/tag/energy", "/source/meridian-wire", "/feed.rss");
        warm(affected);
        warm(UNRELATED);
        for (String path : affected) {
            assertThat(page(path)).as(path).contains("Castrane Begins Filling Halden Reservoir, Drawing Sharp Protest From Veloria");
        }

        Article halden = stored(HALDEN);
        site.site().publish(resubmit(halden, "Castrane Fills the Halden Reservoir", halden.section().name(), tagNames(halden)));

        for (String path : affected) {
            assertThat(page(path)).as(path).contains("Castrane Fills the Halden Reservoir")
                    .doesNotContain("Castrane Begins Filling Halden Reservoir, Drawing Sharp Protest From Veloria");
        }
        assertStillCached(UNRELATED);
    }

    @Test
    void unpublishingAnArticleTakesItOffEveryPage() throws Exception {
        List<String> affected = List.of(VELORIA, "/", "/tag/energy", "/source/meridian-wire", "/feed.rss",
                "/search?q=reservoir");
        warm(List.of(HALDEN));
        warm(affected);
        warm(UNRELATED);
        for (String path : affected) {
            assertThat(page(path)).as(path).contains(HALDEN);
        }

        long id = stored(HALDEN).id();
        site.site().database().jdbi().useTransaction(h -> {
            h.createUpdate("update article set status = 'DRAFT' where id = :id").bind("id", id).execute();
            ArticleStore.recordChange(h, id, Instant.now());
        });
        site.site().settle();

        assertThat(site.get(HALDEN).statusCode()).isEqualTo(404);
        for (String path : affected) {
            assertThat(page(path)).as(path).doesNotContain(HALDEN);
        }
        assertStillCached(UNRELATED);
    }

    @Test
    void movingAnArticleToAnotherSectionAndTagsRedrawsTheListingsItLeftAndJoined() throws Exception {
        Section world = site.site().catalog().section("world").orElseThrow();
        List<Article> worldNewestFirst = site.site().articles().inSection(world.id(), 4, 0).articles();
        Article moving = worldNewestFirst.get(0);
        Article third = worldNewestFirst.get(2);
        assertThat(moving.tags()).extracting(Tag::name).contains("Water");
        // The second page of World does not show the article that moves, but it shifts when it leaves.
        String worldPage2 = "/section/world?page=2";
        warm(List.of("/section/world", worldPage2, "/section/science", "/tag/water"));
        warm(UNRELATED);
        assertThat(page(worldPage2)).contains(third.path()).doesNotContain(moving.path());
        assertThat(site.get("/tag/rivers").statusCode()).isEqualTo(404);

        List<String> tags = tagNames(moving).stream().map(t -> t.equals("Water") ? "Rivers" : t).toList();
        site.site().publish(resubmit(moving, moving.headline(), "Science", tags));

        assertThat(page("/section/world")).doesNotContain(moving.path()).contains(third.path());
        assertThat(page(worldPage2)).doesNotContain(third.path());
        assertThat(page("/section/science")).contains(moving.path());
        assertThat(page("/tag/water")).doesNotContain(moving.path());
        assertThat(page("/tag/rivers")).contains(moving.path());
        assertThat(page(moving.path())).contains("<a href=\"/section/science\">Science</a>");
        assertStillCached(List.of("/section/business", "/tag/astronomy"));
    }

    @Test
    void aNewSectionRedrawsEveryPageBecauseEveryPageNamesTheSections() throws Exception {
        warm(UNRELATED);
        assertThat(page("/section/business")).doesNotContain("/section/culture");

        site.site().publish(new Submission("gallery-reopens", "City Gallery Reopens", null, "The gallery reopened.", "Culture",
                List.of("Art"), List.of("Jonas Weir"), null, null, null, Instant.now().minusSeconds(5), "en", null));

        for (String path : UNRELATED) {
            assertThat(page(path)).as(path).contains("<a href=\"/section/culture\"");
        }
    }

    @Test
    void aPublishFromAnotherProcessIsShownOnceItsSettleReturns() throws Exception {
        // The running site follows changes written by others (the CLI) through its poll of the outbox.
        site.site().changeFeed().startPolling(java.time.Duration.ofMillis(50));
        List<String> affected = List.of("/", "/section/world", "/tag/water", "/feed.rss");
        warm(affected);

        var settings = site.site().settings();
        try (var cli = org.gazette.Site.open(settings, false)) {
            assertThat(cli.ownsIndex()).as("the running site owns the index, as with `gazette publish`").isFalse();
            cli.publisher().publishAll(List.of(new Submission("dam-inspection-finds-cracks", "Dam Inspection Finds Cracks", null,
                    "Inspectors found cracks in the spillway.", "World", List.of("Water"), List.of("Mara Ekwueme"), null, null,
                    null, Instant.now().minusSeconds(5), "en", null)));
            cli.settle();
        }
        for (String path : affected) {
            assertThat(page(path)).as(path).contains("/articles/dam-inspection-finds-cracks");
        }
    }

    @Test
    void keptPagesAreServedAheadOfTheRoutesButNeverToASignedInReader() throws Exception {
        warm(List.of(VELORIA));
        HttpResponse<String> hit = site.get(VELORIA);
        String etag = hit.headers().firstValue("ETag").orElseThrow();
        assertThat(site.get(VELORIA, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
        var head = site.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.baseUrl() + VELORIA))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

        HttpResponse<String> signedIn = site.get(VELORIA, Map.of("Cookie", PageCache.SESSION_COOKIE + "=s3cret"));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("X-Cache")).isEmpty();
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(site.get(VELORIA, Map.of("Authorization", "Bearer x")).headers().firstValue("X-Cache")).isEmpty();
    }

    @Test
    void searchPagesAndFeedsCarryValidatorsAndEveryPageTheFingerprintedAssets() throws Exception {
        HttpResponse<String> feed = site.get("/feed.rss");
        String etag = feed.headers().firstValue("ETag").orElseThrow();
        assertThat(site.get("/feed.rss", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);

        String html = page("/");
        String css = AssetFingerprints.path("site.css");
        assertThat(css).matches("/assets/site\\.[A-Za-z0-9]{10}\\.css");
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"" + css + "\">")
                .contains("<script src=\"" + AssetFingerprints.path("text-size.js") + "\"></script>");
        HttpResponse<String> asset = site.get(css);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.body()).isEqualTo(site.get("/assets/site.css").body());
        assertThat(site.get("/assets/site.0000000000.css").statusCode()).isEqualTo(404);
        assertThat(site.get("/assets/text-size.js").statusCode()).isEqualTo(200);
    }
}
