package org.gazette.change;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The outbox table and the progress each derived copy has recorded against it. */
public final class ChangeLog {

    private final Jdbi jdbi;

    public ChangeLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long latestSeq() {
        return jdbi.withHandle(h -> h.createQuery("select coalesce(max(seq), 0) from content_change").mapTo(Long.class).one());
    }

    public List<Change> after(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select seq, article_id, facets from content_change where seq > :seq order by seq limit :limit")
                .bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list());
    }

    /**
     * Records a change to the whole site (its settings, its sections' names): every cached
     * page drops. Call it in the transaction that makes the change.
     */
    public static void recordSiteChange(Handle h, java.time.Instant now) {
        h.createUpdate("insert into content_change (article_id, changed_at) values (:id, :now)")
                .bind("id", Change.SITE).bind("now", now.atOffset(java.time.ZoneOffset.UTC)).execute();
    }

    public Optional<Long> progress(String name) {
        return jdbi.withHandle(h -> h.createQuery("select seq from derived_progress where name = :name")
                .bind("name", name).mapTo(Long.class).findOne());
    }

    public void recordProgress(String name, long seq) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("update derived_progress set seq = :seq where name = :name")
                    .bind("name", name).bind("seq", seq).execute();
            if (updated == 0) {
                h.createUpdate("insert into derived_progress (name, seq) values (:name, :seq)")
                        .bind("name", name).bind("seq", seq).execute();
            }
        });
    }
}
