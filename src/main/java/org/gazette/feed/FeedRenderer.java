package org.gazette.feed;

/** Writes a generated feed out in one format. */
public interface FeedRenderer {

    FeedFormat format();

    String render(FeedDocument feed);
}
