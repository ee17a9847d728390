package org.gazette.change;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every derived copy up to date with the outbox. The process that writes a change
 * calls {@link #catchUp()} itself; a background poll picks up changes written by other
 * processes (a CLI command, another server), so the site follows them within a fraction of a second.
 */
public final class ChangeFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    /**
     * Changes applied per commit of a derived copy. Every commit of the search index flushes a
     * segment and opens a new searcher; 1,000 instead of 500 took a tenth off a bulk catch-up, and
     * a batch of loaded articles still takes only a few MB of heap.
     */
    private static final int BATCH = 1000;

    private final ChangeLog log;
    private final List<DerivedCopy> copies = new CopyOnWriteArrayList<>();
    private final Map<String, Long> recorded = new ConcurrentHashMap<>();
    private ScheduledExecutorService poller;

    public ChangeFeed(ChangeLog log) {
        this.log = log;
    }

    public void follow(DerivedCopy copy) {
        copies.add(copy);
    }

    /**
     * Applies all pending changes to every copy, then records how far each got. Progress is
     * recorded only after every copy has applied, so a command waiting on the search index
     * also knows the page cache has dropped what it changed.
     */
    public synchronized void catchUp() {
        Map<String, Long> reached = new java.util.LinkedHashMap<>();
        // One cheap look at the outbox's end spares every copy its own query when nothing changed,
        // which is what almost every poll finds.
        long latest;
        try {
            latest = log.latestSeq();
        } catch (RuntimeException e) {
            // Thrown out of a scheduled poll, this would cancel every later poll; the next one retries.
            LOG.error("Could not read the outbox: {}", e.toString(), e);
            return;
        }
        for (DerivedCopy copy : copies) {
            try {
                long applied = copy.appliedSeq();
                while (applied < latest) {
                    List<Change> batch = log.after(applied, BATCH);
                    if (batch.isEmpty()) {
                        break;
                    }
                    applied = batch.get(batch.size() - 1).seq();
                    copy.apply(batch, applied);
                }
                copy.commit();
                reached.put(copy.name(), applied);
            } catch (Exception e) {
                // One broken copy must not stop the others; the next poll retries from where it stopped.
                LOG.error("Could not bring {} up to date: {}", copy.name(), e.toString(), e);
            }
        }
        reached.forEach((name, applied) -> {
            try {
                if (recorded.getOrDefault(name, -1L) != (long) applied) {
                    log.recordProgress(name, applied);
                    recorded.put(name, applied);
                }
            } catch (RuntimeException e) {
                LOG.error("Could not record the progress of {}: {}", name, e.toString(), e);
            }
        });
    }

    public void startPolling(Duration interval) {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::catchUp, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Waits until the named copy, maintained by another process, has reached {@code seq}.
     * Returns false if it did not within the timeout.
     */
    public boolean awaitProgress(String copyName, long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log.progress(copyName).orElse(-1L) >= seq) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() {
        if (poller != null) {
            // Let a catch-up in progress finish, so it never runs against a closed database.
            poller.shutdown();
            try {
                if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                    poller.shutdownNow();
                }
            } catch (InterruptedException e) {
                poller.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
