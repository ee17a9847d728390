package org.gazette.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.gazette.config.Settings;

/**
 * Public pages and feeds kept in memory as bytes, bounded by a memory budget, and with
 * {@link #withDisk} every page also on disk ({@link StoredPages}); never stale:
 * each entry carries the tags of what it shows ({@link CacheTags}) and is dropped when the change
 * feed reports a change to any of them ({@link PageInvalidation}).
 *
 * <p>Routes opt in with {@link #page(Handler, String...)}. Only GET and HEAD requests answered
 * 200 are kept; the back office ({@code /admin}) and any request of a signed-in reader (a
 * {@value #SESSION_COOKIE} cookie or an Authorization header) go straight to the handler and are
 * never served from or stored in the cache. A page is rendered once however many readers ask for
 * it at the same moment: the others wait for that rendering.
 *
 * <p>Freshness: an entry remembers the invalidation count ({@code epoch}) from before its
 * rendering began, and is stored only if no invalidation happened meanwhile, so a rendering that
 * read the database before a change can never outlive the change.
 */
public final class PageCache {

    public static final String SESSION_COOKIE = "gazette_session";
    private static final String ADMIN = "/admin";
    private static final long WAIT_SECONDS = 30;
    /** Headers of a handler's response the cache sets itself or must never replay. */
    private static final Set<String> OWN_HEADERS = Set.of("content-type", "content-length", "content-encoding", "date",
            "server", "vary", "etag", "last-modified", "cache-control", "transfer-encoding", "connection", "x-cache");

    private final boolean enabled;
    private final String cacheControl;
    private final Clock clock;
    private final Cache<String, CachedPage> pages;
    /** Pages kept on disk behind the memory, or null when pages live in memory only. */
    private final StoredPages shelf;
    private final Map<String, Set<CachedPage>> byTag = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final ReentrantReadWriteLock storeLock = new ReentrantReadWriteLock();
    private final LongAdder hits = new LongAdder();
    private final LongAdder renders = new LongAdder();

    /** A cache in memory only. */
    public PageCache(Settings settings, Clock clock) {
        this(settings, clock, null);
    }

    private PageCache(Settings settings, Clock clock, StoredPages shelf) {
        this.shelf = shelf;
        this.enabled = settings.getBoolean("cache.enabled");
        int maxAge = settings.getInt("cache.max-age");
        // Browsers and CDNs may keep a page briefly, and serve it while they fetch a fresh copy.
        this.cacheControl = "public, max-age=" + maxAge + ", stale-while-revalidate=" + Math.max(60, maxAge * 10);
        this.clock = clock;
        long budget = settings.getInt("cache.memory-mb") * 1024L * 1024L;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(budget)
                .weigher((String key, CachedPage page) -> page.weight())
                .executor(Runnable::run)
                .removalListener((String key, CachedPage page, RemovalCause cause) -> {
                    if (page != null) {
                        untag(page);
                    }
                })
                .build();
    }

    /**
     * A cache in memory, with every page also kept on disk in {@code folder} (the setting
     * {@code cache.disk}), where pages outlive restarts. {@code latestSeq} is the outbox's end now;
     * {@code navigation} is what every page shows besides the settings (the sections), so pages kept
     * when it was different are void.
     */
    public static PageCache withDisk(Settings settings, Clock clock, Path folder, long latestSeq, String navigation)
            throws IOException {
        String build = BuildStamp.of(settings, navigation);
        return new PageCache(settings, clock, StoredPages.open(folder, build, latestSeq));
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The outbox position up to which this cache has dropped what changed: on disk, where the
     * pages kept before a restart were rendered; otherwise {@code latestSeq}, as memory starts empty.
     */
    public long caughtUpTo(long latestSeq) {
        return shelf == null ? latestSeq : shelf.position();
    }

    /**
     * Wraps a route's handler so its responses are cached. {@code queryParams} names the query
     * parameters the handler reads (others do not change the response, so they do not split the cache).
     */
    public Handler page(Handler handler, String... queryParams) {
        if (!enabled) {
            return handler;
        }
        String[] params = queryParams.clone();
        Arrays.sort(params);
        return ctx -> serve(ctx, handler, params);
    }

    /**
     * Drops every entry that carries any of the tags, each changed at the given outbox position,
     * and notes the cache caught up to {@code upTo}.
     */
    public void invalidate(Map<String, Long> tagPositions, long upTo) {
        if (shelf != null) {
            shelf.changed(tagPositions, upTo); // before the memory, see lookup()
        }
        Collection<String> tags = tagPositions.keySet();
        storeLock.writeLock().lock();
        try {
            epoch.incrementAndGet();
            for (String tag : tags) {
                Set<CachedPage> tagged = byTag.remove(tag);
                if (tagged != null) {
                    for (CachedPage page : tagged) {
                        pages.asMap().remove(page.key(), page);
                    }
                }
            }
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /** Drops everything, e.g. when the site's settings or its sections change. */
    public void invalidateAll(long upTo) {
        if (shelf != null) {
            shelf.changedEverything(upTo);
        }
        storeLock.writeLock().lock();
        try {
            epoch.incrementAndGet();
            pages.invalidateAll();
            byTag.clear();
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /** Figures for the health check and the benchmark. */
    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("enabled", enabled);
        stats.put("entries", pages.estimatedSize());
        stats.put("bytes", pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L));
        stats.put("hits", hits.sum());
        stats.put("renders", renders.sum());
        if (shelf != null) {
            stats.put("disk", shelf.stats());
        }
        return stats;
    }

    private void serve(Context ctx, Handler handler, String[] params) throws Exception {
        if (!isPublic(ctx)) {
            handler.handle(ctx);
            if (ctx.res().getHeader("Cache-Control") == null) {
                ctx.header("Cache-Control", "private, no-store");
            }
            return;
        }
        String key = key(ctx, params);
        CachedPage page = lookup(key);
        boolean hit = page != null;
        if (hit) {
            hits.increment();
        } else {
            page = renderOnce(key, ctx, handler);
            if (page == null) {
                return; // not cacheable: the handler's own response stands
            }
        }
        send(ctx, page, hit);
    }

    static boolean isPublic(Context ctx) {
        HandlerType method = ctx.method();
        return (method == HandlerType.GET || method == HandlerType.HEAD)
                && isPublic(ctx.path(), ctx.header("Authorization"), ctx.header("Cookie"));
    }

    /** Whether a GET or HEAD request may be answered from, and stored in, the public cache. */
    static boolean isPublic(String path, String authorization, String cookies) {
        if (path.equals(ADMIN) || path.startsWith(ADMIN + "/")) {
            return false;
        }
        return authorization == null && (cookies == null || !cookies.contains(SESSION_COOKIE + "="));
    }

    /** A kept page for a request without a query string, or null; counted as a hit when found. */
    CachedPage peek(String path) {
        if (!enabled) {
            return null;
        }
        CachedPage page = lookup(path);
        if (page != null) {
            hits.increment();
        }
        return page;
    }

    /**
     * The kept page for {@code key}: from memory, else from disk, or null. A page read from disk is
     * not kept in memory as well. Readers spread over a large archive would push page after page
     * through memory; letting in only pages read twice within a few hundredths of a second (about
     * 60 a second in the benchmark's mix) still put the mix's p99 at 170 ms to 1.3 s, against
     * 12-24 ms without. A page read from disk costs a file read instead.
     */
    private CachedPage lookup(String key) {
        CachedPage page = pages.getIfPresent(key);
        if (page != null || shelf == null) {
            return page;
        }
        return shelf.find(key, epoch.get());
    }

    /** Whether pages kept on disk, if any, may be read: the change feed has caught up since the start. */
    public boolean ready() {
        return shelf == null || shelf.ready();
    }

    /** Saves what the disk needs to trust its pages at the next start. */
    public void close() {
        if (shelf != null) {
            shelf.close();
        }
    }

    String cacheControl() {
        return cacheControl;
    }

    private static String key(Context ctx, String[] params) {
        String path = ctx.path();
        if (params.length == 0 || ctx.queryString() == null) {
            return path;
        }
        StringBuilder key = new StringBuilder(path);
        char separator = '?';
        for (String param : params) {
            for (String value : ctx.queryParams(param)) {
                // Encoded again, so a value holding "&" or "=" cannot pass for another parameter.
                key.append(separator).append(param).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return key.toString();
    }

    /** Renders the page once for everyone who asks at the same moment; null if it may not be kept. */
    private CachedPage renderOnce(String key, Context ctx, Handler handler) throws Exception {
        while (true) {
            long arrived = epoch.get();
            CompletableFuture<CachedPage> mine = new CompletableFuture<>();
            CompletableFuture<CachedPage> running = rendering.putIfAbsent(key, mine);
            if (running == null) {
                return lead(key, ctx, handler, mine);
            }
            CachedPage page = await(running);
            if (page == null) {
                renders.increment();
                handler.handle(ctx); // that response could not be kept (an error, a redirect): make this one
                return null;
            }
            if (page.epoch() >= arrived) {
                return page;
            }
            // That rendering began before a change this reader must see: render again.
        }
    }

    private CachedPage lead(String key, Context ctx, Handler handler, CompletableFuture<CachedPage> mine) throws Exception {
        CachedPage page = null;
        try {
            // Memory only: the reader's own lookup has just missed on disk, and a rendering that
            // finished meanwhile went to memory too (one of the warmer's did not: that page is
            // rendered twice, which is rare and harmless).
            page = pages.getIfPresent(key);
            if (page == null) {
                long started = epoch.get();
                long position = shelf == null ? 0 : shelf.position();
                renders.increment();
                handler.handle(ctx);
                page = capture(key, ctx, started);
                if (page != null) {
                    boolean onDisk = shelf != null && worthKeepingOnDisk(page);
                    // The warmer's pages go to disk only: nobody has asked for them yet, and in
                    // memory they filled the whole budget (64 MB of a 256 MB heap after a large
                    // archive's pass), pushing out pages readers had asked for.
                    boolean inMemory = !onDisk || ctx.header(PageWarmer.HEADER) == null;
                    if (store(page, inMemory) && onDisk) {
                        shelf.put(page, position);
                    }
                }
            }
            return page;
        } finally {
            mine.complete(page);
            rendering.remove(key, mine);
        }
    }

    private static CachedPage await(CompletableFuture<CachedPage> running) throws InterruptedException {
        try {
            return running.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    /** The handler's response as an entry, or null if it must not be kept. */
    private CachedPage capture(String key, Context ctx, long started) throws IOException {
        CacheTags tags = CacheTags.of(ctx);
        if (ctx.statusCode() != 200 || tags.isNoStore() || ctx.res().containsHeader("Set-Cookie")
                || ctx.res().getContentType() == null) {
            return null;
        }
        String ownControl = ctx.res().getHeader("Cache-Control");
        if (ownControl != null && (ownControl.contains("private") || ownControl.contains("no-store"))) {
            return null;
        }
        InputStream result = ctx.resultInputStream();
        if (result == null) {
            return null;
        }
        byte[] body;
        try (result) {
            body = result.readAllBytes();
        }
        ctx.result(body); // the stream is spent; the response still needs its bytes
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : ctx.res().getHeaderNames()) {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, ctx.res().getHeader(name));
            }
        }
        return CachedPage.of(key, body, ctx.res().getContentType(), headers, tags.tags().toArray(String[]::new),
                started, Instant.now(clock));
    }

    /**
     * Pages that every article change drops (the newest articles, search results) would be written
     * to disk only to be voided by the next publish; they stay in memory.
     */
    private static boolean worthKeepingOnDisk(CachedPage page) {
        for (String tag : page.tags()) {
            if (tag.equals(CacheTags.LATEST) || tag.equals(CacheTags.SEARCH)) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the page in memory if {@code inMemory}; false if something changed while it was rendered. */
    private boolean store(CachedPage page, boolean inMemory) {
        storeLock.readLock().lock();
        try {
            if (epoch.get() != page.epoch()) {
                return false; // something changed while it was rendered; the next reader renders afresh
            }
            if (!inMemory) {
                return true;
            }
            for (String tag : page.tags()) {
                byTag.compute(tag, (t, set) -> {
                    Set<CachedPage> tagged = set == null ? ConcurrentHashMap.newKeySet() : set;
                    tagged.add(page);
                    return tagged;
                });
            }
            pages.put(page.key(), page);
            return true;
        } finally {
            storeLock.readLock().unlock();
        }
    }

    private void untag(CachedPage page) {
        for (String tag : page.tags()) {
            byTag.computeIfPresent(tag, (t, set) -> {
                set.remove(page);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Sends a kept page; {@code X-Cache} says whether it was already kept or just rendered. */
    private void send(Context ctx, CachedPage page, boolean hit) {
        boolean gzip = page.gzip() != null && acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("ETag", gzip ? page.gzipEtag() : page.etag());
        ctx.header("Last-Modified", page.lastModified());
        ctx.header("Cache-Control", cacheControl);
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("X-Cache", hit ? "HIT" : "MISS");
        page.headers().forEach(ctx::header);
        if (notModified(page, ctx.header("If-None-Match"), ctx.header("If-Modified-Since"))) {
            ctx.status(304);
            ctx.result(new byte[0]);
            return;
        }
        ctx.status(200);
        ctx.contentType(page.contentType());
        ctx.disableCompression();
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        byte[] body = CachedPage.bytes(gzip ? page.gzip() : page.body());
        ctx.header("Content-Length", Integer.toString(body.length));
        ctx.result(body);
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim().replace(" ", "");
                    if (p.equals("q=0") || p.equals("q=0.0") || p.equals("q=0.00") || p.equals("q=0.000")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    static boolean notModified(CachedPage page, String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(page.etag()) || tag.equals(page.gzipEtag())) {
                    return true;
                }
            }
            return false; // If-Modified-Since is ignored when If-None-Match is present
        }
        if (ifModifiedSince != null) {
            try {
                long since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
                return page.lastModifiedSeconds() <= since;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
