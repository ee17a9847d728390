package org.gazette.article;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.gazette.catalog.Source;
import org.gazette.revision.Corrections;
import org.gazette.revision.SlugHistory;
import org.gazette.search.ArticleSearch;
import org.gazette.seo.ArticleSharing;
import org.gazette.site.Pages;
import org.gazette.site.Teaser;

/** The article page: everything the reference page shows, with related stories at the end. */
public final class ArticlePage {

    static final int RELATED = 5;

    /** A story in the related-stories box: a link and its teaser line. */
    public record Related(ArticleStore.Link link, String text) {
    }

    private final ArticleStore articles;
    private final ArticleSearch search;
    private final Pages pages;
    private final ArticleSharing sharing;
    private final Corrections corrections;
    private final SlugHistory slugHistory;
    private final LongFunction<List<Source>> alsoFrom;

    /**
     * Corrections show under the body; earlier slugs redirect to the current one; {@code alsoFrom}
     * names the other partner outlets that ran the same story (syndication).
     */
    public ArticlePage(ArticleStore articles, ArticleSearch search, Pages pages, Corrections corrections, SlugHistory slugHistory,
                       LongFunction<List<Source>> alsoFrom) {
        this.articles = articles;
        this.search = search;
        this.pages = pages;
        this.sharing = new ArticleSharing(pages);
        this.corrections = corrections;
        this.slugHistory = slugHistory;
        this.alsoFrom = alsoFrom;
    }

    public void show(Context ctx) throws IOException {
        var found = articles.bySlug(ctx.pathParam("slug")).filter(Article::isPublished);
        if (found.isEmpty()) {
            // An article whose slug changed answers at its old address with a permanent redirect.
            var moved = slugHistory.articleFormerlyAt(ctx.pathParam("slug")).flatMap(articles::byId).filter(Article::isPublished);
            if (moved.isPresent()) {
                ctx.status(301).header("Location", moved.get().path());
                return;
            }
        }
        Article article = found.orElseThrow(NotFoundResponse::new);
        List<Related> related = articles.publishedLinks(search.related(article.id(), RELATED)).stream()
                .map(link -> new Related(link, Teaser.text(link.deck(), link.bodyHtml())))
                .toList();
        Map<String, Object> params = new HashMap<>();
        String description = Teaser.of(article).text();
        params.put("frame", sharing.frame(pages.frame(article.headline(), description, article.path(), null,
                article.section().slug()), article));
        params.put("article", article);
        params.put("related", related);
        params.put("notes", corrections.of(article.id()));
        params.put("alsoFrom", article.byline().isRepublished() ? alsoFrom.apply(article.id()) : List.of());
        pages.html(ctx, "article/article.jte", params);
    }
}
