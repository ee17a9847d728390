package org.gazette.site;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import org.gazette.article.ArticleFacets;
import org.gazette.article.ArticleStore;
import org.gazette.cache.CacheTags;
import org.gazette.catalog.Author;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Section;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;
import org.gazette.feed.FeedFormat;
import org.gazette.feed.FeedLink;
import org.gazette.feed.FeedScope;

/** The pages that list articles of one section, tag, author or source, newest first, a page at a time. */
public final class ListingPages {

    private final ArticleStore articles;
    private final CatalogStore catalog;
    private final Pages pages;
    private final int pageSize;

    public ListingPages(ArticleStore articles, CatalogStore catalog, Pages pages, int pageSize) {
        this.articles = articles;
        this.catalog = catalog;
        this.pages = pages;
        this.pageSize = pageSize;
    }

    public void section(Context ctx) {
        Section section = catalog.section(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        CacheTags.of(ctx).listing(ArticleFacets.section(section.id()));
        int page = Pager.pageNumber(ctx.queryParam("page"));
        var slice = articles.inSection(section.id(), pageSize, (page - 1) * pageSize);
        render(ctx, section.name(), pages.messages().t("listing.section", section.name()), section.description(), null,
                section.path(), section.slug(), slice, page, pages.feeds().section(section));
    }

    public void tag(Context ctx) {
        Tag tag = catalog.tag(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        CacheTags.of(ctx).listing(ArticleFacets.tag(tag.id()));
        int page = Pager.pageNumber(ctx.queryParam("page"));
        var slice = articles.withTag(tag.id(), pageSize, (page - 1) * pageSize);
        String heading = pages.messages().t("listing.tag", tag.name());
        render(ctx, heading, heading, null, null, tag.path(), null, slice, page, pages.feeds().tag(tag));
    }

    public void author(Context ctx) {
        Author author = catalog.author(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        CacheTags.of(ctx).listing(ArticleFacets.author(author.id()));
        int page = Pager.pageNumber(ctx.queryParam("page"));
        var slice = articles.byAuthor(author.id(), pageSize, (page - 1) * pageSize);
        String heading = pages.messages().t("listing.author", author.name());
        render(ctx, author.name(), heading, author.bio(), null, author.path(), null, slice, page, pages.feeds().author(author),
                catalog.pictureOf(author).orElse(null));
    }

    public void source(Context ctx) {
        Source source = catalog.source(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        CacheTags.of(ctx).listing(ArticleFacets.source(source.id()));
        int page = Pager.pageNumber(ctx.queryParam("page"));
        var slice = articles.fromSource(source.id(), pageSize, (page - 1) * pageSize);
        String heading = pages.messages().t("listing.source", source.name());
        render(ctx, source.name(), heading, pages.messages().t("listing.sourceIntro", source.name()), source.homeUrl(),
                source.path(), null, slice, page, pages.feeds().source(source), catalog.pictureOf(source).orElse(null));
    }

    private void render(Context ctx, String title, String heading, String intro, String link, String path,
                        String currentSection, ArticleStore.Slice slice, int page, FeedScope feed) {
        render(ctx, title, heading, intro, link, path, currentSection, slice, page, feed, null);
    }

    /** {@code picture}: an author's photo or a source's logo set in the back office, or null. */
    private void render(Context ctx, String title, String heading, String intro, String link, String path,
                        String currentSection, ArticleStore.Slice slice, int page, FeedScope feed, String picture) {
        if (page > 1 && slice.articles().isEmpty()) {
            throw new NotFoundResponse();
        }
        String pagePath = page > 1 ? path + "?page=" + page : path;
        Map<String, Object> params = new HashMap<>();
        SiteFrame frame = pages.frame(page > 1 ? title + " - " + pages.messages().t("pager.page", page) : title,
                heading, pagePath, null, currentSection);
        params.put("frame", frame.withMeta(frame.meta().plusFeeds(FeedLink.of(feed))));
        params.put("feed", feed.feedPath(FeedFormat.RSS));
        params.put("heading", heading);
        params.put("intro", intro);
        params.put("externalLink", link);
        params.put("picture", picture);
        params.put("teasers", slice.articles().stream().map(Teaser::of).toList());
        params.put("pager", new Pager(page, slice.hasMore(), path, null));
        pages.html(ctx, "site/listing.jte", params);
    }
}
