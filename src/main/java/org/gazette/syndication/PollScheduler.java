package org.gazette.syndication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls partner feeds when they are due. A dispatcher looks at the queue in the database every
 * few seconds and hands due feeds to a fixed pool of workers, never more than there are free
 * workers, so a slow or dead feed ties up one worker (for at most the read time-out) and the
 * others carry on.
 */
public final class PollScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);

    private final Syndication syndication;
    private final int workers;
    private final Clock clock;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "feed-dispatcher"));

    public PollScheduler(Syndication syndication, int workers, Duration tick, Clock clock) {
        this.syndication = syndication;
        this.workers = Math.max(1, workers);
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.workers, r -> daemon(r, "feed-poller-" + n.incrementAndGet()));
        dispatcher.scheduleWithFixedDelay(this::dispatch, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts polling with the settings' worker count, checking the queue every two seconds. */
    public static PollScheduler start(Syndication syndication, org.gazette.config.Settings settings) {
        return new PollScheduler(syndication, settings.getInt("ingest.workers"), Duration.ofSeconds(2), Clock.systemUTC());
    }

    private void dispatch() {
        try {
            int free = workers - inFlight.size();
            if (free <= 0) {
                return;
            }
            Instant now = clock.instant();
            for (FeedSubscription sub : syndication.store().claimDue(now, free, now.plus(syndication.lease()))) {
                if (!inFlight.add(sub.id())) {
                    continue;
                }
                pool.execute(() -> {
                    try {
                        syndication.poll(sub);
                    } catch (RuntimeException | Error e) {
                        LOG.error("Polling feed {} failed", sub.id(), e);
                    } finally {
                        inFlight.remove(sub.id());
                    }
                });
            }
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the queue is still there on the next tick.
            LOG.warn("Could not read the feed queue: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        dispatcher.shutdownNow();
        pool.shutdownNow();
        try {
            // Let a poll that is storing items finish its transaction before the database closes.
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("A feed poll was still running at shutdown; its feed is polled again after the restart");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
