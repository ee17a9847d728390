package org.gazette.admin;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.gazette.article.Article;
import org.gazette.article.LeadImage;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;

/**
 * The editor's fields exactly as typed, so a form with a mistake comes back with nothing lost.
 * Revisions keep this same record, so restoring one puts back exactly what was saved.
 */
public record ArticleForm(
        String headline,
        String deck,
        String body,
        String slug,
        String sectionId,
        String bylineKind,
        List<String> authorIds,
        String sourceId,
        String originalUrl,
        String tags,
        String imageUrl,
        String imageAlt,
        String imageCaption,
        String language,
        String publishAt) {

    public static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public ArticleForm {
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
    }

    public static ArticleForm blank(String language, String sectionId, Long authorId) {
        return new ArticleForm("", "", "", "", sectionId, "staff", authorId == null ? List.of() : List.of(authorId.toString()),
                "", "", "", "", "", "", language, "");
    }

    public static ArticleForm from(Context ctx) {
        return new ArticleForm(field(ctx, "headline"), field(ctx, "deck"), field(ctx, "body"), field(ctx, "slug"),
                field(ctx, "section"), field(ctx, "byline"), ctx.formParams("authors"), field(ctx, "source"),
                field(ctx, "original_url"), field(ctx, "tags"), field(ctx, "image_url"), field(ctx, "image_alt"),
                field(ctx, "image_caption"), field(ctx, "language"), field(ctx, "publish_at"));
    }

    public static ArticleForm of(Article a, ZoneId zone) {
        LeadImage image = a.image();
        boolean republished = a.byline().isRepublished();
        return new ArticleForm(a.headline(), text(a.deck()), a.bodyMarkdown(), a.slug(), String.valueOf(a.section().id()),
                republished ? "source" : "staff",
                a.byline().authors().stream().map(Author::id).map(String::valueOf).toList(),
                republished ? String.valueOf(a.byline().source().id()) : "", republished ? text(a.byline().originalUrl()) : "",
                a.tags().stream().map(Tag::name).collect(Collectors.joining(", ")),
                image == null ? "" : image.url(), image == null ? "" : text(image.alt()), image == null ? "" : text(image.caption()),
                a.language(), a.publishedAt() == null ? "" : localMinute(a.publishedAt(), zone));
    }

    public static String localMinute(Instant instant, ZoneId zone) {
        return LOCAL_MINUTE.format(instant.atZone(zone));
    }

    public boolean hasAuthor(long id) {
        return authorIds.contains(String.valueOf(id));
    }

    public boolean isRepublished() {
        return "source".equals(bylineKind);
    }

    /** The form as it should be saved, with a default slug drawn from the headline. */
    public ArticleForm withSlug(String newSlug) {
        return new ArticleForm(headline, deck, body, newSlug, sectionId, bylineKind, authorIds, sourceId, originalUrl, tags,
                imageUrl, imageAlt, imageCaption, language, publishAt);
    }

    public List<String> tagNames() {
        return java.util.Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The fields as labelled lines, then the body line by line, for comparing two revisions; ids become names. */
    public List<String> asLines(java.util.function.Function<String, String> sectionName,
                                java.util.function.Function<String, String> authorName,
                                java.util.function.Function<String, String> sourceName) {
        String byline = isRepublished() ? sourceName.apply(sourceId) + " " + originalUrl
                : authorIds.stream().map(authorName).collect(Collectors.joining(", "));
        List<String> lines = new java.util.ArrayList<>(List.of("Headline: " + headline, "Deck: " + deck, "Slug: " + slug,
                "Section: " + sectionName.apply(sectionId), "Byline: " + byline, "Tags: " + tags, "Image: " + imageUrl,
                "Image alt: " + imageAlt, "Caption: " + imageCaption, "Language: " + language, ""));
        lines.addAll(List.of(body.split("\\n", -1)));
        return lines;
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.replace("\r\n", "\n").strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
