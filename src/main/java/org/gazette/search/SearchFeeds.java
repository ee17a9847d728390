package org.gazette.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import java.io.UncheckedIOException;
import org.gazette.config.Settings;
import org.gazette.feed.FeedFormat;
import org.gazette.feed.FeedRoutes;
import org.gazette.feed.FeedScope;
import org.gazette.site.Messages;
import org.gazette.site.Pages;

/**
 * Ways to follow and reach the site's search from outside a results page: an RSS feed of any
 * search, autocomplete for the search box, and the OpenSearch description browsers install.
 */
public final class SearchFeeds {

    public static final String OPENSEARCH_TYPE = "application/opensearchdescription+xml; charset=utf-8";

    private final ArticleSearch search;
    private final FeedRoutes feeds;
    /** Read at each request: the back office can change the site's name and language while it runs. */
    private final Pages pages;
    private final ObjectMapper json = new ObjectMapper();

    public SearchFeeds(ArticleSearch search, FeedRoutes feeds, Pages pages) {
        this.search = search;
        this.feeds = feeds;
        this.pages = pages;
    }

    /**
     * {@code /search.rss?q=...}: the newest articles matching a search, with the same filters as the
     * page, served by the site's feed machinery (caching, conditional GET) as a feed of its own scope.
     */
    public void rss(Context ctx) {
        SearchRequest request = SearchRequest.from(ctx::queryParams).sortedByNewest(false).atPage(1);
        Messages messages = pages.messages();
        String heading = request.query().isEmpty() ? messages.t("search.filteredHeading")
                : messages.t("search.headingFor", request.query());
        FeedScope scope = feeds.scopes().search(request.queryString(), heading, (store, limit) -> {
            if (request.isEmpty()) {
                return List.<Article>of();
            }
            try {
                return store.byIds(search.newest(request, limit)).stream().filter(Article::isPublished).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        feeds.serve(ctx, scope, FeedFormat.RSS);
    }

    /**
     * {@code /search/suggest?q=}: headlines and topics for what has been typed, as
     * {@code {"query":..., "suggestions":[{"text","kind","url"}]}}; with {@code format=opensearch},
     * the OpenSearch suggestions array browsers read.
     */
    public void suggest(Context ctx) throws IOException {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        List<Suggestion> suggestions = search.suggest(q, 6, 3);
        Object body;
        if ("opensearch".equals(ctx.queryParam("format"))) {
            List<String> texts = new ArrayList<>();
            suggestions.forEach(s -> texts.add(s.text()));
            body = List.of(q, texts);
        } else {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("query", q);
            map.put("suggestions", suggestions);
            body = map;
        }
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
    }

    /** {@code /opensearch.xml}: lets a browser add the site's search to its own search box. */
    public void openSearch(Context ctx) {
        Settings settings = pages.settings();
        Messages messages = pages.messages();
        String base = settings.baseUrl();
        String name = settings.get("site.name");
        String shortName = name.length() > 16 ? name.substring(0, 16) : name;
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
                  <ShortName>%s</ShortName>
                  <Description>%s</Description>
                  <InputEncoding>UTF-8</InputEncoding>
                  <Language>%s</Language>
                  <Url type="text/html" method="get" template="%s/search?q={searchTerms}"/>
                  <Url type="application/rss+xml" template="%s/search.rss?q={searchTerms}"/>
                  <Url type="application/x-suggestions+json" template="%s/search/suggest?format=opensearch&amp;q={searchTerms}"/>
                </OpenSearchDescription>
                """.formatted(xml(shortName), xml(messages.t("search.openSearch", name)), xml(settings.get("site.language")),
                xml(base), xml(base), xml(base));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(OPENSEARCH_TYPE).result(xml);
    }

    private static String xml(String text) {
        return org.gazette.feed.XmlText.clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
