package org.gazette.feed;

import java.time.Instant;
import java.util.List;

/**
 * One article as every feed format carries it, with absolute URLs and text already safe for XML.
 *
 * @param id       stable identifier, the article's permalink by id: it never changes with the headline
 * @param url      the article page
 * @param summary  the deck, or the opening of the body
 * @param html     the full body with links and images made absolute
 */
public record FeedItem(String id, String url, String title, String summary, String html, List<Person> authors,
                       List<String> categories, String language, Instant published, Instant updated, Media image) {

    public FeedItem {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** A byline entry: a staff writer, or the outlet a republished article came from. */
    public record Person(String name, String url, boolean organization) {
    }

    /** The lead image; {@code length} is -1 when the size is not known. */
    public record Media(String url, String type, long length, String description) {
    }
}
