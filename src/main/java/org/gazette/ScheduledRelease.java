package org.gazette;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes scheduled articles when their time comes. The schedule lives in the database,
 * so articles due while the server was down go out right after it starts.
 */
public final class ScheduledRelease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRelease.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scheduled-release");
        t.setDaemon(true);
        return t;
    });

    /** Polls every {@code admin.release-poll-seconds} (back office, issue 5: tests shorten it). */
    public ScheduledRelease(Site site) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int released = site.publisher().releaseDue();
                if (released > 0) {
                    LOG.info("Published {} scheduled article(s)", released);
                    site.settle();
                }
            } catch (Exception e) {
                LOG.error("Scheduled publishing failed; will retry", e);
            }
        }, 0, site.settings().getInt("admin.release-poll-seconds"), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
