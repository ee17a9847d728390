package org.gazette.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;
import org.gazette.search.ArticleSearch;
import org.gazette.search.SearchHit;
import org.gazette.search.SearchResults;
import org.gazette.site.Pager;

/** The read-only JSON API: what apps and partner sites need to show the site's published articles. */
public final class ArticleApi {

    private static final int PAGE_SIZE = 20;

    private final ArticleStore articles;
    private final ArticleSearch search;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    public ArticleApi(ArticleStore articles, ArticleSearch search, String baseUrl) {
        this.articles = articles;
        this.search = search;
        this.baseUrl = baseUrl;
    }

    public void latest(Context ctx) throws JsonProcessingException {
        int page = Pager.pageNumber(ctx.queryParam("page"));
        var slice = articles.latest(PAGE_SIZE, (page - 1) * PAGE_SIZE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("page", page);
        body.put("articles", slice.articles().stream().map(a -> ArticleJson.summary(a, baseUrl)).toList());
        body.put("next", slice.hasMore() ? baseUrl + "/api/articles?page=" + (page + 1) : null);
        send(ctx, body);
    }

    public void one(Context ctx) throws JsonProcessingException {
        Article article = articles.bySlug(ctx.pathParam("slug")).filter(Article::isPublished)
                .orElseThrow(() -> new NotFoundResponse("No published article with that slug"));
        send(ctx, ArticleJson.full(article, baseUrl));
    }

    public void search(Context ctx) throws IOException {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        int page = Pager.pageNumber(ctx.queryParam("page"));
        SearchResults found = search.search(query, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<Long, Article> byId = new java.util.HashMap<>();
        articles.byIds(found.hits().stream().map(SearchHit::articleId).toList()).forEach(a -> byId.put(a.id(), a));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", found.query());
        body.put("total", found.total());
        body.put("page", page);
        body.put("results", found.hits().stream().filter(h -> byId.containsKey(h.articleId())).map(h -> {
            Map<String, Object> result = ArticleJson.summary(byId.get(h.articleId()), baseUrl);
            result.put("snippetHtml", h.snippetHtml());
            return result;
        }).toList());
        send(ctx, body);
    }

    private void send(Context ctx, Object body) throws JsonProcessingException {
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
    }
}
