package org.gazette.article;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.search.ArticleSearch;
import org.gazette.seo.ArticleSharing;
import org.gazette.site.Pages;
import org.gazette.site.Teaser;

/** The article page: everything the reference page shows, with related stories at the end. */
public final class ArticlePage {

    static final int RELATED = 5;

    private final ArticleStore articles;
    private final ArticleSearch search;
    private final Pages pages;
    private final ArticleSharing sharing;

    public ArticlePage(ArticleStore articles, ArticleSearch search, Pages pages) {
        this.articles = articles;
        this.search = search;
        this.pages = pages;
        this.sharing = new ArticleSharing(pages);
    }

    public void show(Context ctx) throws IOException {
        Article article = articles.bySlug(ctx.pathParam("slug"))
                .filter(Article::isPublished)
                .orElseThrow(NotFoundResponse::new);
        List<Teaser> related = articles.byIds(search.related(article.id(), RELATED)).stream()
                .filter(Article::isPublished)
                .map(Teaser::of)
                .toList();
        Map<String, Object> params = new HashMap<>();
        String description = Teaser.of(article).text();
        params.put("frame", sharing.frame(pages.frame(article.headline(), description, article.path(), null,
                article.section().slug()), article));
        params.put("article", article);
        params.put("related", related);
        pages.html(ctx, "article/article.jte", params);
    }
}
