package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.publish.Submission;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partner feeds end to end: a real site (H2, Lucene, web server) and a real feed server on
 * loopback; articles are checked on the public pages over HTTP.
 */
class SyndicationTest {

    @TempDir
    Path data;

    private TestSite site;
    private FeedServer feeds;
    private Syndication syndication;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start(data, Map.of("ingest.allow-private-addresses", "true", "ingest.read-timeout", "3",
                "ingest.status-page", "true"));
        feeds = new FeedServer();
        syndication = Syndication.forSite(site.site());
    }

    @AfterEach
    void stop() {
        feeds.close();
        site.close();
    }

    private FeedSubscription subscribe(String path, String source, FeedSubscription.Mode mode) {
        return syndication.add(new FeedSubscription.Request(feeds.url(path), source, "https://" + source.toLowerCase().replace(' ', '-') + ".example/",
                null, "World", List.of("Partners"), "en", mode, Duration.ofMinutes(15)));
    }

    private Article article(String slug) {
        return site.site().articles().bySlug(slug).orElseThrow(() -> new AssertionError("no article " + slug));
    }

    private int articleCount() {
        return site.site().database().jdbi().withHandle(h -> h.createQuery("select count(*) from article").mapTo(Integer.class).one());
    }

    @Test
    void aPartnerFeedBecomesAttributedCleanArticlesOnTheSiteInOnePoll() throws Exception {
        feeds.resource("/andes.xml", "application/rss+xml; charset=utf-8", "rss2.xml");
        FeedSubscription sub = subscribe("/andes.xml", "Andes Wire", FeedSubscription.Mode.PUBLISH);
        FeedSubscription after = syndication.poll(sub.id());

        assertThat(after.status().lastError()).isNull();
        assertThat(after.status().lastHttpStatus()).isEqualTo(200);
        assertThat(after.status().seen()).isEqualTo(3);
        assertThat(after.status().added()).isEqualTo(3);
        assertThat(after.status().lastSuccessAt()).isNotNull();

        String html = site.get("/articles/highland-farmers-rebuild-terraces-after-record-floods").body();
        assertThat(html)
                .contains("<h1>Highland Farmers Rebuild Terraces After Record Floods</h1>")
                .contains("<a href=\"/source/andes-wire\" rel=\"author\">Andes Wire</a>")
                .contains("href=\"https://andes-wire.example/news/terraces-rebuilt?utm_source=rss&amp;utm_medium=feed\"")
                .contains("href=\"https://andes-wire.example/science/terraces\"")
                .contains("<img src=\"https://andes-wire.example/img/terraces.jpg\" alt=\"Stone terraces above the river valley\"")
                .contains("<p class=\"deck\">Communities in the high valleys are restoring stone terraces washed away in March.</p>")
                .contains("<time datetime=\"2026-11-24T09:15:00Z\">")
                .contains("rel=\"tag\">Partners</a>")
                .doesNotContain("alert(").doesNotContain("onclick").doesNotContain("pixel.gif").doesNotContain("feedburner");

        Article railway = article("mountain-railway-reopens-eighty-years-after-its-last-train");
        assertThat(railway.image().url()).isEqualTo("https://andes-wire.example/img/railway.jpg");
        assertThat(railway.image().alt()).isEqualTo("The first train crossing the viaduct");
        assertThat(railway.bodyHtml()).doesNotContain("railway.jpg").contains("narrow-gauge line");
        assertThat(railway.byline().originalUrl()).isEqualTo("https://andes-wire.example/news/railway-reopens");
        assertThat(article("glacier-lake-warning-system-tested-in-three-provinces").image().url())
                .isEqualTo("https://andes-wire.example/img/lake.png");

        assertThat(site.get("/source/andes-wire").body()).contains("Mountain Railway Reopens Eighty Years After Its Last Train");
        assertThat(site.get("/search?q=terraces").body()).contains("/articles/highland-farmers-rebuild-terraces-after-record-floods");
        assertThat(site.get("/").body()).contains("Highland Farmers Rebuild Terraces");

        // The same feed again adds nothing.
        int before = articleCount();
        FeedSubscription again = syndication.poll(sub.id());
        assertThat(again.status().added()).isZero();
        assertThat(again.status().updated()).isZero();
        assertThat(again.status().seen()).isEqualTo(3);
        assertThat(articleCount()).isEqualTo(before);
    }

    @Test
    void rss1AtomAndJsonFeedAreTakenInToo() {
        feeds.resource("/rss1", "application/rdf+xml", "rss1.xml")
                .resource("/atom", "application/atom+xml", "atom.xml")
                .resource("/json", "application/feed+json", "feed.json");
        assertThat(syndication.poll(subscribe("/rss1", "Coastal Times", FeedSubscription.Mode.PUBLISH).id()).status().added()).isEqualTo(1);
        FeedSubscription atom = syndication.poll(subscribe("/atom", "Northern Ledger", FeedSubscription.Mode.PUBLISH).id());
        assertThat(atom.status().added()).isEqualTo(2);
        assertThat(article("ice-road-opens-early-traffic-surges").headline()).isEqualTo("Ice Road Opens Early & Traffic Surges");
        assertThat(article("a-b-tag-in-a-plain-title").byline().originalUrl()).isEqualTo("https://ledger.example/stories/plain-title");
        assertThat(article("a-b-tag-in-a-plain-title").bodyHtml()).contains("&lt;script&gt;").doesNotContain("<script");

        FeedSubscription json = syndication.poll(subscribe("/json", "Delta Daily", FeedSubscription.Mode.PUBLISH).id());
        assertThat(json.status().added()).isEqualTo(2);
        assertThat(json.status().refused()).isEqualTo(1); // {"id": "dd-79"}: no title, no text
        assertThat(json.status().lastError()).contains("1 item(s) refused: An item has neither a title nor any text");
        Article ferry = article("ferry-timetable-changes-for-the-winter");
        assertThat(ferry.byline().originalUrl()).isNull();
        // "next Tuesday, probably" is no date: the article is dated when it was fetched, the raw text is kept.
        assertThat(ferry.publishedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        List<String> rawDates = site.site().database().jdbi().withHandle(h -> h.createQuery(
                "select raw_date from ingest_item where raw_date is not null").mapTo(String.class).list());
        assertThat(rawDates).contains("next Tuesday, probably");
    }

    @Test
    void theSameStoryFromASecondPartnerIsAnotherSourceNotASecondArticle() throws Exception {
        feeds.resource("/andes.xml", "application/rss+xml", "rss2.xml").resource("/pacific.xml", "application/rss+xml", "pacific-herald.xml");
        syndication.poll(subscribe("/andes.xml", "Andes Wire", FeedSubscription.Mode.PUBLISH).id());
        String terraces = "/articles/highland-farmers-rebuild-terraces-after-record-floods";
        assertThat(site.get(terraces).body()).doesNotContain("also-from");
        int before = articleCount();
        FeedSubscription pacific = syndication.poll(subscribe("/pacific.xml", "Pacific Herald", FeedSubscription.Mode.PUBLISH).id());

        assertThat(pacific.status().duplicates()).as("near-duplicate text and same normalized link").isEqualTo(2);
        assertThat(pacific.status().added()).isEqualTo(1);
        assertThat(articleCount()).isEqualTo(before + 1);
        assertThat(syndication.alsoFrom(article("highland-farmers-rebuild-terraces-after-record-floods").id())).extracting(org.gazette.catalog.Source::name)
                .containsExactly("Pacific Herald");
        assertThat(syndication.alsoFrom(article("mountain-railway-reopens-eighty-years-after-its-last-train").id())).extracting(org.gazette.catalog.Source::name)
                .containsExactly("Pacific Herald");
        assertThat(article("highland-farmers-rebuild-terraces-after-record-floods").byline().source().name()).isEqualTo("Andes Wire");
        // The page kept before the second outlet was found names it now.
        assertThat(site.get(terraces).body()).contains("<p class=\"also-from\">Also reported by")
                .contains("<a href=\"/source/pacific-herald\">Pacific Herald</a>");
        assertThat(site.get("/source/pacific-herald").statusCode()).isEqualTo(200);

        // Polling both again changes nothing.
        assertThat(syndication.pollAll()).allSatisfy(s -> {
            assertThat(s.status().added()).isZero();
            assertThat(s.status().duplicates()).isZero();
        });
        assertThat(articleCount()).isEqualTo(before + 1);
    }

    @Test
    void anItemChangedUpstreamUpdatesTheArticleUnlessAnEditorChangedItSince() throws Exception {
        String v1 = new String(FeedServer.read("rss1.xml"), StandardCharsets.UTF_8);
        feeds.serve("/coast", "application/rss+xml", v1);
        FeedSubscription sub = subscribe("/coast", "Coastal Times", FeedSubscription.Mode.PUBLISH);
        syndication.poll(sub.id());
        String slug = "harbour-dredging-delayed-by-whale-sightings";
        long id = article(slug).id();

        feeds.serve("/coast", "application/rss+xml", v1.replace("paused for two weeks", "paused for three weeks"));
        FeedSubscription updated = syndication.poll(sub.id());
        assertThat(updated.status().updated()).isEqualTo(1);
        assertThat(article(slug).id()).isEqualTo(id);
        assertThat(site.get("/articles/" + slug).body()).contains("paused for three weeks");

        // An editor rewrites the article here...
        Article current = article(slug);
        site.site().publish(new Submission(slug, current.headline(), null, "The editor's own words about the whales.", "World",
                List.of("Partners"), List.of(), "Coastal Times", null, current.byline().originalUrl(), current.publishedAt(), "en", null));
        // ...then the partner changes the item again: the editor's version stays.
        feeds.serve("/coast", "application/rss+xml", v1.replace("paused for two weeks", "paused for a month"));
        FeedSubscription kept = syndication.poll(sub.id());
        assertThat(kept.status().updated()).isZero();
        assertThat(kept.status().lastError()).contains("edited here; the editors' versions were kept");
        assertThat(site.get("/articles/" + slug).body()).contains("The editor&#39;s own words about the whales.")
                .doesNotContain("paused for a month");
    }

    @Test
    void twoItemsOfOneFeedWithTheSameLinkDoNotTakeTurnsUpdatingTheArticle() {
        String item = "<item><title>%s</title><link>https://twice.example/story</link><guid>%s</guid>"
                + "<description>%s</description></item>";
        feeds.serve("/twice", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Twice</title><link>https://twice.example/</link>"
                + "<description>d</description>" + item.formatted("Listed under News", "news-1", "The story as filed under news.")
                + item.formatted("Listed under Local", "local-1", "The story as filed under local.") + "</channel></rss>");
        FeedSubscription sub = subscribe("/twice", "Twice Daily", FeedSubscription.Mode.PUBLISH);
        FeedSubscription first = syndication.poll(sub.id());
        assertThat(first.status().added()).isEqualTo(1);
        FeedSubscription second = syndication.poll(sub.id());
        assertThat(second.status().added()).isZero();
        assertThat(second.status().updated()).isZero();
        assertThat(syndication.poll(sub.id()).status().updated()).isZero();
    }

    @Test
    void itemsRemovedUpstreamStayPublished() throws Exception {
        feeds.resource("/andes.xml", "application/rss+xml", "rss2.xml");
        FeedSubscription sub = subscribe("/andes.xml", "Andes Wire", FeedSubscription.Mode.PUBLISH);
        syndication.poll(sub.id());
        feeds.serve("/andes.xml", "application/rss+xml",
                "<rss version=\"2.0\"><channel><title>Andes Wire</title><link>https://andes-wire.example/</link><description>d</description></channel></rss>");
        FeedSubscription empty = syndication.poll(sub.id());
        assertThat(empty.status().seen()).isZero();
        assertThat(empty.status().lastError()).isNull();
        assertThat(site.get("/articles/highland-farmers-rebuild-terraces-after-record-floods").statusCode()).isEqualTo(200);
    }

    @Test
    void anArticleDeletedHereIsNotBroughtBackByTheNextPoll() throws Exception {
        feeds.resource("/andes.xml", "application/rss+xml", "rss2.xml");
        FeedSubscription sub = subscribe("/andes.xml", "Andes Wire", FeedSubscription.Mode.PUBLISH);
        syndication.poll(sub.id());
        long id = article("glacier-lake-warning-system-tested-in-three-provinces").id();
        site.site().database().jdbi().useHandle(h -> h.execute("delete from article where id = ?", id));
        FeedSubscription again = syndication.poll(sub.id());
        assertThat(again.status().added()).isZero();
        assertThat(site.site().articles().bySlug("glacier-lake-warning-system-tested-in-three-provinces")).isEmpty();
    }

    @Test
    void reviewModeHoldsArticlesAsDraftsOffTheSite() throws Exception {
        feeds.resource("/andes.xml", "application/rss+xml", "rss2.xml");
        syndication.poll(subscribe("/andes.xml", "Andes Wire", FeedSubscription.Mode.REVIEW).id());
        Article draft = article("highland-farmers-rebuild-terraces-after-record-floods");
        assertThat(draft.status()).isEqualTo(org.gazette.article.ArticleStatus.DRAFT);
        assertThat(site.get("/articles/" + draft.slug()).statusCode()).isEqualTo(404);
        assertThat(site.get("/source/andes-wire").body()).doesNotContain("Highland Farmers");
    }

    @Test
    void a304LeavesEverythingAsItWas() {
        byte[] body = FeedServer.read("rss2.xml");
        feeds.handle("/etag", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"andes-1\"");
            boolean same = "\"andes-1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            FeedServer.send(exchange, same ? 304 : 200, "application/rss+xml", same ? new byte[0] : body);
        });
        FeedSubscription sub = subscribe("/etag", "Andes Wire", FeedSubscription.Mode.PUBLISH);
        syndication.poll(sub.id());
        FeedSubscription second = syndication.poll(sub.id());
        assertThat(second.status().lastHttpStatus()).isEqualTo(304);
        assertThat(second.status().added()).isEqualTo(3); // the counts of the last read stand
        assertThat(second.status().failures()).isZero();
        assertThat(feeds.hits("/etag")).isEqualTo(2);
    }

    @Test
    void itemsWithoutLinksOrDatesAreTakenInOnceAndEmptyOnesAreRefused() {
        feeds.resource("/sparse", "application/rss+xml", "no-links-no-dates.xml");
        FeedSubscription sub = subscribe("/sparse", "Sparse News", FeedSubscription.Mode.PUBLISH);
        FeedSubscription first = syndication.poll(sub.id());
        assertThat(first.status().added()).isEqualTo(2);
        assertThat(first.status().refused()).isEqualTo(1);
        assertThat(article("bulletin-without-a-link-or-a-date").byline().originalUrl()).isNull();
        int count = articleCount();
        assertThat(syndication.poll(sub.id()).status().added()).isZero();
        assertThat(articleCount()).isEqualTo(count);
    }

    @Test
    void everyHostileFeedGetsAReadableErrorAndTheOthersCarryOn() throws Exception {
        feeds.resource("/laughs", "application/rss+xml", "billion-laughs.xml")
                .resource("/xxe", "application/rss+xml", "xxe.xml")
                .resource("/page", "text/html; charset=utf-8", "html-page.html")
                .resource("/broken", "application/rss+xml", "malformed.xml")
                .serve("/png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})
                .resource("/good", "application/rss+xml", "rss2.xml")
                .handle("/loop", exchange -> {
                    exchange.getResponseHeaders().set("Location", "/loop");
                    FeedServer.send(exchange, 302, null, new byte[0]);
                })
                .handle("/missing", exchange -> FeedServer.send(exchange, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8)));
        Map<String, String> expected = Map.of(
                "/laughs", "document type declaration (DOCTYPE)",
                "/xxe", "document type declaration (DOCTYPE)",
                "/page", "web page (HTML), not a feed",
                "/broken", "not well-formed XML",
                "/png", "image/png, not a feed",
                "/loop", "Too many redirects",
                "/missing", "HTTP 404 (not found)");
        expected.keySet().forEach(path -> subscribe(path, "Partner " + path.substring(1), FeedSubscription.Mode.PUBLISH));
        subscribe("/good", "Andes Wire", FeedSubscription.Mode.PUBLISH);

        Instant before = Instant.now();
        List<FeedSubscription> after = syndication.pollAll();
        assertThat(after).hasSize(8);
        for (FeedSubscription sub : after) {
            String path = sub.feedUrl().substring(sub.feedUrl().lastIndexOf('/'));
            if (path.equals("/good")) {
                assertThat(sub.status().added()).isEqualTo(3);
                assertThat(sub.status().failures()).isZero();
                continue;
            }
            assertThat(sub.status().lastError()).as(path).contains(expected.get(path));
            assertThat(sub.status().failures()).as(path).isEqualTo(1);
            // Backed off: twice the interval before the next try.
            assertThat(sub.status().nextPollAt()).as(path).isAfter(before.plus(Duration.ofMinutes(29)));
        }
        assertThat(site.get("/").statusCode()).isEqualTo(200);
        assertThat(site.get("/articles/highland-farmers-rebuild-terraces-after-record-floods").statusCode()).isEqualTo(200);

        String status = site.get("/syndication/status").body();
        assertThat(status).contains("<h1>Partner feeds</h1>")
                .contains("<strong>Partner laughs</strong>")
                .contains("The feed contains a document type declaration (DOCTYPE)")
                .contains("3 seen, 3 new, 0 updated, 0 duplicates, 0 refused")
                .contains("<td>404</td>");
    }

    @Test
    void aFeedOfTenThousandItemsIsTakenUpToTheLimitAndTheRestIsNamed() {
        feeds.serve("/huge", "application/rss+xml", ParserRobustnessTest.manyItems(10_000));
        var site = this.site.site();
        var limited = new Syndication(site.database().jdbi(), site.publisher(), site.catalog(), site.renderer(),
                site.settings().with("ingest.max-items", "50"), java.time.Clock.systemUTC(), () -> { });
        FeedSubscription sub = limited.add(new FeedSubscription.Request(feeds.url("/huge"), "Huge Outlet", null, null, "World",
                List.of(), "en", FeedSubscription.Mode.PUBLISH, Duration.ofMinutes(15)));
        FeedSubscription after = limited.poll(sub.id());
        assertThat(after.status().seen()).isEqualTo(50);
        assertThat(after.status().added()).isEqualTo(50);
        assertThat(after.status().failures()).isZero();
        assertThat(after.status().lastError()).contains("the feed had 9950 more item(s) than the per-poll limit; they were skipped");
    }

    @Test
    void backOffDoublesUpToADayAndRetryAfterIsHonoured() {
        assertThat(Syndication.backoff(Duration.ofMinutes(15), 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Syndication.backoff(Duration.ofMinutes(15), 3)).isEqualTo(Duration.ofMinutes(120));
        assertThat(Syndication.backoff(Duration.ofMinutes(15), 40)).isEqualTo(Duration.ofHours(24));

        feeds.handle("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "86000");
            FeedServer.send(exchange, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
        Instant before = Instant.now();
        FeedSubscription busy = syndication.poll(subscribe("/busy", "Busy Outlet", FeedSubscription.Mode.PUBLISH).id());
        assertThat(busy.status().lastHttpStatus()).isEqualTo(429);
        assertThat(busy.status().lastError()).contains("busy (HTTP 429)");
        assertThat(busy.status().nextPollAt()).isAfter(before.plusSeconds(85_000));
    }

    @Test
    void theSchedulerPollsDueFeedsAndASlowFeedDoesNotHoldUpTheOthers() throws Exception {
        feeds.handle("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 40; i++) {
                    exchange.getResponseBody().write(' ');
                    exchange.getResponseBody().flush();
                    Thread.sleep(250);
                }
            } catch (Exception e) {
                // cut off by the reader's deadline
            }
        });
        feeds.resource("/good", "application/rss+xml", "rss2.xml");
        FeedSubscription slow = subscribe("/slow", "Slow Outlet", FeedSubscription.Mode.PUBLISH);
        subscribe("/good", "Andes Wire", FeedSubscription.Mode.PUBLISH);

        long start = System.nanoTime();
        try (PollScheduler scheduler = new PollScheduler(syndication, 2, Duration.ofMillis(100), java.time.Clock.systemUTC())) {
            while (site.get("/articles/highland-farmers-rebuild-terraces-after-record-floods").statusCode() != 200) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("good feed published").isLessThan(Duration.ofSeconds(20));
                Thread.sleep(100);
            }
            Duration good = Duration.ofNanos(System.nanoTime() - start);
            assertThat(good).as("the good feed did not wait for the slow one").isLessThan(Duration.ofSeconds(3));
            while (syndication.status(slow.id()).orElseThrow().status().lastError() == null) {
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("slow feed given up").isLessThan(Duration.ofSeconds(20));
                Thread.sleep(100);
            }
        }
        assertThat(syndication.status(slow.id()).orElseThrow().status().lastError()).contains("within 3 s");
    }

    @Test
    void theQueueIsInTheDatabaseAndAClaimedFeedIsNotClaimedTwice() {
        FeedSubscription sub = subscribe("/any", "Any Outlet", FeedSubscription.Mode.PUBLISH);
        SubscriptionStore store = new SubscriptionStore(site.site().database().jdbi());
        Instant now = Instant.now();
        assertThat(store.claimDue(now, 5, now.plusSeconds(600))).extracting(FeedSubscription::id).containsExactly(sub.id());
        assertThat(store.claimDue(now, 5, now.plusSeconds(600))).isEmpty();
        assertThat(store.claimDue(now.plusSeconds(601), 5, now.plusSeconds(1200))).extracting(FeedSubscription::id).containsExactly(sub.id());
        syndication.setEnabled(sub.id(), false);
        assertThat(store.claimDue(now.plusSeconds(5000), 5, now.plusSeconds(6000))).isEmpty();
    }

    @Test
    void badSubscriptionsAreRefusedWithTheReason() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> syndication.add(new FeedSubscription.Request("ftp://x.example/feed", "X",
                null, null, null, List.of(), null, null, Duration.ofMinutes(15)))).hasMessageContaining("absolute http or https URL");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> syndication.add(new FeedSubscription.Request("https://x.example/feed", " ",
                null, null, null, List.of(), null, null, Duration.ofMinutes(15)))).hasMessageContaining("--source");
        subscribe("/dup", "Dup Outlet", FeedSubscription.Mode.PUBLISH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> subscribe("/dup", "Dup Outlet", FeedSubscription.Mode.PUBLISH))
                .hasMessageContaining("Already subscribed");
    }
}
