package org.gazette.revision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.gazette.article.ArticleStore;
import org.jdbi.v3.core.Jdbi;

/**
 * Dated corrections and updates an editor adds to a published article. Each one moves the
 * article's date of last change (dateModified) and goes through the outbox like any change.
 */
public final class Corrections {

    public enum Kind { CORRECTION, UPDATE }

    public record Note(long id, Kind kind, String text, Instant notedAt) {
        public boolean isCorrection() {
            return kind == Kind.CORRECTION;
        }
    }

    public static final int MAX_LENGTH = 4000;

    private final Jdbi jdbi;

    public Corrections(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void add(long articleId, Kind kind, String text, Long accountId, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("insert into article_note (article_id, kind, note_text, noted_at, account_id) values (:a, :k, :t, :at, :who)")
                    .bind("a", articleId).bind("k", kind.name()).bind("t", text).bind("at", now.atOffset(ZoneOffset.UTC))
                    .bind("who", accountId).execute();
            h.createUpdate("update article set updated_at = :at where id = :a")
                    .bind("at", now.atOffset(ZoneOffset.UTC)).bind("a", articleId).execute();
            ArticleStore.recordChange(h, articleId, now);
        });
    }

    /** Oldest first, as they read under the article. */
    public List<Note> of(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("select id, kind, note_text, noted_at from article_note where article_id = :a "
                        + "order by noted_at, id")
                .bind("a", articleId)
                .map((rs, ctx) -> new Note(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list());
    }
}
