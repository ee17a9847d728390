package org.gazette;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.gazette.api.ArticleApi;
import org.gazette.admin.BackOffice;
import org.gazette.admin.SecurityHeaders;
import org.gazette.article.Article;
import org.gazette.article.ArticlePage;
import org.gazette.metrics.SiteMetrics;
import org.gazette.feed.FeedCache;
import org.gazette.feed.FeedFormat;
import org.gazette.feed.FeedGenerator;
import org.gazette.feed.FeedRoutes;
import org.gazette.search.SearchFeeds;
import org.gazette.cache.AssetFingerprints;
import org.gazette.cache.CacheFront;
import org.gazette.cache.CacheTags;
import org.gazette.cache.PageCache;
import org.gazette.cache.PageInvalidation;
import org.gazette.cache.PageWarmer;
import org.gazette.search.SearchPage;
import org.gazette.sitemap.RobotsTxt;
import org.gazette.sitemap.SitemapQueries;
import org.gazette.sitemap.Sitemaps;
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
        var settings = site.settings();
        PageCache cache;
        if (settings.getBoolean("cache.enabled") && settings.getBoolean("cache.disk")) {
            try {
                cache = PageCache.withDisk(settings, Clock.systemUTC(), settings.dataDir().resolve("pages"),
                        site.changeLog().latestSeq(), site.catalog().sections().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the pages kept in " + settings.dataDir().resolve("pages"), e);
            }
        } else {
            cache = new PageCache(settings, Clock.systemUTC());
        }
        if (cache.enabled()) {
            site.changeFeed().follow(new PageInvalidation(cache, site.articles(), site.catalog(), site.changeLog()));
            // Pages kept on disk are trusted once what changed since their clock was saved is applied:
            // usually nothing, or the few changes made while the site was down.
            site.changeFeed().catchUp();
        }
        return cache;
    }

    public static Javalin create(Site site, PageCache cache) {
        var settings = site.settings();
        // Site settings edited in the back office (issue 5) lie over the config file's.
        var siteSettings = new org.gazette.config.SiteSettingsStore(site.database().jdbi(), settings, java.time.Clock.systemUTC());
        var pages = new Pages(siteSettings::effective, site.catalog());
        int pageSize = settings.getInt("site.page-size");
        var home = new HomePage(site.articles(), site.catalog(), pages);
        var listings = new ListingPages(site.articles(), site.catalog(), pages, pageSize);
        var syndication = org.gazette.syndication.Syndication.forSite(site);
        var article = new ArticlePage(site.articles(), site.search(), pages,
                new org.gazette.revision.Corrections(site.database().jdbi()), new org.gazette.revision.SlugHistory(site.database().jdbi()),
                syndication::alsoFrom);
        var search = new SearchPage(site.search(), site.articles(), pages, pageSize);
        var api = new ArticleApi(site.articles(), site.search(), settings.baseUrl());
        var metrics = new SiteMetrics(site, settings.getBoolean("metrics.allow-remote"));
        var json = new ObjectMapper();
        // Feeds, sitemaps and sharing (issue 4)
        var feedCache = new FeedCache(site.changeLog().latestSeq(), Instant.now());
        site.changeFeed().follow(feedCache);
        var feeds = new FeedRoutes(pages::feeds, new FeedGenerator(siteSettings::effective, site.articles(), FEED_SIZE), feedCache);
        var sitemapQueries = new SitemapQueries(site.database().jdbi());
        var sitemaps = new Sitemaps(sitemapQueries, siteSettings::effective, Clock.systemUTC(),
                feedCache::lastChange);
        var robots = new RobotsTxt(settings.baseUrl(), Instant.now());
        var office = new BackOffice(site, pages, siteSettings);
        // Search and discovery (issue 3)
        var searchFeeds = new SearchFeeds(site.search(), feeds, pages);
        var warmer = new PageWarmer(sitemapQueries, cache, Math.max(1, settings.getInt("cache.prerender")));

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = settings.get("server.host");
            config.jetty.port = settings.getInt("server.port");
            // Javalin's default pool grows to 250 threads. Pages are worked out on the CPU (H2 and
            // Lucene are in the process), so threads beyond a few per core add no throughput, only
            // a stack, a malloc arena's share and buffers each, which stay resident: the
            // benchmark's 64 connections kept 84 to 107 threads alive. Requests beyond the pool
            // wait in its queue.
            var threads = new QueuedThreadPool(settings.getInt("server.threads"), 8, 60_000);
            threads.setName("JettyServerThreadPool");
            config.jetty.threadPool = threads;
            // Page cache (issue 7): kept pages are answered by Jetty itself, ahead of the routes. The
            // front stays with the cache off too: it also hands HEAD requests to the routes as GET.
            var jetty = new AtomicReference<Server>();
            config.jetty.modifyServer(server -> {
                server.setHandler(new CacheFront(cache));
                jetty.set(server);
            });
            // Once listening, the warmer renders what readers have not asked for yet; the disk's
            // clock is saved at the stop, so the next start need not replay the outbox.
            config.events.serverStarted(() -> {
                if (cache.enabled() && settings.getInt("cache.prerender") > 0) {
                    warmer.start(ownAddress(settings.get("server.host"), jetty.get()));
                }
            });
            config.events.serverStopping(warmer::close);
            config.events.serverStopped(cache::close);
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public/assets";
                files.location = Location.CLASSPATH;
            });

            config.routes.before(metrics::before);
            config.routes.after(metrics::after);

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
            }, "q", "section", "tag", "author", "source", "year", "from", "to", "sort", "page"));
            // Feeds (issue 4): RSS 2.0, Atom 1.0 and JSON Feed for the site and each section, tag, author and source
            for (FeedFormat format : FeedFormat.values()) {
                String file = "/feed." + format.extension();
                config.routes.get(file, ctx -> feeds.site(ctx, format));
                config.routes.get("/section/{slug}" + file, ctx -> feeds.section(ctx, format));
                config.routes.get("/tag/{slug}" + file, ctx -> feeds.tag(ctx, format));
                config.routes.get("/author/{slug}" + file, ctx -> feeds.author(ctx, format));
                config.routes.get("/source/{slug}" + file, ctx -> feeds.source(ctx, format));
            }
            // Sitemaps and robots.txt (issue 4)
            config.routes.get("/robots.txt", robots::show);
            config.routes.get(Sitemaps.INDEX, sitemaps::index);
            config.routes.get(Sitemaps.ARTICLES_PREFIX + "{number}.xml", sitemaps::articles);
            config.routes.get(Sitemaps.PAGES_PREFIX + "{number}.xml", sitemaps::pages);
            config.routes.get(Sitemaps.NEWS, sitemaps::news);

            // JSON API, read-only
            config.routes.get("/api/articles", api::latest);
            config.routes.get("/api/articles/{slug}", api::one);
            config.routes.get("/api/search", api::search);

            config.routes.get("/metrics", metrics::scrape);

            // Syndication: read-only status of partner feeds (off unless ingest.status-page is true)
            var feedStatus = new org.gazette.syndication.StatusPage(syndication, pages,
                    settings.getBoolean("ingest.status-page"));
            config.routes.get("/syndication/status", feedStatus::show);

            // Back office (issue 5): security headers on every response, then /admin behind login.
            config.http.maxRequestSize = settings.getInt("admin.upload-max-bytes") + 1_000_000L;
            config.routes.before(SecurityHeaders::apply);
            config.routes.before("/admin", office.guard()::before);
            config.routes.before("/admin/*", office.guard()::before);
            config.routes.get("/admin", ctx -> ctx.redirect("/admin/articles"));
            config.routes.get("/admin/login", office.login()::form);
            config.routes.post("/admin/login", office.login()::submit);
            config.routes.post("/admin/logout", office.login()::logout);
            config.routes.get("/admin/password", office.accounts()::passwordForm);
            config.routes.post("/admin/password", office.accounts()::changePassword);
            config.routes.get("/admin/users", office.accounts()::users);
            config.routes.post("/admin/users", office.accounts()::addUser);
            config.routes.post("/admin/users/{id}/role", office.accounts()::setRole);
            config.routes.post("/admin/users/{id}/password", office.accounts()::resetPassword);
            config.routes.get("/admin/articles", office.list()::show);
            config.routes.get("/admin/trash", office.list()::trash);
            config.routes.get("/admin/articles/new", office.editor()::newArticle);
            config.routes.post("/admin/articles", office.editor()::create);
            config.routes.post("/admin/articles/autosave", office.editor()::autosave);
            config.routes.get("/admin/articles/{id}", office.editor()::edit);
            config.routes.post("/admin/articles/{id}", office.editor()::update);
            config.routes.post("/admin/articles/{id}/autosave", office.editor()::autosave);
            config.routes.post("/admin/articles/{id}/unpublish", office.workflow()::unpublish);
            config.routes.post("/admin/articles/{id}/trash", office.workflow()::trash);
            config.routes.post("/admin/articles/{id}/restore", office.workflow()::restore);
            config.routes.post("/admin/articles/{id}/notes", office.workflow()::addNote);
            config.routes.get("/admin/articles/{id}/revisions", office.revisions()::list);
            config.routes.get("/admin/articles/{id}/diff", office.revisions()::diff);
            config.routes.post("/admin/articles/{id}/revisions/{rid}/restore", office.revisions()::restore);
            config.routes.post("/admin/preview", office.editor()::preview);
            config.routes.get("/admin/api/tags", office.tags()::show);
            config.routes.get("/admin/media", office.media()::library);
            config.routes.post("/admin/media", office.media()::upload);
            config.routes.get("/media/{id}/{width}", office.media()::serve);
            config.routes.get("/admin/settings", office.settings()::show);
            config.routes.post("/admin/settings", office.settings()::save);
            config.routes.get("/admin/catalog", office.catalog()::show);
            config.routes.post("/admin/catalog/{kind}", office.catalog()::save);
            config.routes.post("/admin/catalog/{kind}/{id}", office.catalog()::save);

            // Search and discovery (issue 3): feed of a search, autocomplete, browser search integration.
            config.routes.get("/search.rss", searchFeeds::rss);
            config.routes.get("/search/suggest", searchFeeds::suggest);
            config.routes.get("/opensearch.xml", searchFeeds::openSearch);
            config.routes.get("/healthz", ctx -> ctx.contentType("application/json").result(json.writeValueAsString(health(site, cache, warmer))));
            // Page cache (issue 7): the stylesheet and script under content-hashed names, kept for a year.
            AssetFingerprints.paths().forEach(path -> config.routes.get(path, AssetFingerprints::serve));

            config.routes.exception(io.javalin.http.UnauthorizedResponse.class, office::refused);
            config.routes.exception(io.javalin.http.ForbiddenResponse.class, office::refused);
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
        if (ctx.path().startsWith("/api/")) {
            ctx.contentType("application/json; charset=utf-8").result("{\"error\":\"not found\"}");
            return;
        }
        String accept = ctx.header("Accept");
        if (accept != null && !accept.contains("text/html") && !accept.contains("*/*")) {
            ctx.contentType("text/plain; charset=utf-8").result(pages.messages().t("notFound.heading"));
            return;
        }
        pages.html(ctx, "site/not-found.jte", Map.of("frame", pages.frame(pages.messages().t("notFound.heading"), null, null, null, null)));
    }

    /** Where this process reaches its own site. */
    private static String ownAddress(String host, Server server) {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        boolean anyAddress = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::");
        String reach = anyAddress ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + reach + ":" + port;
    }

    private static Map<String, Object> health(Site site, PageCache cache, PageWarmer warmer) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "ok");
        status.put("articles", site.articles().countPublished());
        status.put("indexed", site.index().size());
        status.put("database", site.database().isPostgres() ? "postgresql" : "h2");
        status.put("cache", cache.stats());
        status.put("warmer", warmer.stats());
        return status;
    }
}
