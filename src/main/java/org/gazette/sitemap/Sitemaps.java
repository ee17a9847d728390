package org.gazette.sitemap;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gazette.config.Settings;
import org.gazette.feed.ConditionalGet;
import org.gazette.feed.Representation;

/**
 * The sitemaps crawlers read: an index, article sitemaps and sitemaps of the front and listing pages,
 * at most {@code sitemap.max-urls} addresses each, and a Google News sitemap of the last 48 hours.
 */
public final class Sitemaps {

    public static final String INDEX = "/sitemap.xml";
    public static final String PAGES_PREFIX = "/sitemap-pages-";
    public static final String NEWS = "/sitemap-news.xml";
    public static final String ARTICLES_PREFIX = "/sitemap-articles-";
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    static final int LIMIT = 50_000;
    /** Google News reads articles of the last two days, and at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final int NEWS_LIMIT = 1_000;

    private final SitemapQueries queries;
    private final SitemapXml xml;
    private final Supplier<Settings> settings;
    private final int perFile;
    private final Clock clock;
    private final Supplier<Instant> lastChange;

    /** @param lastChange when the content last changed at the latest (see {@code FeedCache#lastChange}) */
    public Sitemaps(SitemapQueries queries, Settings settings, Clock clock, Supplier<Instant> lastChange) {
        this(queries, () -> settings, clock, lastChange);
    }

    /** With settings the back office may change while the site runs (the publication's name). */
    public Sitemaps(SitemapQueries queries, Supplier<Settings> current, Clock clock, Supplier<Instant> lastChange) {
        Settings settings = current.get();
        this.settings = current;
        this.queries = queries;
        this.xml = new SitemapXml(settings.baseUrl());
        this.perFile = settings.getInt("sitemap.max-urls");
        if (perFile < 1 || perFile > LIMIT) {
            throw new IllegalArgumentException("Setting 'sitemap.max-urls' must be between 1 and " + LIMIT + ", not " + perFile);
        }
        this.clock = clock;
        this.lastChange = lastChange;
    }

    public static String articlesPath(int number) {
        return ARTICLES_PREFIX + number + ".xml";
    }

    public static String pagesPath(int number) {
        return PAGES_PREFIX + number + ".xml";
    }

    public void index(Context ctx) {
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= files(queries.countArticles()); i++) {
            paths.add(articlesPath(i));
        }
        for (int i = 1; i <= files(listingPages().size()); i++) {
            paths.add(pagesPath(i));
        }
        // An empty urlset is no valid sitemap, so the news sitemap is listed only while it has articles.
        if (!recentNews().isEmpty()) {
            paths.add(NEWS);
        }
        send(ctx, xml.index(paths), null);
    }

    public void articles(Context ctx) {
        int number = fileNumber(ctx);
        send(ctx, queries.articles((number - 1) * perFile, perFile));
    }

    public void pages(Context ctx) {
        int number = fileNumber(ctx);
        List<SitemapQueries.Page> all = listingPages();
        int from = (number - 1) * perFile;
        send(ctx, from >= all.size() ? List.of() : all.subList(from, Math.min(all.size(), from + perFile)));
    }

    public void news(Context ctx) {
        var articles = recentNews();
        send(ctx, xml.news(settings.get().get("site.name"), articles), articles.isEmpty() ? null : articles.get(0).published());
    }

    private List<SitemapQueries.NewsArticle> recentNews() {
        return queries.publishedSince(clock.instant().minus(NEWS_WINDOW), NEWS_LIMIT);
    }

    /** The front page, then every listing page with articles. */
    private List<SitemapQueries.Page> listingPages() {
        List<SitemapQueries.Page> pages = new ArrayList<>();
        List<SitemapQueries.Page> listings = queries.listingPages();
        pages.add(new SitemapQueries.Page("/", newest(listings)));
        pages.addAll(listings);
        return pages;
    }

    private int files(int urls) {
        return (urls + perFile - 1) / perFile;
    }

    /** The number in a sitemap's address, counting from 1; a 404 when it cannot name a file. */
    private int fileNumber(Context ctx) {
        try {
            int number = Integer.parseInt(ctx.pathParam("number"));
            if (number >= 1 && (long) (number - 1) * perFile <= Integer.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Falls through to the 404.
        }
        throw new NotFoundResponse();
    }

    private void send(Context ctx, List<SitemapQueries.Page> pages) {
        if (pages.isEmpty()) {
            throw new NotFoundResponse();
        }
        send(ctx, xml.urlset(pages), newest(pages));
    }

    private static Instant newest(List<SitemapQueries.Page> pages) {
        return pages.stream().map(SitemapQueries.Page::lastModified).filter(t -> t != null).max(Instant::compareTo).orElse(null);
    }

    private void send(Context ctx, String body, Instant lastModified) {
        ConditionalGet.send(ctx, Representation.of(CONTENT_TYPE, body, Representation.latest(lastModified, lastChange.get())));
    }
}
