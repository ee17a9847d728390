package org.gazette.syndication;

import org.gazette.catalog.Source;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gazette.Site;
import org.gazette.config.Settings;
import org.gazette.publish.Publisher;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partner feeds as a service: subscribe, list with status, poll, unsubscribe. The CLI, the
 * poller in {@code serve} and (later) the back office all go through here.
 */
public final class Syndication {

    private static final Logger LOG = LoggerFactory.getLogger(Syndication.class);
    static final Duration MAX_BACKOFF = Duration.ofHours(24);
    static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final SubscriptionStore store;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final ItemIngester ingester;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Runnable afterChanges;
    private final Duration readTimeout;
    private final String defaultLanguage;

    public Syndication(Jdbi jdbi, Publisher publisher, org.gazette.catalog.CatalogStore catalog,
                       org.gazette.article.BodyRenderer renderer, Settings settings, Clock clock, Runnable afterChanges) {
        this.jdbi = jdbi;
        this.store = new SubscriptionStore(jdbi);
        this.clock = clock;
        this.afterChanges = afterChanges;
        this.readTimeout = Duration.ofSeconds(settings.getInt("ingest.read-timeout"));
        this.defaultLanguage = settings.get("site.language");
        this.fetcher = new FeedFetcher(new AddressGuard(settings.getBoolean("ingest.allow-private-addresses")),
                maxBytes(settings), Duration.ofSeconds(settings.getInt("ingest.connect-timeout")),
                readTimeout, "Gazette/0.1 (feed reader; +" + settings.baseUrl() + "/)", clock);
        this.parser = new FeedParser(settings.getInt("ingest.max-items"));
        this.ingester = new ItemIngester(jdbi, publisher, catalog, new ItemCleaner(renderer));
    }

    private static long maxBytes(Settings settings) {
        try {
            long value = Long.parseLong(settings.get("ingest.max-bytes").strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting 'ingest.max-bytes' must be a positive number of bytes, not '"
                + settings.get("ingest.max-bytes") + "'");
    }

    /** The service over a running site's parts; changes reach the search index when a poll ends. */
    public static Syndication forSite(Site site) {
        return new Syndication(site.database().jdbi(), site.publisher(), site.catalog(), site.renderer(), site.settings(),
                Clock.systemUTC(), () -> {
                    try {
                        site.settle();
                    } catch (java.io.IOException e) {
                        LOG.warn("Could not bring the search index up to date after a poll: {}", e.getMessage());
                    }
                });
    }

    /** Subscribes; the feed is due at once. Refuses bad input with a message naming the field. */
    public FeedSubscription add(FeedSubscription.Request request) {
        String url = Links.absolute(request.feedUrl(), null);
        if (url == null) {
            throw new IllegalArgumentException("The feed address must be an absolute http or https URL, not '" + request.feedUrl() + "'");
        }
        if (request.sourceName() == null || request.sourceName().isBlank()) {
            throw new IllegalArgumentException("Name the source outlet (--source), e.g. --source \"teleSUR\"");
        }
        if (request.sourceUrl() != null && Links.absolute(request.sourceUrl(), null) == null) {
            throw new IllegalArgumentException("The source's home page must be an http or https URL, not '" + request.sourceUrl() + "'");
        }
        if (request.sourceLogo() != null && Links.absolute(request.sourceLogo(), null) == null) {
            throw new IllegalArgumentException("The source's logo must be an http or https URL, not '" + request.sourceLogo() + "'");
        }
        if (request.every().compareTo(MIN_INTERVAL) < 0 && !request.every().isZero()) {
            throw new IllegalArgumentException("Poll a feed at most once a minute (--every 1m or more)");
        }
        Optional<FeedSubscription> existing = store.byUrl(url);
        if (existing.isPresent()) {
            throw new IllegalArgumentException("Already subscribed to " + url + " (feed " + existing.get().id() + ")");
        }
        List<String> tags = new ArrayList<>();
        for (String tag : request.tags()) {
            if (!tag.isBlank() && !tags.contains(tag.strip())) {
                tags.add(tag.strip());
            }
        }
        var clean = new FeedSubscription.Request(url, request.sourceName().strip(), request.sourceUrl(), request.sourceLogo(),
                request.section() == null || request.section().isBlank() ? "World" : request.section().strip(), tags,
                request.language() == null || request.language().isBlank() ? defaultLanguage : request.language().strip().toLowerCase(Locale.ROOT),
                request.mode() == null ? FeedSubscription.Mode.PUBLISH : request.mode(),
                request.every().isZero() ? Duration.ofMinutes(15) : request.every());
        long id = store.add(clean, clock.instant());
        return store.byId(id).orElseThrow();
    }

    public List<FeedSubscription> list() {
        return store.all();
    }

    public Optional<FeedSubscription> status(long id) {
        return store.byId(id);
    }

    public boolean remove(long id) {
        return store.remove(id);
    }

    public boolean setEnabled(long id, boolean enabled) {
        return store.setEnabled(id, enabled, clock.instant());
    }

    /** Other outlets that ran the same story as this article, in the order they were found running it. */
    public List<Source> alsoFrom(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("select s.id, s.slug, s.name, s.home_url from article_also_from f "
                        + "join source s on s.id = f.source_id where f.article_id = :id order by f.recorded_at, s.id")
                .bind("id", articleId)
                .map((rs, ctx) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** Polls one feed now, whatever its schedule; returns its status afterwards. */
    public FeedSubscription poll(long id) {
        FeedSubscription sub = store.byId(id).orElseThrow(() -> new IllegalArgumentException("There is no feed " + id
                + " (see 'gazette feeds list')"));
        poll(sub);
        return store.byId(id).orElseThrow();
    }

    /** Polls every enabled feed now, one after another (the CLI's "feeds poll" without an id). */
    public List<FeedSubscription> pollAll() {
        List<FeedSubscription> after = new ArrayList<>();
        for (FeedSubscription sub : store.all()) {
            if (sub.enabled()) {
                after.add(poll(sub.id()));
            }
        }
        return after;
    }

    SubscriptionStore store() {
        return store;
    }

    Duration lease() {
        return readTimeout.multipliedBy(2).plusMinutes(5);
    }

    /**
     * One poll: fetch, parse, store, record the outcome. Never throws: every failure becomes the
     * feed's "last error" and a later retry, with back-off.
     */
    void poll(FeedSubscription sub) {
        Instant started = clock.instant();
        String[] validators = store.validators(sub.id());
        try {
            FeedFetcher.Result fetched = fetcher.fetch(URI.create(sub.feedUrl()), validators[0], validators[1]);
            if (fetched.notModified()) {
                store.recordNotModified(sub.id(), started, clock.instant().plus(sub.every()));
                return;
            }
            ParsedFeed feed = parser.parse(fetched.body(), fetched.contentType());
            String base = Links.absolute(feed.link(), fetched.finalUri().toString());
            ItemIngester.Outcome outcome = ingester.ingest(sub, feed, base != null ? base : fetched.finalUri().toString(), started);
            // When items failed to store (a database hiccup), forget the validators so the next poll gets the
            // whole feed again instead of a 304, and the items are not lost.
            boolean complete = outcome.storageFailures() == 0;
            store.recordSuccess(sub.id(), started, fetched.status(), outcome.counts(), complete ? fetched.etag() : null,
                    complete ? fetched.lastModified() : null, outcome.note(feed.skipped()), clock.instant().plus(sub.every()));
            if (outcome.counts().added() + outcome.counts().updated() > 0) {
                afterChanges.run();
            }
        } catch (FeedProblem e) {
            fail(sub, started, e.httpStatus(), e.getMessage(), e instanceof FeedFetcher.RetryLater later ? later.notBefore() : null);
        } catch (RuntimeException e) {
            LOG.error("Polling feed {} ({}) failed unexpectedly", sub.id(), sub.feedUrl(), e);
            fail(sub, started, 0, "Unexpected error while polling: " + FeedFetcher.messageOf(e), null);
        }
    }

    private void fail(FeedSubscription sub, Instant started, int httpStatus, String message, Instant notBefore) {
        int failures = sub.status().failures() + 1;
        Instant next = clock.instant().plus(backoff(sub.every(), failures));
        if (notBefore != null && notBefore.isAfter(next)) {
            next = notBefore;
        }
        LOG.info("Feed {} ({}): {}; next try at {}", sub.id(), sub.feedUrl(), message, next);
        store.recordFailure(sub.id(), started, httpStatus, message, failures, next);
    }

    /** The wait after the n-th failure in a row: the interval doubled each time, at most a day. */
    static Duration backoff(Duration every, int failures) {
        Duration wait = every;
        for (int i = 0; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
