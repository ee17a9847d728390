package org.gazette.feed;

import java.util.Optional;
import org.gazette.catalog.Author;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Section;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;
import org.gazette.site.Messages;

/**
 * The scopes feeds are served for: the whole site, or a section, tag, author or source (found by slug
 * for a feed address, or given for a page's discovery links). A search feed is built with {@link #search},
 * given the search that selects its articles.
 */
public final class FeedScopes {

    private final CatalogStore catalog;
    private final Messages messages;
    private final String siteName;

    public FeedScopes(CatalogStore catalog, Messages messages, String siteName) {
        this.catalog = catalog;
        this.messages = messages;
        this.siteName = siteName;
    }

    public FeedScope site() {
        return new FeedScope("site", siteName, "/", "/feed", "", (articles, limit) -> articles.latest(limit, 0).articles());
    }

    public Optional<FeedScope> section(String slug) {
        return catalog.section(slug).map(this::section);
    }

    public Optional<FeedScope> tag(String slug) {
        return catalog.tag(slug).map(this::tag);
    }

    public Optional<FeedScope> author(String slug) {
        return catalog.author(slug).map(this::author);
    }

    public Optional<FeedScope> source(String slug) {
        return catalog.source(slug).map(this::source);
    }

    public FeedScope section(Section s) {
        return scope("section:" + s.slug(), messages.t("listing.section", s.name()), s.path(),
                (articles, limit) -> articles.inSection(s.id(), limit, 0).articles());
    }

    public FeedScope tag(Tag t) {
        return scope("tag:" + t.slug(), messages.t("listing.tag", t.name()), t.path(),
                (articles, limit) -> articles.withTag(t.id(), limit, 0).articles());
    }

    public FeedScope author(Author a) {
        return scope("author:" + a.slug(), messages.t("listing.author", a.name()), a.path(),
                (articles, limit) -> articles.byAuthor(a.id(), limit, 0).articles());
    }

    public FeedScope source(Source s) {
        return scope("source:" + s.slug(), messages.t("listing.source", s.name()), s.path(),
                (articles, limit) -> articles.fromSource(s.id(), limit, 0).articles());
    }

    /**
     * The feed of a search, served at {@code /search.rss|.atom|.json?q=...}.
     *
     * @param encodedQuery the query string as it appears in the address ({@code q=sarn+dam})
     * @param heading      the feed's title, such as "Search results for “sarn dam”"
     */
    public FeedScope search(String encodedQuery, String heading, FeedScope.Selection selection) {
        return new FeedScope("search:" + encodedQuery, siteName + " - " + heading, "/search?" + encodedQuery, "/search",
                encodedQuery, selection);
    }

    private FeedScope scope(String key, String heading, String pagePath, FeedScope.Selection selection) {
        return new FeedScope(key, siteName + " - " + heading, pagePath, pagePath + "/feed", "", selection);
    }
}
