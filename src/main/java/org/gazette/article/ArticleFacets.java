package org.gazette.article;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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

    /**
     * The facets of many stored articles at once (three queries, no article bodies loaded);
     * articles that no longer exist are missing from the map.
     */
    public static Map<Long, Set<String>> stored(Jdbi jdbi, Collection<Long> articleIds) {
        Map<Long, Set<String>> facets = new HashMap<>();
        if (articleIds.isEmpty()) {
            return facets;
        }
        jdbi.useHandle(h -> {
            h.createQuery("select id, section_id, source_id from article where id in (<ids>)").bindList("ids", List.copyOf(articleIds))
                    .map((rs, ctx) -> {
                        Set<String> of = facets.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>());
                        of.add(section(rs.getLong(2)));
                        long source = rs.getLong(3);
                        if (!rs.wasNull()) {
                            of.add(source(source));
                        }
                        return of;
                    })
                    .list();
            h.createQuery("select article_id, tag_id from article_tag where article_id in (<ids>)").bindList("ids", List.copyOf(articleIds))
                    .map((rs, ctx) -> facets.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(tag(rs.getLong(2))))
                    .list();
            h.createQuery("select article_id, author_id from article_author where article_id in (<ids>)")
                    .bindList("ids", List.copyOf(articleIds))
                    .map((rs, ctx) -> facets.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(author(rs.getLong(2))))
                    .list();
        });
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
