package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.gazette.support.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server on loopback, including every hostile way of answering. */
class FeedFetcherTest {

    private static final long MAX = 10L * 1024 * 1024;
    private final FeedServer server = new FeedServer();
    private final FeedFetcher fetcher = fetcher(true, Duration.ofSeconds(3));

    private static FeedFetcher fetcher(boolean allowPrivate, Duration deadline) {
        return new FeedFetcher(new AddressGuard(allowPrivate), MAX, Duration.ofSeconds(2), deadline, "Gazette-test", Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedFetcher.Result fetch(String path) throws FeedProblem {
        return fetcher.fetch(URI.create(server.url(path)), null, null);
    }

    @Test
    void conditionalGetGets304WhenNothingChanged() throws Exception {
        server.handle("/feed", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 09:00:00 GMT");
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            if ("\"v1\"".equals(inm)) {
                FeedServer.send(exchange, 304, null, new byte[0]);
            } else {
                FeedServer.send(exchange, 200, "application/rss+xml", FeedServer.read("rss2.xml"));
            }
        });
        FeedFetcher.Result first = fetch("/feed");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Tue, 24 Nov 2026 09:00:00 GMT");
        FeedFetcher.Result second = fetcher.fetch(URI.create(server.url("/feed")), first.etag(), first.lastModified());
        assertThat(second.notModified()).isTrue();
        assertThat(server.hits("/feed")).isEqualTo(2);
    }

    @Test
    void gzipIsDecodedAndAGzipBombIsRefused() throws Exception {
        byte[] feed = FeedServer.read("atom.xml");
        server.handle("/gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FeedServer.send(exchange, 200, "application/atom+xml", gzip(feed, 1));
        });
        assertThat(new String(fetch("/gz").body(), StandardCharsets.UTF_8)).contains("Northern Ledger");

        byte[] zeros = new byte[1024 * 1024];
        byte[] bomb = gzip(zeros, 50); // 50 MB of zeros in about 50 KB
        assertThat(bomb.length).isLessThan(200_000);
        server.handle("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FeedServer.send(exchange, 200, "application/rss+xml", bomb);
        });
        assertThatThrownBy(() -> fetch("/bomb")).isInstanceOf(FeedProblem.class).hasMessageContaining("once decompressed");
    }

    @Test
    void aFiftyMegabyteResponseIsRefusedWithOrWithoutContentLength() {
        server.handle("/declared", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
            stream(exchange.getResponseBody(), 50);
        });
        assertThatThrownBy(() -> fetch("/declared")).isInstanceOf(FeedProblem.class)
                .hasMessageContaining("more than the limit of " + MAX + " bytes");
        server.handle("/chunked", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            stream(exchange.getResponseBody(), 50);
        });
        assertThatThrownBy(() -> fetch("/chunked")).isInstanceOf(FeedProblem.class)
                .hasMessageContaining("larger than the limit of " + MAX + " bytes");
    }

    @Test
    void followsUpToFiveRedirectsAndRefusesALoop() throws Exception {
        for (int i = 1; i <= 5; i++) {
            String next = i == 5 ? "/final" : "/hop" + (i + 1);
            server.handle("/hop" + i, exchange -> {
                exchange.getResponseHeaders().set("Location", next);
                FeedServer.send(exchange, 301, null, new byte[0]);
            });
        }
        server.resource("/final", "application/rss+xml", "rss2.xml");
        FeedFetcher.Result result = fetch("/hop1");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.finalUri().getPath()).isEqualTo("/final");

        server.handle("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", server.url("/loop"));
            FeedServer.send(exchange, 302, null, new byte[0]);
        });
        assertThatThrownBy(() -> fetch("/loop")).isInstanceOf(FeedProblem.class).hasMessageStartingWith("Too many redirects");
        assertThat(server.hits("/loop")).isEqualTo(FeedFetcher.MAX_REDIRECTS + 1);
    }

    @Test
    void everyRedirectHopIsCheckedBeforeItIsFollowed() {
        server.handle("/to-file", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            FeedServer.send(exchange, 302, null, new byte[0]);
        });
        assertThatThrownBy(() -> fetch("/to-file")).hasMessageContaining("Only http and https");
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedUnlessAllowed() throws Exception {
        server.resource("/feed", "application/rss+xml", "rss2.xml");
        FeedFetcher strict = fetcher(false, Duration.ofSeconds(3));
        assertThatThrownBy(() -> strict.fetch(URI.create(server.url("/feed")), null, null))
                .isInstanceOf(FeedProblem.class)
                .hasMessageContaining("Refused to connect to 127.0.0.1")
                .hasMessageContaining("private, loopback or link-local");
        assertThat(server.hits("/feed")).isZero();
        assertThat(fetch("/feed").status()).isEqualTo(200);

        for (String internal : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "127.0.0.1", "0.0.0.0",
                "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1"}) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void aServerThatDripsOrNeverAnswersIsCutOffAtTheDeadline() {
        FeedFetcher quick = fetcher(true, Duration.ofSeconds(2));
        server.handle("/drip", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                for (int i = 0; i < 120; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up, as it should
            }
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> quick.fetch(URI.create(server.url("/drip")), null, null))
                .isInstanceOf(FeedProblem.class).hasMessageContaining("within 2 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));

        server.handle("/silent", exchange -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        start = System.nanoTime();
        assertThatThrownBy(() -> quick.fetch(URI.create(server.url("/silent")), null, null)).isInstanceOf(FeedProblem.class)
                .hasMessageMatching(".*(within 2 s|did not answer).*");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void retryAfterIsHonouredAndErrorsAreNamed() {
        server.handle("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            FeedServer.send(exchange, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        });
        Instant before = Instant.now();
        assertThatThrownBy(() -> fetch("/busy")).isInstanceOfSatisfying(FeedFetcher.RetryLater.class, later -> {
            assertThat(later.httpStatus()).isEqualTo(503);
            assertThat(later.notBefore()).isBetween(before.plusSeconds(119), before.plusSeconds(125));
        });
        assertThat(fetcher.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(Instant.parse("2026-10-21T07:28:00Z"));
        assertThat(fetcher.retryAfter("soon")).isNull();

        server.handle("/gone", exchange -> FeedServer.send(exchange, 404, "text/html", "<h1>nope</h1>".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> fetch("/gone")).isInstanceOfSatisfying(FeedProblem.class, p -> {
            assertThat(p.httpStatus()).isEqualTo(404);
            assertThat(p.getMessage()).startsWith("The server answered HTTP 404 (not found)");
        });
        URI closed = URI.create("http://127.0.0.1:" + FreePort.find() + "/feed");
        assertThatThrownBy(() -> fetcher.fetch(closed, null, null)).hasMessageStartingWith("Could not connect to 127.0.0.1");
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://no-such-host.invalid/feed"), null, null))
                .hasMessageContaining("does not exist");
    }

    private static void stream(OutputStream out, int megabytes) {
        byte[] chunk = new byte[1024 * 1024];
        try (out) {
            for (int i = 0; i < megabytes; i++) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the client hung up once it had seen enough
        }
    }

    private static byte[] gzip(byte[] data, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < times; i++) {
                gz.write(data);
            }
        }
        return bytes.toByteArray();
    }
}
