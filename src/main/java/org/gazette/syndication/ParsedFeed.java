package org.gazette.syndication;

import java.util.List;

/**
 * A feed read from its bytes: its title and home page (a base for relative addresses),
 * the items Gazette will look at, and how many more the feed held beyond the per-poll limit.
 */
public record ParsedFeed(String format, String title, String link, List<FeedItem> items, int skipped) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
