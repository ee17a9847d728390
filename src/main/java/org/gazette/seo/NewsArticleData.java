package org.gazette.seo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import org.gazette.article.Article;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;
import org.gazette.feed.AbsoluteUrls;
import org.gazette.site.Teaser;

/** An article page's NewsArticle document: staff authors as Person, a partner outlet as Organization. */
public final class NewsArticleData {

    private final SiteIdentity site;
    private final AbsoluteUrls urls;

    public NewsArticleData(SiteIdentity site, AbsoluteUrls urls) {
        this.site = site;
        this.urls = urls;
    }

    /** @param pageUrl the article's own address on this site */
    public String of(Article article, String pageUrl) {
        ObjectNode doc = JsonLd.document("NewsArticle")
                .put("headline", article.headline())
                .put("description", Teaser.of(article).text())
                .put("datePublished", DateTimeFormatter.ISO_INSTANT.format(article.publishedAt()))
                .put("dateModified", DateTimeFormatter.ISO_INSTANT.format(article.modifiedAt()))
                .put("inLanguage", article.language())
                .put("url", pageUrl)
                .put("isAccessibleForFree", true)
                .put("articleSection", article.section().name());
        doc.set("mainEntityOfPage", JsonLd.node("WebPage").put("@id", pageUrl));
        doc.set("author", authors(article));
        doc.set("publisher", site.organization());
        if (article.image() != null) {
            doc.putArray("image").add(urls.of(article.image().url()));
        }
        ArrayNode keywords = doc.putArray("keywords");
        for (Tag tag : article.tags()) {
            keywords.add(tag.name());
        }
        if (article.byline().isRepublished() && article.byline().originalUrl() != null) {
            doc.put("isBasedOn", article.byline().originalUrl());
        }
        return JsonLd.script(doc);
    }

    private ArrayNode authors(Article article) {
        ArrayNode authors = JsonNodeFactory.instance.arrayNode();
        if (article.byline().isRepublished()) {
            var source = article.byline().source();
            ObjectNode org = authors.addObject().put("@type", "Organization").put("name", source.name());
            org.put("url", source.homeUrl() != null ? source.homeUrl() : urls.of(source.path()));
            return authors;
        }
        for (Author author : article.byline().authors()) {
            authors.addObject().put("@type", "Person").put("name", author.name()).put("url", urls.of(author.path()));
        }
        return authors;
    }
}
