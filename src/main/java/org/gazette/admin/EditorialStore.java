package org.gazette.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gazette.account.Account;
import org.gazette.article.Article;
import org.gazette.article.ArticleStatus;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.article.LeadImage;
import org.gazette.catalog.Author;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Slugs;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;
import org.gazette.revision.RevisionStore;
import org.gazette.revision.SlugHistory;
import org.jdbi.v3.core.Handle;

/**
 * Saves what the editor sends: the article, a revision, a redirect from a changed slug and the
 * outbox entry, all in one transaction. Status changes go through the outbox too.
 */
public final class EditorialStore {

    // Unknown fields are skipped, so revisions saved before a field was added or removed still read.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ArticleStore articles;
    private final CatalogStore catalog;
    private final RevisionStore revisions;
    private final BodyRenderer renderer;

    public EditorialStore(ArticleStore articles, CatalogStore catalog, RevisionStore revisions, BodyRenderer renderer) {
        this.articles = articles;
        this.catalog = catalog;
        this.revisions = revisions;
        this.renderer = renderer;
    }

    /** What the permission rules need to know about an article. */
    public record Owned(long id, String slug, ArticleStatus status, Long createdBy, Instant publishedAt, String trashedFrom) {
    }

    /** Thrown when the slug belongs to another article; nothing has been saved. */
    public static final class SlugTaken extends RuntimeException {
        SlugTaken() {
            super("slug taken");
        }
    }

    public Optional<Owned> owned(long id) {
        return articles.jdbi().withHandle(h -> owned(h, id));
    }

    private static Optional<Owned> owned(Handle h, long id) {
        return h.createQuery("select id, slug, status, created_by, published_at, trashed_from from article where id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    long by = rs.getLong(4);
                    Long createdBy = rs.wasNull() ? null : by;
                    OffsetDateTime published = rs.getObject(5, OffsetDateTime.class);
                    return new Owned(rs.getLong(1), rs.getString(2), ArticleStatus.valueOf(rs.getString(3)), createdBy,
                            published == null ? null : published.toInstant(), rs.getString(6));
                })
                .findOne();
    }

    /** Saves a new article ({@code id} null) or changes one; returns its id. The form must have passed the checks. */
    public long save(Long id, ArticleForm form, ArticleStatus status, Instant publishedAt, Account by, Instant now) {
        String slug = form.slug().isEmpty() ? Slugs.of(form.headline()) : form.slug();
        ArticleForm saved = form.withSlug(slug);
        return articles.jdbi().inTransaction(h -> {
            Optional<Long> holder = h.createQuery("select id from article where slug = :s").bind("s", slug).mapTo(Long.class).findOne();
            if (holder.isPresent() && !holder.get().equals(id)) {
                throw new SlugTaken();
            }
            ArticleStore.Row row = row(h, saved, status, publishedAt);
            long articleId;
            if (id == null) {
                articleId = articles.save(h, row, now);
                h.createUpdate("update article set created_by = :by where id = :id").bind("by", by.id()).bind("id", articleId).execute();
                SlugHistory.moved(h, articleId, slug, slug, now);
            } else {
                Owned before = owned(h, id).orElseThrow();
                articleId = articles.update(h, id, row, now);
                SlugHistory.moved(h, articleId, before.slug(), slug, now);
            }
            revisions.record(h, articleId, by.id(), snapshot(saved), now);
            return articleId;
        });
    }

    private ArticleStore.Row row(Handle h, ArticleForm form, ArticleStatus status, Instant publishedAt) {
        List<Tag> tags = new ArrayList<>();
        for (String name : form.tagNames()) {
            Tag tag = catalog.tagNamed(h, name);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<Author> authors = new ArrayList<>();
        Source source = null;
        String original = null;
        if (form.isRepublished()) {
            long sourceId = Long.parseLong(form.sourceId());
            source = catalog.sources().stream().filter(s -> s.id() == sourceId).findFirst().orElseThrow();
            original = form.originalUrl().isEmpty() ? null : form.originalUrl();
        } else {
            List<Author> known = catalog.authors();
            for (String authorId : form.authorIds()) {
                known.stream().filter(a -> String.valueOf(a.id()).equals(authorId)).findFirst().ifPresent(authors::add);
            }
        }
        LeadImage image = form.imageUrl().isEmpty() ? null
                : new LeadImage(form.imageUrl(), form.imageAlt(), form.imageCaption().isEmpty() ? null : form.imageCaption());
        return new ArticleStore.Row(form.slug(), form.headline(), form.deck().isEmpty() ? null : form.deck(), form.body(),
                renderer.toHtml(form.body()), catalog.sectionById(Long.parseLong(form.sectionId())).orElseThrow(), tags, authors,
                source, original, status, form.language(), image, publishedAt);
    }

    /** Moves an article to another status and tells derived copies through the outbox. */
    public void setStatus(long id, ArticleStatus status, Instant publishedAt, Instant now) {
        articles.jdbi().useTransaction(h -> {
            // The stored content hash covers the status; clearing it makes the next save write, even with the same text.
            h.createUpdate("update article set status = :s, published_at = :p, trashed_from = null, content_hash = '' where id = :id")
                    .bind("s", status.name()).bind("p", publishedAt == null ? null : publishedAt.atOffset(ZoneOffset.UTC))
                    .bind("id", id).execute();
            ArticleStore.recordChange(h, id, now);
        });
    }

    public void trash(long id, Instant now) {
        articles.jdbi().useTransaction(h -> {
            h.createUpdate("update article set trashed_from = status, status = 'TRASHED', content_hash = '' "
                    + "where id = :id and status <> 'TRASHED'")
                    .bind("id", id).execute();
            ArticleStore.recordChange(h, id, now);
        });
    }

    /** Puts a trashed article back as it was; one that was public is public again. */
    public void restore(long id, Instant now) {
        articles.jdbi().useTransaction(h -> {
            h.createUpdate("update article set status = coalesce(trashed_from, 'DRAFT'), trashed_from = null, "
                    + "content_hash = '' where id = :id and status = 'TRASHED'").bind("id", id).execute();
            ArticleStore.recordChange(h, id, now);
        });
    }

    public Optional<Article> article(long id) {
        return articles.byId(id);
    }

    public static String snapshot(ArticleForm form) {
        try {
            return JSON.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ArticleForm fromSnapshot(String json) {
        try {
            return JSON.readValue(json, ArticleForm.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable revision", e);
        }
    }
}
