package org.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.gazette.config.Settings;
import org.gazette.support.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache's own rules over real HTTP, with handlers that count how often they render. */
class PageCacheTest {

    private final AtomicInteger renders = new AtomicInteger();
    private final AtomicInteger adminRenders = new AtomicInteger();
    private final AtomicInteger missingRenders = new AtomicInteger();
    private final AtomicInteger version = new AtomicInteger(1);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private PageCache cache;
    private Javalin app;

    @BeforeEach
    void start() {
        cache = new PageCache(Settings.of(Map.of()), Clock.systemUTC());
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = FreePort.find();
            config.routes.get("/story", cache.page(ctx -> {
                renders.incrementAndGet();
                Thread.sleep(100); // a slow render widens the window a stampede would use
                CacheTags.of(ctx).add("article:1");
                boolean signedIn = ctx.cookie(PageCache.SESSION_COOKIE) != null;
                ctx.contentType("text/html; charset=utf-8").result((signedIn ? "Hello, editor. " : "Hello, reader. ")
                        + "story ".repeat(200) + "version " + version.get() + " " + ctx.queryParam("page"));
            }, "page", "q"));
            config.routes.get("/admin/dashboard", cache.page(ctx -> {
                adminRenders.incrementAndGet();
                ctx.result("dashboard");
            }));
            config.routes.get("/missing", cache.page(ctx -> {
                missingRenders.incrementAndGet();
                ctx.status(404).result("not here");
            }));
        }).start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageIsRenderedOnceThenServedFromMemory() throws Exception {
        var first = get("/story");
        var second = get("/story");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Cache")).hasValue("MISS");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(renders.get()).isEqualTo(1);
        // Query parameters the page does not read do not split the cache; those it reads do.
        get("/story?utm_source=aggregator");
        assertThat(renders.get()).isEqualTo(1);
        assertThat(get("/story?page=2").body()).endsWith("2");
        assertThat(renders.get()).isEqualTo(2);
        // A value that spells out another parameter is a different page, not a way to poison one.
        assertThat(get("/story?page=2%26q%3D1").body()).endsWith(" 2&q=1");
        assertThat(get("/story?page=2&q=1").body()).endsWith(" 2");
        assertThat(renders.get()).isEqualTo(4);
    }

    @Test
    void aStampedeOnAJustInvalidatedPageRendersItOnce() throws Exception {
        get("/story");
        cache.invalidate(Map.of("article:1", 1L), 1L);
        int before = renders.get();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/story"))
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
        for (var response : responses) {
            assertThat(response.join().statusCode()).isEqualTo(200);
            assertThat(response.join().body()).startsWith("Hello, reader.");
        }
        assertThat(renders.get() - before).isEqualTo(1);
    }

    @Test
    void strongEtagsAndLastModifiedAnswer304() throws Exception {
        var page = get("/story");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
        String lastModified = page.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=30, stale-while-revalidate=300");

        var again = get("/story", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/story", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/story", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);

        // The gzip form is another representation with its own strong validator.
        var gzipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/story"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag).isNotEqualTo(etag);
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(page.body());
        assertThat(get("/story", "If-None-Match", gzipEtag, "Accept-Encoding", "gzip").statusCode()).isEqualTo(304);

        // The same bytes rendered again keep their validator; changed bytes get a new one.
        cache.invalidate(Map.of("article:1", 1L), 1L);
        assertThat(get("/story", "If-None-Match", etag).statusCode()).isEqualTo(304);
        version.incrementAndGet();
        cache.invalidate(Map.of("article:1", 1L), 1L);
        assertThat(get("/story", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void theBackOfficeIsNeverCached() throws Exception {
        var first = get("/admin/dashboard");
        var second = get("/admin/dashboard");
        assertThat(second.body()).isEqualTo("dashboard");
        assertThat(adminRenders.get()).isEqualTo(2);
        assertThat(first.headers().firstValue("X-Cache")).isEmpty();
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(cache.stats().get("entries")).isEqualTo(0L);
    }

    @Test
    void aSignedInReaderIsNeitherServedFromNorStoredInTheCache() throws Exception {
        var editor = get("/story", "Cookie", PageCache.SESSION_COOKIE + "=abc123");
        assertThat(editor.body()).startsWith("Hello, editor.");
        assertThat(editor.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        var reader = get("/story");
        assertThat(reader.body()).startsWith("Hello, reader.");
        assertThat(reader.headers().firstValue("X-Cache")).hasValue("MISS");
        var editorAgain = get("/story", "Cookie", "theme=dark; " + PageCache.SESSION_COOKIE + "=abc123");
        assertThat(editorAgain.body()).startsWith("Hello, editor.");
        assertThat(renders.get()).isEqualTo(3);
    }

    @Test
    void onlySuccessfulResponsesAreKept() throws Exception {
        assertThat(get("/missing").statusCode()).isEqualTo(404);
        assertThat(get("/missing").statusCode()).isEqualTo(404);
        assertThat(missingRenders.get()).isEqualTo(2);
        assertThat(cache.stats().get("entries")).isEqualTo(0L);
    }
}
