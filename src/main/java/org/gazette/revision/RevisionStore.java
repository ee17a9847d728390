package org.gazette.revision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Every saved version of an article: who saved it, when, and the editor's fields as they were. */
public final class RevisionStore {

    private final Jdbi jdbi;

    public RevisionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Revision(long id, long articleId, String savedBy, Instant savedAt, String snapshot) {
    }

    private static final String SELECT = "select r.id, r.article_id, a.username, r.saved_at, r.snapshot from article_revision r "
            + "left join account a on a.id = r.account_id";

    /** Keeps a revision unless it is the same as the latest one (an autosave of nothing new). */
    public void record(Handle h, long articleId, Long accountId, String snapshot, Instant now) {
        Optional<String> latest = h.createQuery("select snapshot from article_revision where article_id = :a order by id desc limit 1")
                .bind("a", articleId).mapTo(String.class).findOne();
        if (latest.isPresent() && latest.get().equals(snapshot)) {
            return;
        }
        h.createUpdate("insert into article_revision (article_id, account_id, saved_at, snapshot) values (:a, :who, :at, :s)")
                .bind("a", articleId).bind("who", accountId).bind("at", now.atOffset(ZoneOffset.UTC)).bind("s", snapshot)
                .execute();
    }

    /** Newest first. */
    public List<Revision> of(long articleId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where r.article_id = :a order by r.id desc")
                .bind("a", articleId).map((rs, ctx) -> new Revision(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list());
    }

    public Optional<Revision> byId(long articleId, long revisionId) {
        return of(articleId).stream().filter(r -> r.id() == revisionId).findFirst();
    }
}
