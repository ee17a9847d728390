package org.gazette.feed;

import java.util.List;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;

/**
 * What a feed is about: the whole site, one section, tag, author or source, or a search.
 * It names its feed addresses and knows how to select its newest articles.
 *
 * @param key        unique among scopes, used as a cache key ({@code section:world})
 * @param title      the feed's title
 * @param pagePath   the HTML page the feed follows ({@code /section/world})
 * @param feedStem   the feed address without extension ({@code /section/world/feed})
 * @param query      query string the feed address carries ({@code q=dam}), or empty
 * @param selection  picks the newest published articles of the scope
 */
public record FeedScope(String key, String title, String pagePath, String feedStem, String query, Selection selection) {

    /** Selects a scope's newest published articles, newest first, from the store (or from elsewhere, like search). */
    @FunctionalInterface
    public interface Selection {
        List<Article> newest(ArticleStore store, int limit);
    }

    /** The scope's feed address in one format, relative to the site ({@code /section/world/feed.atom}). */
    public String feedPath(FeedFormat format) {
        String path = feedStem + "." + format.extension();
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** The cache key of this scope in one format. */
    public String cacheKey(FeedFormat format) {
        return key + "." + format.extension();
    }
}
