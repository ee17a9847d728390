package org.gazette.syndication;

import java.time.Instant;
import java.util.List;

/**
 * One item as a partner's feed describes it, before cleaning: text fields may hold HTML,
 * addresses may be relative, anything may be missing.
 *
 * @param published when the item says it was published, or null when it gives no readable date
 * @param rawDate   the date exactly as written, kept when it could not be read
 * @param images    candidate lead images from media:content, media:thumbnail or enclosures, best first
 */
public record FeedItem(String guid, String link, String title, String summaryHtml, String contentHtml,
                       Instant published, String rawDate, List<MediaImage> images) {

    public FeedItem {
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** An image the feed attached to the item. */
    public record MediaImage(String url, String description) {
    }
}
