package org.gazette.admin;

import java.time.Instant;
import java.util.List;
import org.gazette.article.ArticleStore;
import org.gazette.change.Change;
import org.gazette.catalog.Slugs;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Changes to sections, tags, sources and staff author profiles. A changed name shows on every
 * article filed under it, so each such article goes through the outbox for search and caches.
 */
public final class CatalogEdits {

    private final Jdbi jdbi;

    public CatalogEdits(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Thrown when the name would give a slug another record of the same kind already has. */
    public static final class NameTaken extends RuntimeException {
        NameTaken() {
            super("name taken");
        }
    }

    public void addSection(String name, String description) {
        jdbi.useTransaction(h -> {
            String slug = freeSlug(h, "section", name);
            int position = h.createQuery("select coalesce(max(position), 0) + 1 from section").mapTo(Integer.class).one();
            h.createUpdate("insert into section (slug, name, description, position) values (:s, :n, :d, :p)")
                    .bind("s", slug).bind("n", name).bind("d", blankToNull(description)).bind("p", position).execute();
            // Every page's navigation lists the sections, so every cached page must go.
            ArticleStore.recordChange(h, Change.SITE, Instant.now());
        });
    }

    public void updateSection(long id, String name, String description, int position, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update section set name = :n, description = :d, position = :p where id = :id")
                    .bind("n", name).bind("d", blankToNull(description)).bind("p", position).bind("id", id).execute();
            ArticleStore.recordChange(h, Change.SITE, now);
        });
    }

    public void renameTag(long id, String name, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update tag set name = :n where id = :id").bind("n", name).bind("id", id).execute();
            touch(h, "select article_id from article_tag where tag_id = :id", id, now);
        });
    }

    public void addSource(String name, String homeUrl, Long logo) {
        jdbi.useTransaction(h -> h.createUpdate("insert into source (slug, name, home_url, logo_media_id) values (:s, :n, :u, :l)")
                .bind("s", freeSlug(h, "source", name)).bind("n", name).bind("u", blankToNull(homeUrl)).bind("l", logo).execute());
    }

    public void updateSource(long id, String name, String homeUrl, Long logo, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update source set name = :n, home_url = :u, logo_media_id = :l where id = :id")
                    .bind("n", name).bind("u", blankToNull(homeUrl)).bind("l", logo).bind("id", id).execute();
            touch(h, "select id from article where source_id = :id", id, now);
        });
    }

    public void addAuthor(String name, String bio, Long photo) {
        jdbi.useTransaction(h -> h.createUpdate("insert into author (slug, name, bio, photo_media_id) values (:s, :n, :b, :p)")
                .bind("s", freeSlug(h, "author", name)).bind("n", name).bind("b", blankToNull(bio)).bind("p", photo).execute());
    }

    public void updateAuthor(long id, String name, String bio, Long photo, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("update author set name = :n, bio = :b, photo_media_id = :p where id = :id")
                    .bind("n", name).bind("b", blankToNull(bio)).bind("p", photo).bind("id", id).execute();
            touch(h, "select article_id from article_author where author_id = :id", id, now);
        });
    }

    private static String freeSlug(Handle h, String table, String name) {
        String slug = Slugs.of(name);
        boolean taken = h.createQuery("select count(*) from " + table + " where slug = :s").bind("s", slug).mapTo(Integer.class).one() > 0;
        if (taken) {
            throw new NameTaken();
        }
        return slug;
    }

    private static void touch(Handle h, String articlesSql, long id, Instant now) {
        List<Long> articles = h.createQuery(articlesSql).bind("id", id).mapTo(Long.class).list();
        for (long article : articles) {
            ArticleStore.recordChange(h, article, now);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
