package org.gazette.admin;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gazette.account.Account;
import org.gazette.article.ArticleStatus;
import org.gazette.catalog.CatalogStore;
import org.gazette.site.Pager;
import org.jdbi.v3.core.Jdbi;

/** Every article in the newsroom, newest change first, filtered by status, section, author and words in the headline. */
public final class ArticleList {

    static final int PAGE_SIZE = 25;

    private final Jdbi jdbi;
    private final CatalogStore catalog;
    private final AdminPages pages;

    public ArticleList(Jdbi jdbi, CatalogStore catalog, AdminPages pages) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.pages = pages;
    }

    public record Item(long id, String headline, String slug, ArticleStatus status, String section, String createdBy,
                       Instant updatedAt, Instant publishedAt, boolean editable) {
    }

    /** The filters as typed, echoed back into the form. */
    public record Filters(String status, String section, String author, String q) {
    }

    public void show(Context ctx) {
        show(ctx, false);
    }

    public void trash(Context ctx) {
        AdminGuard.require(ctx, org.gazette.account.Role.EDITOR);
        show(ctx, true);
    }

    private void show(Context ctx, boolean trash) {
        Account me = AdminGuard.account(ctx);
        Filters filters = new Filters(param(ctx, "status"), param(ctx, "section"), param(ctx, "author"), param(ctx, "q"));
        int page = Pager.pageNumber(ctx.queryParam("page"));
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> binds = new HashMap<>();
        ArticleStatus status = trash ? ArticleStatus.TRASHED : parseStatus(filters.status());
        if (status != null) {
            where.append(" and a.status = :status");
            binds.put("status", status.name());
        } else {
            where.append(" and a.status <> 'TRASHED'");
        }
        ArticleChecks.id(filters.section()).ifPresent(id -> {
            where.append(" and a.section_id = :section");
            binds.put("section", id);
        });
        ArticleChecks.id(filters.author()).ifPresent(id -> {
            where.append(" and a.id in (select article_id from article_author where author_id = :author)");
            binds.put("author", id);
        });
        if (!filters.q().isEmpty()) {
            where.append(" and lower(a.headline) like :q");
            binds.put("q", "%" + filters.q().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        List<Item> items = query(where.toString(), binds, page, me);
        boolean more = items.size() > PAGE_SIZE;
        String extra = trash ? "" : String.join("&", List.of(Pager.param("status", filters.status()),
                Pager.param("section", filters.section()), Pager.param("author", filters.author()), Pager.param("q", filters.q())));
        pages.show(ctx, "admin/articles.jte", pages.frame(ctx, trash ? "trash.title" : "list.title", trash ? "trash" : "articles"),
                "items", more ? items.subList(0, PAGE_SIZE) : items, "filters", filters, "trash", trash,
                "pager", new Pager(page, more, trash ? "/admin/trash" : "/admin/articles", extra),
                "statuses", ArticleStatus.values(), "done", doneKey(ctx.queryParam("done")), "sections", catalog.sections(), "authors", catalog.authors());
    }

    private List<Item> query(String where, Map<String, Object> binds, int page, Account me) {
        String sql = "select a.id, a.headline, a.slug, a.status, s.name, u.username, a.updated_at, a.published_at, a.created_by, "
                + "a.trashed_from from article a join section s on s.id = a.section_id left join account u on u.id = a.created_by"
                + where + " order by a.updated_at desc, a.id desc limit :limit offset :offset";
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql).bind("limit", PAGE_SIZE + 1).bind("offset", (page - 1) * PAGE_SIZE);
            binds.forEach(q::bind);
            return q.map((rs, c) -> {
                long by = rs.getLong(9);
                Long createdBy = rs.wasNull() ? null : by;
                ArticleStatus status = ArticleStatus.valueOf(rs.getString(4));
                OffsetDateTime published = rs.getObject(8, OffsetDateTime.class);
                var owned = new EditorialStore.Owned(rs.getLong(1), rs.getString(3), status, createdBy,
                        published == null ? null : published.toInstant(), rs.getString(10));
                return new Item(rs.getLong(1), rs.getString(2), rs.getString(3), status, rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(), owned.publishedAt(), Permissions.canEdit(me, owned));
            }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        });
    }

    static String doneKey(String done) {
        return done == null || done.isBlank() ? null : "editor.done." + done.replaceAll("[^a-z]", "");
    }

    private static ArticleStatus parseStatus(String text) {
        for (ArticleStatus status : ArticleStatus.values()) {
            if (status.name().equalsIgnoreCase(text)) {
                return status;
            }
        }
        return null;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }
}
