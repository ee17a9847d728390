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

/** The results page behind the search box on every page: hits, facets, spelling help and a feed link. */
public final class SearchPage {

    /** A hit with its article, for the template. */
    public record Result(SearchHit hit, Article article, String teaser) {
    }

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
        SearchRequest request = SearchRequest.from(ctx::queryParams);
        SearchResults found = search.search(request, pageSize);
        List<Result> results = results(found.hits());
        String query = request.query();
        String title = query.isEmpty() ? pages.messages().t("search.heading") : pages.messages().t("search.headingFor", query);
        Map<String, Object> params = new HashMap<>();
        // Canonical to itself, parameters in one order and nothing else (tracking tags and the like).
        params.put("frame", pages.frame(title, null, request.href(), query, null));
        params.put("request", request);
        params.put("found", found);
        params.put("results", results);
        params.put("pager", new Pager(request.page(), found.total() > (long) request.page() * pageSize, "/search",
                request.atPage(1).queryString()));
        if (!request.isEmpty() && results.isEmpty()) {
            ctx.status(request.page() > 1 ? 404 : 200);
        }
        ctx.header("X-Robots-Tag", "noindex");
        pages.html(ctx, "search/results.jte", params);
    }

    private List<Result> results(List<SearchHit> hits) {
        Map<Long, Article> byId = new HashMap<>();
        articles.byIds(hits.stream().map(SearchHit::articleId).toList()).forEach(a -> byId.put(a.id(), a));
        List<Result> results = new ArrayList<>();
        for (SearchHit hit : hits) {
            Article article = byId.get(hit.articleId());
            if (article != null && article.isPublished()) {
                results.add(new Result(hit, article, Teaser.of(article).text()));
            }
        }
        return results;
    }
}
