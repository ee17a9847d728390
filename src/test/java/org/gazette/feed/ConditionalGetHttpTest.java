package org.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.gazette.publish.Submission;
import org.gazette.support.SecureXml;
import org.gazette.support.SampleSite;
import org.junit.jupiter.api.Test;

/** Validators, 304s and gzip on feeds, sitemaps and robots.txt, over real HTTP. */
class ConditionalGetHttpTest extends SampleSite {

    static final List<String> PATHS = List.of("/feed.rss", "/feed.atom", "/feed.json", "/section/world/feed.atom",
            "/tag/water/feed.json", "/author/mara-ekwueme/feed.rss", "/source/meridian-wire/feed.atom",
            "/sitemap.xml", "/sitemap-articles-1.xml", "/sitemap-pages-1.xml", "/robots.txt");

    @Test
    void everyFeedAndSitemapHasStrongValidators() throws Exception {
        for (String path : PATHS) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("ETag")).as(path).hasValueSatisfying(tag ->
                    assertThat(tag).matches("\"[0-9a-f]{32}\""));
            String modified = response.headers().firstValue("Last-Modified").orElseThrow();
            ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(response.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(site.get(path).headers().firstValue("ETag")).as("the same bytes, the same tag").isEqualTo(
                    response.headers().firstValue("ETag"));
        }
    }

    @Test
    void headAnswersWithTheHeadersOfGetAndNoBody() throws Exception {
        List<String> paths = new java.util.ArrayList<>(PATHS);
        paths.addAll(List.of("/", "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam", "/section/world?page=1", "/search?q=dam"));
        for (String path : paths) {
            HttpResponse<String> get = site.get(path);
            HttpResponse<String> head = head(path);
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
            for (String name : List.of("Content-Type", "Content-Length", "ETag", "Last-Modified")) {
                assertThat(head.headers().firstValue(name)).as(path + " " + name).isEqualTo(get.headers().firstValue(name));
            }
        }
        assertThat(head(site, "/articles/no-such-story").statusCode()).isEqualTo(404);
    }

    @Test
    void headIsAnsweredLikeGetWithTheCacheOffToo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) throws Exception {
        try (var uncached = org.gazette.support.TestSite.start(data, Map.of("cache.enabled", "false"))) {
            for (String path : List.of("/", "/feed.rss", "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam")) {
                HttpResponse<String> head = head(uncached, path);
                assertThat(head.statusCode()).as(path).isEqualTo(200);
                assertThat(head.headers().firstValue("Content-Type")).as(path)
                        .isEqualTo(uncached.get(path).headers().firstValue("Content-Type"));
            }
            assertThat(head(uncached, "/articles/no-such-story").statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> head(String path) throws Exception {
        return head(site, path);
    }

    private static HttpResponse<String> head(org.gazette.support.TestSite site, String path) throws Exception {
        return site.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.baseUrl() + path))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMatchingIfNoneMatchGetsA304WithNoBody() throws Exception {
        for (String path : PATHS) {
            String etag = site.get(path).headers().firstValue("ETag").orElseThrow();
            for (String header : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
                HttpResponse<String> again = site.get(path, Map.of("If-None-Match", header));
                assertThat(again.statusCode()).as(path + " " + header).isEqualTo(304);
                assertThat(again.body()).isEmpty();
                assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            }
            assertThat(site.get(path, Map.of("If-None-Match", "\"stale\"")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void ifModifiedSinceGetsA304OnlyWhenNothingChangedSince() throws Exception {
        for (String path : PATHS) {
            HttpResponse<String> first = site.get(path);
            String modified = first.headers().firstValue("Last-Modified").orElseThrow();
            String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1));
            HttpResponse<String> same = site.get(path, Map.of("If-Modified-Since", modified));
            assertThat(same.statusCode()).as(path).isEqualTo(304);
            assertThat(same.body()).isEmpty();
            assertThat(site.get(path, Map.of("If-Modified-Since", earlier)).statusCode()).as(path).isEqualTo(200);
            assertThat(site.get(path, Map.of("If-Modified-Since", "not a date")).statusCode()).isEqualTo(200);
            // If-None-Match decides when both are sent (RFC 9110 13.2.2).
            assertThat(site.get(path, Map.of("If-Modified-Since", modified, "If-None-Match", "\"stale\"")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void anArticleLeavingAFeedNeverEarnsAStale304() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        site.site().publish(article(past));
        HttpResponse<String> before = site.get("/section/culture/feed.atom");
        assertThat(SecureXml.feed(before.body()).getEntries()).hasSize(1);
        String modified = before.headers().firstValue("Last-Modified").orElseThrow();
        String etag = before.headers().firstValue("ETag").orElseThrow();
        Thread.sleep(1_100);

        // Moved to the future, the article is scheduled again and leaves the feed: nothing in the feed is newer.
        site.site().publish(article(Instant.now().plus(Duration.ofDays(3))));
        HttpResponse<String> after = site.get("/section/culture/feed.atom", Map.of("If-Modified-Since", modified));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(SecureXml.feed(after.body()).getEntries()).isEmpty();
        assertThat(site.get("/section/culture/feed.atom", Map.of("If-None-Match", etag)).statusCode()).isEqualTo(200);
        assertThat(site.get("/sitemap-pages-1.xml", Map.of("If-Modified-Since", modified)).statusCode()).isEqualTo(200);
    }

    private static Submission article(Instant published) {
        return new Submission("exhibition-opens", "An Exhibition Opens", "A deck.", "Some text.", "Culture", List.of(),
                List.of("Ana Ruiz"), null, null, null, published, "en", null);
    }

    @Test
    void gzipWhenAskedWithItsOwnStrongTag() throws Exception {
        for (String path : PATHS) {
            HttpResponse<String> plain = site.get(path);
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> zipped = site.getBytes(path, Map.of("Accept-Encoding", "br;q=1.0, gzip;q=0.8"));
            assertThat(zipped.statusCode()).isEqualTo(200);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Encoding"));
            String gzipTag = zipped.headers().firstValue("ETag").orElseThrow();
            assertThat(gzipTag).isNotEqualTo(etag).matches("\"[0-9a-f]{32}-gzip\"");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
            }
            HttpResponse<byte[]> notModified = site.getBytes(path, Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipTag));
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            HttpResponse<byte[]> refused = site.getBytes(path, Map.of("Accept-Encoding", "gzip;q=0, identity"));
            assertThat(refused.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
        }
    }
}
