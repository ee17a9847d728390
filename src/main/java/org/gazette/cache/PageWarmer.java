package org.gazette.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.gazette.sitemap.SitemapQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, asks the site for every article page and every listing's first page once, one
 * at a time, in the background: pages nobody has read since they changed are rendered before a
 * reader waits for them, and land in the page cache (on disk for the whole archive). Pages already
 * kept cost a lookup. It asks over HTTP, as a reader would, so a page is rendered, tagged and kept
 * exactly as for a reader.
 *
 * <p>One request at a time (the setting {@code cache.prerender}) keeps it to about one core's
 * worth, leaving the others to readers.
 */
public final class PageWarmer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PageWarmer.class);
    private static final int BATCH = 5000;
    private static final String AGENT = "Gazette page warmer";
    /** Marks the warmer's requests: what it renders is kept on disk only (see PageCache#lead). */
    static final String HEADER = "X-Gazette-Warmer";
    private static final long START_DELAY_MILLIS = 5000;

    private final SitemapQueries pages;
    private final PageCache cache;
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong rendered = new AtomicLong();
    private final int parallel;
    private final Semaphore inFlight;
    private volatile long startedNanos;
    private volatile long tookMillis = -1;
    private volatile boolean stopped;
    private Thread thread;

    /** {@code parallel}: requests under way at once (each takes about a core while its page renders). */
    public PageWarmer(SitemapQueries pages, PageCache cache, int parallel) {
        this.pages = pages;
        this.cache = cache;
        this.parallel = parallel;
        this.inFlight = new Semaphore(parallel);
    }

    /** Starts going through the site at {@code base} (e.g. {@code http://127.0.0.1:8080}). */
    public synchronized void start(String base) {
        startedNanos = System.nanoTime();
        thread = new Thread(() -> run(base), "page-warmer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String base) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            // Readers first: the first pages after a start are served while the JIT is still
            // compiling, and a warmer busy on both cores then made them wait seconds longer.
            Thread.sleep(START_DELAY_MILLIS);
            while (!stopped && !cache.ready()) {
                Thread.sleep(50); // pages kept on disk are not trusted until the change feed has caught up
            }
            long after = 0;
            while (!stopped) {
                List<SitemapQueries.ArticlePath> batch = pages.articlesAfter(after, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                warm(http, base, batch.stream().map(SitemapQueries.ArticlePath::path).toList());
                after = batch.get(batch.size() - 1).id();
            }
            // Listing pages last: there are few, and finding them all is a slow query on a large archive.
            if (!stopped) {
                warm(http, base, pages.listingPages().stream().map(SitemapQueries.Page::path).toList());
            }
            inFlight.acquire(parallel); // the last answers are in
            if (!stopped) {
                tookMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                LOG.info("Page warmer: {} pages asked for, {} rendered, in {} ms", asked.get(), rendered.get(), tookMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warn("Page warmer stopped: {}", e.toString());
            }
        }
    }

    /** Asks for each page, with at most {@code parallel} requests under way. */
    private void warm(HttpClient http, String base, List<String> paths) throws InterruptedException {
        for (String path : paths) {
            if (stopped) {
                return;
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", AGENT).header(HEADER, "1").build();
            inFlight.acquire();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                asked.incrementAndGet();
                if (response != null && !"HIT".equals(response.headers().firstValue("X-Cache").orElse(""))) {
                    rendered.incrementAndGet();
                }
            });
        }
    }

    /** Progress, for the health check: done once {@code millis} is set. */
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("asked", asked.get());
        stats.put("rendered", rendered.get());
        stats.put("done", tookMillis >= 0);
        long running = startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1_000_000;
        stats.put("millis", tookMillis >= 0 ? tookMillis : running);
        return stats;
    }

    @Override
    public synchronized void close() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
