package org.gazette.revision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Earlier addresses of articles whose slug changed, so links to them keep working. */
public final class SlugHistory {

    private final Jdbi jdbi;

    public SlugHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Records a change of slug; the new slug stops being a redirect if it ever was one. */
    public static void moved(Handle h, long articleId, String oldSlug, String newSlug, Instant now) {
        h.createUpdate("delete from article_slug_history where old_slug = :s").bind("s", newSlug).execute();
        if (oldSlug.equals(newSlug)) {
            return;
        }
        h.createUpdate("delete from article_slug_history where old_slug = :s").bind("s", oldSlug).execute();
        h.createUpdate("insert into article_slug_history (old_slug, article_id, changed_at) values (:s, :a, :t)")
                .bind("s", oldSlug).bind("a", articleId).bind("t", now.atOffset(ZoneOffset.UTC)).execute();
    }

    /** The article that used to live at this slug. */
    public Optional<Long> articleFormerlyAt(String slug) {
        return jdbi.withHandle(h -> h.createQuery("select article_id from article_slug_history where old_slug = :s")
                .bind("s", slug).mapTo(Long.class).findOne());
    }
}
