package org.gazette.feed;

import java.time.Instant;
import java.util.List;

/**
 * A generated feed before it is written out in one format.
 *
 * @param siteUrl  the site's base URL, without a trailing slash
 * @param siteName the publisher, named as the feed's author
 * @param updated  when anything in the feed last changed (the newest item update), or null when empty
 */
public record FeedDocument(FeedScope scope, String title, String description, String language, String siteUrl,
                           String siteName, String generator, List<FeedItem> items, Instant updated) {

    public FeedDocument {
        items = List.copyOf(items);
    }

    public String pageUrl() {
        return siteUrl + scope.pagePath();
    }

    public String feedUrl(FeedFormat format) {
        return siteUrl + scope.feedPath(format);
    }

    /** A permanent, unique identifier of the feed itself (Atom's feed id). */
    public String id() {
        return siteUrl + scope.feedStem() + (scope.query().isEmpty() ? "" : "?" + scope.query());
    }
}
