package org.gazette.seo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gazette.feed.FeedLink;

/**
 * What a page tells feed readers, sharing cards and crawlers about itself beyond its title and
 * description: its Open Graph type and image, the feeds that follow it, and its JSON-LD blocks.
 *
 * @param image      absolute address of the picture for sharing cards, or null
 * @param article    article facts for {@code article:*} Open Graph properties, or null on other pages
 * @param jsonLd     JSON-LD documents, already serialized and safe inside a script element
 */
public record PageMeta(String ogType, String image, String imageAlt, ArticleFacts article, List<FeedLink> feeds,
                       List<String> jsonLd) {

    /** What Open Graph says of an article beyond its title. */
    public record ArticleFacts(Instant published, Instant modified, String section, List<String> tags) {
    }

    public PageMeta {
        feeds = List.copyOf(feeds);
        jsonLd = List.copyOf(jsonLd);
    }

    /** An ordinary page, which offers the given feeds. */
    public static PageMeta website(List<FeedLink> feeds) {
        return new PageMeta("website", null, null, null, feeds, List.of());
    }

    /** The same page also offering more feeds, after the ones it has. */
    public PageMeta plusFeeds(List<FeedLink> more) {
        List<FeedLink> all = new ArrayList<>(feeds);
        all.addAll(more);
        return new PageMeta(ogType, image, imageAlt, article, all, jsonLd);
    }

    public PageMeta withJsonLd(List<String> blocks) {
        return new PageMeta(ogType, image, imageAlt, article, feeds, blocks);
    }

    public PageMeta asArticle(ArticleFacts facts, String imageUrl, String alt) {
        return new PageMeta("article", imageUrl, alt, facts, feeds, jsonLd);
    }

    /** Twitter shows a large picture when there is one, a small summary card otherwise. */
    public String twitterCard() {
        return image == null ? "summary" : "summary_large_image";
    }
}
