package org.gazette.article;

import java.time.Instant;
import java.util.List;
import org.gazette.catalog.Section;
import org.gazette.catalog.Tag;

/** A story as stored: the body is kept both as the Markdown the writer wrote and as sanitized HTML. */
public record Article(
        long id,
        String slug,
        String headline,
        String deck,
        String bodyMarkdown,
        String bodyHtml,
        Section section,
        List<Tag> tags,
        Byline byline,
        ArticleStatus status,
        String language,
        LeadImage image,
        Instant publishedAt,
        Instant updatedAt) {

    public Article {
        tags = List.copyOf(tags);
    }

    public String path() {
        return pathOf(slug);
    }

    public static String pathOf(String slug) {
        return "/articles/" + slug;
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    /**
     * When readers last saw it change: never before it went out, even when it was saved earlier
     * (a scheduled article is saved before its publication time).
     */
    public Instant modifiedAt() {
        return publishedAt != null && updatedAt.isBefore(publishedAt) ? publishedAt : updatedAt;
    }

    /** Whether the article changed after it first went out, worth an "Updated" line. */
    public boolean wasUpdated() {
        return publishedAt != null && updatedAt.isAfter(publishedAt.plusSeconds(60));
    }
}
