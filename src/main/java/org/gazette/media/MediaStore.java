package org.gazette.media;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Uploaded images and their resized copies, kept in the database so every server can serve them. */
public final class MediaStore {

    private final Jdbi jdbi;

    public MediaStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public record Media(long id, String filename, int width, int height, String alt, String caption, Instant uploadedAt) {
        /** The address of the largest copy, as the editor puts it in an article. */
        public String url() {
            return "/media/" + id + "/" + Math.min(width, ImageProcessor.MAX_WIDTH);
        }

        public String thumbnail() {
            return "/media/" + id + "/320";
        }
    }

    public record Stored(String contentType, byte[] data) {
    }

    public long save(String filename, ImageProcessor.Processed image, String alt, Long accountId, Instant now) {
        return jdbi.inTransaction(h -> {
            long id = h.createUpdate("insert into media (filename, width, height, alt_text, uploaded_by, uploaded_at) "
                            + "values (:f, :w, :h, :alt, :by, :at)")
                    .bind("f", filename).bind("w", image.width()).bind("h", image.height()).bind("alt", alt)
                    .bind("by", accountId).bind("at", now.atOffset(ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            for (ImageProcessor.Rendition r : image.renditions()) {
                h.createUpdate("insert into media_rendition (media_id, width, content_type, data) values (:id, :w, :t, :d)")
                        .bind("id", id).bind("w", r.width()).bind("t", r.contentType()).bind("d", r.data()).execute();
            }
            return id;
        });
    }

    /** The copy of exactly this width, else the next larger one, else the largest there is. */
    public Optional<Stored> rendition(long id, int width) {
        return jdbi.withHandle(h -> h.createQuery("select content_type, data from media_rendition where media_id = :id "
                        + "order by case when width >= :w then 0 else 1 end, case when width >= :w then width else -width end limit 1")
                .bind("id", id).bind("w", width)
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getBytes(2))).findOne());
    }

    private static final String SELECT = "select id, filename, width, height, alt_text, caption, uploaded_at from media";

    public List<Media> page(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " order by id desc limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset).map(MediaStore::map).list());
    }

    public Optional<Media> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where id = :id").bind("id", id).map(MediaStore::map).findOne());
    }

    private static Media map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Media(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
