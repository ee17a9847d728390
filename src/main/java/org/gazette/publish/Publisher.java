package org.gazette.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gazette.article.ArticleStatus;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.Author;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;

/**
 * Puts submitted articles into the database: resolves the section, tags and byline,
 * renders the body, and stores it all in one transaction with its outbox entry.
 * Derived copies (search, caches) follow through the change feed.
 */
public final class Publisher {

    private final ArticleStore articles;
    private final CatalogStore catalog;
    private final BodyRenderer renderer;
    private final Clock clock;

    public Publisher(ArticleStore articles, CatalogStore catalog, BodyRenderer renderer, Clock clock) {
        this.articles = articles;
        this.catalog = catalog;
        this.renderer = renderer;
        this.clock = clock;
    }

    public record Published(long id, String path, ArticleStatus status) {
    }

    /** Publishes (or schedules, when dated in the future) one article; same slug means update. */
    public Published publish(Submission s) {
        return articles.jdbi().inTransaction(h -> publish(h, s, null));
    }

    /**
     * Publishes within the caller's transaction, so a caller can record its own rows with the article
     * (partner feeds do). {@code requested} null means published or scheduled by date; DRAFT holds it back.
     */
    public Published publish(org.jdbi.v3.core.Handle h, Submission s, ArticleStatus requested) {
        Instant now = clock.instant();
        ArticleStatus status = requested != null ? requested
                : s.published().isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
        List<Tag> tags = new ArrayList<>();
        for (String name : s.tags()) {
            Tag tag = catalog.tagNamed(h, name);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<Author> authors = new ArrayList<>();
        for (String name : s.authors()) {
            authors.add(catalog.authorNamed(h, name));
        }
        Source source = s.source() == null ? null : catalog.sourceNamed(h, s.source(), s.sourceUrl());
        var row = new ArticleStore.Row(s.slug(), s.headline(), s.deck(), s.bodyMarkdown(), renderer.toHtml(s.bodyMarkdown()),
                catalog.sectionNamed(h, s.section()), tags, authors, source, s.originalUrl(), status, s.language(),
                s.image(), s.published());
        long id = articles.save(h, row, now);
        return new Published(id, org.gazette.article.Article.pathOf(s.slug()), status);
    }

    /** Publishes scheduled articles whose time has come; returns how many went out. */
    public int releaseDue() {
        Instant now = clock.instant();
        return articles.jdbi().inTransaction(h -> {
            List<Long> due = h.createQuery("select id from article where status = 'SCHEDULED' and published_at <= :now")
                    .bind("now", now.atOffset(java.time.ZoneOffset.UTC)).mapTo(Long.class).list();
            for (long id : due) {
                h.createUpdate("update article set status = 'PUBLISHED' where id = :id").bind("id", id).execute();
                ArticleStore.recordChange(h, id, now);
            }
            return due.size();
        });
    }
}
