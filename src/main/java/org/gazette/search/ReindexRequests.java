package org.gazette.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilding the index while the site runs: a command records a request in the database, the
 * process that owns the index picks it up, rebuilds into a new generation while searches go on,
 * swaps it in, and records the outcome the command is waiting for.
 */
public final class ReindexRequests implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReindexRequests.class);

    /** How a request ended: the number of articles indexed, or why it failed. */
    public record Outcome(int indexed, String error) {
    }

    private final Jdbi jdbi;
    private ScheduledExecutorService poller;

    public ReindexRequests(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a request; returns its id. */
    public long request() {
        return jdbi.inTransaction(h -> {
            h.createUpdate("insert into search_reindex (requested_at) values (:now)").bind("now", now()).execute();
            return h.createQuery("select max(id) from search_reindex").mapTo(Long.class).one();
        });
    }

    /** Waits for request {@code id} to finish; empty if it did not within {@code timeout}. */
    public Optional<Outcome> await(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Outcome> outcome = jdbi.withHandle(h -> h.createQuery(
                            "select indexed, error from search_reindex where id = :id and finished_at is not null")
                    .bind("id", id)
                    .map((rs, ctx) -> new Outcome(rs.getInt(1), rs.getString(2)))
                    .findOne());
            if (outcome.isPresent()) {
                return outcome;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    /** In the process that owns the index: checks for requests every {@code interval} and carries them out. */
    public void follow(SearchIndexer indexer, Duration interval) {
        // A request started by a process that stopped half-way will never finish: say so.
        jdbi.useHandle(h -> h.createUpdate("update search_reindex set finished_at = :now, error = :error "
                        + "where started_at is not null and finished_at is null")
                .bind("now", now()).bind("error", "interrupted: the site stopped during the rebuild").execute());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-reindex");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> runPending(indexer), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Carries out every waiting request (one rebuild serves all requests made before it started). */
    public void runPending(SearchIndexer indexer) {
        try {
            OffsetDateTime started = now();
            int claimed = jdbi.withHandle(h -> h.createUpdate(
                            "update search_reindex set started_at = :now where started_at is null")
                    .bind("now", started).execute());
            if (claimed == 0) {
                return;
            }
            Outcome outcome;
            try {
                outcome = new Outcome(indexer.rebuild(), null);
            } catch (IOException | RuntimeException e) {
                LOG.error("Requested rebuild of the search index failed", e);
                outcome = new Outcome(0, String.valueOf(e.getMessage()));
            }
            Outcome done = outcome;
            jdbi.useHandle(h -> h.createUpdate("update search_reindex set finished_at = :now, indexed = :n, error = :error "
                            + "where started_at = :started and finished_at is null")
                    .bind("now", now()).bind("n", done.indexed()).bind("error", done.error()).bind("started", started).execute());
        } catch (RuntimeException e) {
            LOG.error("Could not check for search index rebuild requests", e);
        }
    }

    private static OffsetDateTime now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
