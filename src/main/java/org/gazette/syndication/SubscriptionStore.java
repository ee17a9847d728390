package org.gazette.syndication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Subscriptions and their status in the database. The table doubles as the poll queue:
 * {@code next_poll_at} says when each feed is due, so the schedule survives a restart,
 * and a worker claims a feed by moving that time forward (a lease) before fetching it.
 */
public final class SubscriptionStore {

    private static final String COLUMNS = """
            id, feed_url, source_name, source_url, source_logo, section_name, default_tags, language, mode,
            interval_seconds, enabled, next_poll_at, failures, last_poll_at, last_success_at, last_http_status,
            items_seen, items_new, items_updated, items_duplicate, items_refused, last_error
            """;

    private final Jdbi jdbi;

    public SubscriptionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long add(FeedSubscription.Request r, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        insert into feed_subscription (feed_url, source_name, source_url, source_logo, section_name, default_tags,
                            language, mode, interval_seconds, enabled, next_poll_at, failures, created_at)
                        values (:url, :source, :sourceUrl, :logo, :section, :tags, :language, :mode, :every, true, :now, 0, :now)
                        """)
                .bind("url", r.feedUrl()).bind("source", r.sourceName()).bind("sourceUrl", r.sourceUrl())
                .bind("logo", r.sourceLogo()).bind("section", r.section()).bind("tags", String.join(",", r.tags()))
                .bind("language", r.language()).bind("mode", r.mode().name()).bind("every", (int) r.every().toSeconds())
                .bind("now", utc(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<FeedSubscription> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feed_subscription where id = :id")
                .bind("id", id).map(SubscriptionStore::map).findOne());
    }

    public Optional<FeedSubscription> byUrl(String url) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feed_subscription where feed_url = :url")
                .bind("url", url).map(SubscriptionStore::map).findOne());
    }

    public List<FeedSubscription> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from feed_subscription order by id")
                .map(SubscriptionStore::map).list());
    }

    /** Deletes the subscription; the articles it brought in stay, and its items still count against duplicates. */
    public boolean remove(long id) {
        return jdbi.withHandle(h -> h.createUpdate("delete from feed_subscription where id = :id").bind("id", id).execute()) > 0;
    }

    public boolean setEnabled(long id, boolean enabled, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("update feed_subscription set enabled = :on, next_poll_at = :now, failures = 0 where id = :id")
                .bind("on", enabled).bind("now", utc(now)).bind("id", id).execute()) > 0;
    }

    /**
     * Claims up to {@code limit} enabled feeds that are due, moving each one's due time to
     * {@code leaseUntil} so no other worker or process takes it meanwhile. A worker that dies
     * mid-poll leaves the lease to expire, and the feed is polled again after it.
     */
    public List<FeedSubscription> claimDue(Instant now, int limit, Instant leaseUntil) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            record Due(long id, OffsetDateTime at) {
            }
            List<Due> due = h.createQuery("""
                            select id, next_poll_at from feed_subscription
                            where enabled = true and next_poll_at <= :now order by next_poll_at, id limit :limit
                            """)
                    .bind("now", utc(now)).bind("limit", limit)
                    .map((rs, ctx) -> new Due(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
            List<FeedSubscription> claimed = new ArrayList<>();
            for (Due d : due) {
                int won = h.createUpdate("update feed_subscription set next_poll_at = :lease where id = :id and next_poll_at = :at")
                        .bind("lease", utc(leaseUntil)).bind("id", d.id()).bind("at", d.at()).execute();
                if (won == 1) {
                    h.createQuery("select " + COLUMNS + " from feed_subscription where id = :id").bind("id", d.id())
                            .map(SubscriptionStore::map).findOne().ifPresent(claimed::add);
                }
            }
            return claimed;
        });
    }

    /** The validators for a conditional GET: ETag and Last-Modified from the last successful read. */
    public String[] validators(long id) {
        return jdbi.withHandle(h -> h.createQuery("select etag, last_modified from feed_subscription where id = :id")
                .bind("id", id).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne()
                .orElse(new String[2]));
    }

    /** Counts from one poll that read the feed. */
    public record Counts(int seen, int added, int updated, int duplicates, int refused) {
    }

    public void recordSuccess(long id, Instant now, int httpStatus, Counts counts, String etag, String lastModified,
                              String note, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update feed_subscription set last_poll_at = :now, last_success_at = :now, last_http_status = :status,
                            items_seen = :seen, items_new = :added, items_updated = :updated, items_duplicate = :dup,
                            items_refused = :refused, last_error = :note, failures = 0, etag = :etag, last_modified = :lm,
                            next_poll_at = :next
                        where id = :id
                        """)
                .bind("now", utc(now)).bind("status", httpStatus).bind("seen", counts.seen()).bind("added", counts.added())
                .bind("updated", counts.updated()).bind("dup", counts.duplicates()).bind("refused", counts.refused())
                .bind("note", clip(note)).bind("etag", fits(etag, 1000)).bind("lm", fits(lastModified, 200))
                .bind("next", utc(next)).bind("id", id).execute());
    }

    /** A 304: the feed is as it was, so the counts of the last read stand. */
    public void recordNotModified(long id, Instant now, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update feed_subscription set last_poll_at = :now, last_success_at = :now, last_http_status = 304,
                            last_error = null, failures = 0, next_poll_at = :next where id = :id
                        """)
                .bind("now", utc(now)).bind("next", utc(next)).bind("id", id).execute());
    }

    public void recordFailure(long id, Instant now, int httpStatus, String error, int failures, Instant next) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update feed_subscription set last_poll_at = :now, last_http_status = :status, last_error = :error,
                            failures = :failures, next_poll_at = :next where id = :id
                        """)
                .bind("now", utc(now)).bind("status", httpStatus == 0 ? null : httpStatus).bind("error", clip(error))
                .bind("failures", failures).bind("next", utc(next)).bind("id", id).execute());
    }

    private static FeedSubscription map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String tags = rs.getString("default_tags");
        int httpStatus = rs.getInt("last_http_status");
        Integer lastStatus = rs.wasNull() ? null : httpStatus;
        var status = new FeedSubscription.Status(instant(rs, "next_poll_at"), rs.getInt("failures"), instant(rs, "last_poll_at"),
                instant(rs, "last_success_at"), lastStatus, rs.getInt("items_seen"), rs.getInt("items_new"),
                rs.getInt("items_updated"), rs.getInt("items_duplicate"), rs.getInt("items_refused"), rs.getString("last_error"));
        return new FeedSubscription(rs.getLong("id"), rs.getString("feed_url"), rs.getString("source_name"),
                rs.getString("source_url"), rs.getString("source_logo"), rs.getString("section_name"),
                tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(",")), rs.getString("language"),
                FeedSubscription.Mode.valueOf(rs.getString("mode")), Duration.ofSeconds(rs.getInt("interval_seconds")),
                rs.getBoolean("enabled"), status);
    }

    private static String clip(String text) {
        return clip(text, 2000);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A validator too long to store is dropped, not cut: a cut one would never match. */
    private static String fits(String text, int max) {
        return text == null || text.length() > max ? null : text;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
