package org.gazette.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.article.ArticleStatus;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.Author;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Section;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;
import org.jdbi.v3.core.Handle;

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
        return publishAll(List.of(s)).get(0);
    }

    /**
     * Publishes many articles, {@value #BATCH} to a transaction, looking up each section, tag and
     * author once per transaction: what {@code gazette publish} and bulk imports use.
     * Returns what became of each submission, in order.
     */
    public List<Published> publishAll(List<Submission> submissions) {
        List<Published> results = new ArrayList<>(submissions.size());
        for (int from = 0; from < submissions.size(); from += BATCH) {
            List<Submission> batch = submissions.subList(from, Math.min(submissions.size(), from + BATCH));
            // Rendering and sanitizing bodies is a third of storing them, and needs no database:
            // it is spread over the cores before the transaction opens.
            List<String> bodies = batch.parallelStream().map(s -> renderer.toHtml(s.bodyMarkdown())).toList();
            Instant now = clock.instant();
            results.addAll(articles.jdbi().inTransaction(h -> {
                Map<String, Object> known = new HashMap<>();
                List<ArticleStore.Row> rows = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    rows.add(row(h, batch.get(i), bodies.get(i), now, known, null));
                }
                long[] ids = articles.saveAll(h, rows, now);
                List<Published> done = new ArrayList<>(batch.size());
                for (int i = 0; i < rows.size(); i++) {
                    done.add(published(ids[i], rows.get(i)));
                }
                return done;
            }));
        }
        return results;
    }

    /** How many articles {@link #publishAll} stores in one transaction. */
    static final int BATCH = 200;

    /**
     * Publishes within the caller's transaction, so a caller can record its own rows with the article
     * (partner feeds do). {@code requested} null means published or scheduled by date; DRAFT holds it back.
     */
    public Published publish(Handle h, Submission s, ArticleStatus requested) {
        Instant now = clock.instant();
        ArticleStore.Row row = row(h, s, renderer.toHtml(s.bodyMarkdown()), now, new HashMap<>(), requested);
        return published(articles.save(h, row, now), row);
    }

    private static Published published(long id, ArticleStore.Row row) {
        return new Published(id, org.gazette.article.Article.pathOf(row.slug()), row.status());
    }

    /** The article row for {@code s}, with its section, tags and byline looked up (or created) once per {@code known}. */
    private ArticleStore.Row row(Handle h, Submission s, String bodyHtml, Instant now, Map<String, Object> known,
            ArticleStatus requested) {
        ArticleStatus status = requested != null ? requested
                : s.published().isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
        List<Tag> tags = new ArrayList<>();
        for (String name : s.tags()) {
            Tag tag = (Tag) known.computeIfAbsent("tag\u0000" + name, k -> catalog.tagNamed(h, name));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        List<Author> authors = new ArrayList<>();
        for (String name : s.authors()) {
            authors.add((Author) known.computeIfAbsent("author\u0000" + name, k -> catalog.authorNamed(h, name)));
        }
        Source source = s.source() == null ? null
                : (Source) known.computeIfAbsent("source\u0000" + s.source() + "\u0000" + s.sourceUrl(),
                        k -> catalog.sourceNamed(h, s.source(), s.sourceUrl()));
        Section section = (Section) known.computeIfAbsent("section\u0000" + s.section(), k -> catalog.sectionNamed(h, s.section()));
        return new ArticleStore.Row(s.slug(), s.headline(), s.deck(), s.bodyMarkdown(), bodyHtml,
                section, tags, authors, source, s.originalUrl(), status, s.language(), s.image(), s.published());
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
