package org.gazette.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;

/** How an article looks in the JSON API: plain fields, absolute links, ISO-8601 times. */
final class ArticleJson {

    private ArticleJson() {
    }

    static Map<String, Object> summary(Article a, String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("slug", a.slug());
        json.put("url", baseUrl + a.path());
        json.put("headline", a.headline());
        json.put("deck", a.deck());
        json.put("section", Map.of("slug", a.section().slug(), "name", a.section().name()));
        json.put("tags", a.tags().stream().map(ArticleJson::tag).toList());
        json.put("byline", byline(a));
        json.put("language", a.language());
        json.put("published", a.publishedAt().toString());
        json.put("updated", a.updatedAt().toString());
        if (a.image() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("url", a.image().url().startsWith("/") ? baseUrl + a.image().url() : a.image().url());
            image.put("alt", a.image().alt());
            image.put("caption", a.image().caption());
            json.put("image", image);
        }
        return json;
    }

    static Map<String, Object> full(Article a, String baseUrl) {
        Map<String, Object> json = summary(a, baseUrl);
        json.put("bodyHtml", a.bodyHtml());
        return json;
    }

    private static Map<String, Object> tag(Tag t) {
        return Map.of("slug", t.slug(), "name", t.name());
    }

    private static Map<String, Object> byline(Article a) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (a.byline().isRepublished()) {
            json.put("source", a.byline().source().name());
            json.put("sourceUrl", a.byline().source().homeUrl());
            json.put("originalUrl", a.byline().originalUrl());
        } else {
            List<Map<String, String>> authors = a.byline().authors().stream()
                    .map((Author au) -> Map.of("slug", au.slug(), "name", au.name())).toList();
            json.put("authors", authors);
        }
        json.put("text", a.byline().names());
        return json;
    }
}
