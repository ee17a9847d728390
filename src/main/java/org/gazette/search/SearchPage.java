package org.gazette.search;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;
import org.gazette.site.Pager;
import org.gazette.site.Pages;
import org.gazette.site.Teaser;

/** The results page behind the search box on every page. */
public final class SearchPage {

    /** A hit with its article, for the template. */
    public record Result(SearchHit hit, Article article, String teaser) {
    }

    private static final int MAX_QUERY = 500;

    private final ArticleSearch search;
    private final ArticleStore articles;
    private final Pages pages;
    private final int pageSize;

    public SearchPage(ArticleSearch search, ArticleStore articles, Pages pages, int pageSize) {
        this.search = search;
        this.articles = articles;
        this.pages = pages;
        this.pageSize = pageSize;
    }

    public void show(Context ctx) throws IOException {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        int page = Pager.pageNumber(ctx.queryParam("page"));
        SearchResults found = search.search(query, (page - 1) * pageSize, pageSize);
        Map<Long, Article> byId = new HashMap<>();
        articles.byIds(found.hits().stream().map(SearchHit::articleId).toList()).forEach(a -> byId.put(a.id(), a));
        List<Result> results = new ArrayList<>();
        for (SearchHit hit : found.hits()) {
            Article article = byId.get(hit.articleId());
            if (article != null && article.isPublished()) {
                results.add(new Result(hit, article, Teaser.of(article).text()));
            }
        }
        String title = query.isEmpty() ? pages.messages().t("search.heading") : pages.messages().t("search.headingFor", query);
        Map<String, Object> params = new HashMap<>();
        // Canonical to itself, without volatile parameters (tracking tags and the like).
        String canonical = query.isEmpty() ? "/search" : "/search?" + Pager.param("q", query) + (page > 1 ? "&page=" + page : "");
        params.put("frame", pages.frame(title, null, canonical, query, null));
        params.put("query", query);
        params.put("total", found.total());
        params.put("results", results);
        params.put("pager", new Pager(page, found.total() > (long) page * pageSize, "/search", Pager.param("q", query)));
        if (!query.isEmpty() && results.isEmpty()) {
            ctx.status(page > 1 ? 404 : 200);
        }
        ctx.header("X-Robots-Tag", "noindex");
        pages.html(ctx, "search/results.jte", params);
    }
}
