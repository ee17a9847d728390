package org.gazette.sitemap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gazette.article.Article;
import org.jdbi.v3.core.Jdbi;

/** The few columns sitemaps need, read straight from the database: no bodies, no bylines. */
public final class SitemapQueries {

    /** A page address and when it last changed. */
    public record Page(String path, Instant lastModified) {
    }

    /** An article as the Google News sitemap names it. */
    public record NewsArticle(String path, String headline, String language, Instant published) {
    }

    private static final String PUBLISHED = "a.status = 'PUBLISHED'";
    /** As {@link Article#modifiedAt()}: a scheduled article is saved before it goes out. */
    private static final String MODIFIED = "case when a.updated_at < a.published_at then a.published_at else a.updated_at end";

    private final Jdbi jdbi;

    public SitemapQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public int countArticles() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from article a where " + PUBLISHED).mapTo(Integer.class).one());
    }

    /** One sitemap's worth of articles in id order, so an article stays in the same file as more are added. */
    public List<Page> articles(int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select a.slug, " + MODIFIED + " from article a where " + PUBLISHED
                        + " order by a.id limit :limit offset :offset")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new Page(Article.pathOf(rs.getString(1)), instant(rs, 2))).list());
    }

    /** A published article's id and address. */
    public record ArticlePath(long id, String path) {
    }

    /** Published articles after {@code afterId} in id order: a whole archive walked without an offset to skip. */
    public List<ArticlePath> articlesAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select a.id, a.slug from article a where " + PUBLISHED
                        + " and a.id > :after order by a.id limit :limit")
                .bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> new ArticlePath(rs.getLong(1), Article.pathOf(rs.getString(2)))).list());
    }

    /** Section, tag, author and source pages that list at least one article, with their newest change. */
    public List<Page> listingPages() {
        List<Page> pages = new ArrayList<>();
        pages.addAll(listing("/section/", "section s join article a on a.section_id = s.id"));
        pages.addAll(listing("/tag/", "tag s join article_tag j on j.tag_id = s.id join article a on a.id = j.article_id"));
        pages.addAll(listing("/author/", "author s join article_author j on j.author_id = s.id join article a on a.id = j.article_id"));
        pages.addAll(listing("/source/", "source s join article a on a.source_id = s.id"));
        return pages;
    }

    /** Articles published since the given time, newest first, at most {@code limit}. */
    public List<NewsArticle> publishedSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select a.slug, a.headline, a.language, a.published_at from article a where "
                        + PUBLISHED + " and a.published_at >= :since order by a.published_at desc, a.id desc limit :limit")
                .bind("since", since.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map((rs, ctx) -> new NewsArticle(Article.pathOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        instant(rs, 4)))
                .list());
    }

    private List<Page> listing(String prefix, String from) {
        return jdbi.withHandle(h -> h.createQuery("select s.slug, max(" + MODIFIED + ") from " + from + " where " + PUBLISHED
                        + " group by s.slug order by s.slug")
                .map((rs, ctx) -> new Page(prefix + rs.getString(1), instant(rs, 2))).list());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
