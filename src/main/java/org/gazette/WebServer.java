package org.gazette;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.article.ArticlePage;
import org.gazette.cache.AssetFingerprints;
import org.gazette.cache.CacheFront;
import org.gazette.cache.CacheTags;
import org.gazette.cache.PageCache;
import org.gazette.cache.PageInvalidation;
import org.gazette.feed.RssFeed;
import org.gazette.search.SearchPage;
import org.gazette.site.HomePage;
import org.gazette.site.ListingPages;
import org.gazette.site.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route the site serves, in one place. */
public final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final int FEED_SIZE = 50;

    private WebServer() {
    }

    public static Javalin create(Site site) {
        return create(site, pageCache(site));
    }

    /** The page cache of a site, following its change feed (issue 7). */
    public static PageCache pageCache(Site site) {
        var cache = new PageCache(site.settings(), Clock.systemUTC());
        if (cache.enabled()) {
            site.changeFeed().follow(new PageInvalidation(cache, site.articles(), site.catalog(), site.changeLog()));
        }
        return cache;
    }

    public static Javalin create(Site site, PageCache cache) {
        var settings = site.settings();
        var pages = new Pages(settings, site.catalog());
        int pageSize = settings.getInt("site.page-size");
        var home = new HomePage(site.articles(), site.catalog(), pages);
        var listings = new ListingPages(site.articles(), site.catalog(), pages, pageSize);
        var article = new ArticlePage(site.articles(), site.search(), pages);
        var search = new SearchPage(site.search(), site.articles(), pages, pageSize);
        var rss = new RssFeed(settings);
        var json = new ObjectMapper();

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.get("server.host");
            config.jetty.port = settings.getInt("server.port");
            // Page cache (issue 7): kept pages are answered by Jetty itself, ahead of the routes.
            if (cache.enabled()) {
                config.jetty.modifyServer(server -> server.setHandler(new CacheFront(cache)));
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public/assets";
                files.location = Location.CLASSPATH;
            });

            config.routes.get("/", cache.page(home::show));
            config.routes.get("/articles/{slug}", cache.page(article::show));
            config.routes.get("/a/{id}", ctx -> permalink(site, ctx));
            config.routes.get("/section/{slug}", cache.page(listings::section, "page"));
            config.routes.get("/tag/{slug}", cache.page(listings::tag, "page"));
            config.routes.get("/author/{slug}", cache.page(listings::author, "page"));
            config.routes.get("/source/{slug}", cache.page(listings::source, "page"));
            // Search pages are cached too: every article change drops them all, so they are never stale.
            config.routes.get("/search", cache.page(ctx -> {
                CacheTags.of(ctx).search();
                search.show(ctx);
            }, "q", "page"));
            config.routes.get("/feed.rss", cache.page(ctx -> {
                var latest = site.articles().latest(FEED_SIZE, 0).articles();
                CacheTags.of(ctx).latest().articles(latest);
                ctx.contentType(RssFeed.CONTENT_TYPE).result(rss.render(latest));
            }));
            config.routes.get("/healthz", ctx -> ctx.contentType("application/json").result(json.writeValueAsString(health(site, cache))));
            // Page cache (issue 7): the stylesheet and script under content-hashed names, kept for a year.
            AssetFingerprints.paths().forEach(path -> config.routes.get(path, AssetFingerprints::serve));

            config.routes.error(404, ctx -> notFound(ctx, pages));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Failed to serve {}", ctx.path(), e);
                ctx.status(500).contentType("text/plain; charset=utf-8").result(pages.messages().t("error.text"));
            });
        });
    }

    private static void permalink(Site site, Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
        Article article = site.articles().byId(id).filter(Article::isPublished).orElseThrow(NotFoundResponse::new);
        ctx.status(301).header("Location", article.path());
    }

    private static void notFound(Context ctx, Pages pages) {
        String accept = ctx.header("Accept");
        if (accept != null && !accept.contains("text/html") && !accept.contains("*/*")) {
            ctx.contentType("text/plain; charset=utf-8").result(pages.messages().t("notFound.heading"));
            return;
        }
        pages.html(ctx, "site/not-found.jte", Map.of("frame", pages.frame(pages.messages().t("notFound.heading"), null, null, null, null)));
    }

    private static Map<String, Object> health(Site site, PageCache cache) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "ok");
        status.put("articles", site.articles().countPublished());
        status.put("indexed", site.index().size());
        status.put("database", site.database().isPostgres() ? "postgresql" : "h2");
        status.put("cache", cache.stats());
        return status;
    }
}
