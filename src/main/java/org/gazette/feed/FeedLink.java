package org.gazette.feed;

import java.util.ArrayList;
import java.util.List;

/** A feed a page points readers to: {@code <link rel="alternate">} in the head. */
public record FeedLink(String title, String type, String href) {

    /** The links to a scope's feeds in every format: RSS 2.0, Atom 1.0, JSON Feed. */
    public static List<FeedLink> of(FeedScope scope) {
        List<FeedLink> links = new ArrayList<>();
        for (FeedFormat format : FeedFormat.values()) {
            links.add(new FeedLink(scope.title() + " (" + format.label() + ")", format.mediaType(), scope.feedPath(format)));
        }
        return links;
    }
}
