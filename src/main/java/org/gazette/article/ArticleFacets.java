package org.gazette.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;
import org.jdbi.v3.core.Handle;

/**
 * Where an article is filed, written as short names ({@code section:3}, {@code tag:7},
 * {@code author:2}, {@code source:1}): the listing pages it appears on. The outbox keeps an
 * article's facets from before each change, so caches can drop the listings it leaves.
 */
public final class ArticleFacets {

    private ArticleFacets() {
    }

    public static String section(long id) {
        return "section:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String source(long id) {
        return "source:" + id;
    }

    /** The facets of an article as loaded. */
    public static Set<String> of(Article article) {
        Set<String> facets = new LinkedHashSet<>();
        facets.add(section(article.section().id()));
        for (Tag tag : article.tags()) {
            facets.add(tag(tag.id()));
        }
        if (article.byline().isRepublished()) {
            facets.add(source(article.byline().source().id()));
        } else {
            for (Author author : article.byline().authors()) {
                facets.add(author(author.id()));
            }
        }
        return facets;
    }

    /** The facets of the stored article, joined by spaces; null when there is no such article. */
    public static String stored(Handle h, long articleId) {
        record Filed(long section, Long source) {
        }
        var filed = h.createQuery("select section_id, source_id from article where id = :id").bind("id", articleId)
                .map((rs, ctx) -> {
                    long section = rs.getLong(1);
                    long source = rs.getLong(2);
                    return new Filed(section, rs.wasNull() ? null : source);
                })
                .findOne();
        if (filed.isEmpty()) {
            return null;
        }
        Set<String> facets = new LinkedHashSet<>();
        facets.add(section(filed.get().section()));
        if (filed.get().source() != null) {
            facets.add(source(filed.get().source()));
        }
        List<Long> tags = h.createQuery("select tag_id from article_tag where article_id = :id").bind("id", articleId)
                .mapTo(Long.class).list();
        tags.forEach(t -> facets.add(tag(t)));
        List<Long> authors = h.createQuery("select author_id from article_author where article_id = :id").bind("id", articleId)
                .mapTo(Long.class).list();
        authors.forEach(a -> facets.add(author(a)));
        return String.join(" ", facets);
    }
}
