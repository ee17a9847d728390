package org.gazette.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;
import org.gazette.config.Settings;
import org.gazette.site.Teaser;

/**
 * Selects a scope's newest articles and turns them into feed items: full content with absolute
 * URLs, summary, byline, categories, dates and lead image. Every string is cleaned for XML once here,
 * so each renderer only writes out what it is given.
 */
public final class FeedGenerator {

    private final java.util.function.Supplier<Settings> settings;
    private final ArticleStore articles;
    private final AbsoluteUrls urls;
    private final LeadImages images;
    private final int size;

    public FeedGenerator(Settings settings, ArticleStore articles, int size) {
        this(() -> settings, articles, size);
    }

    /** With settings the back office may change while the site runs (name, tagline, language). */
    public FeedGenerator(java.util.function.Supplier<Settings> settings, ArticleStore articles, int size) {
        this.settings = settings;
        this.articles = articles;
        this.urls = new AbsoluteUrls(settings.get().baseUrl());
        this.images = new LeadImages(urls);
        this.size = size;
    }

    public FeedDocument generate(FeedScope scope) {
        List<FeedItem> items = new ArrayList<>();
        Instant updated = null;
        for (Article article : scope.selection().newest(articles, size)) {
            FeedItem item = item(article);
            items.add(item);
            if (updated == null || item.updated().isAfter(updated)) {
                updated = item.updated();
            }
        }
        Settings current = settings.get();
        return new FeedDocument(scope, XmlText.clean(scope.title()), XmlText.clean(current.get("site.tagline")),
                current.get("site.language"), current.baseUrl(), XmlText.clean(current.get("site.name")), "Gazette",
                items, updated);
    }

    FeedItem item(Article article) {
        List<FeedItem.Person> people = new ArrayList<>();
        if (article.byline().isRepublished()) {
            var source = article.byline().source();
            people.add(new FeedItem.Person(XmlText.clean(source.name()), urls.of(source.path()), true));
        } else {
            for (Author author : article.byline().authors()) {
                people.add(new FeedItem.Person(XmlText.clean(author.name()), urls.of(author.path()), false));
            }
        }
        List<String> categories = new ArrayList<>();
        categories.add(XmlText.clean(article.section().name()));
        for (Tag tag : article.tags()) {
            categories.add(XmlText.clean(tag.name()));
        }
        return new FeedItem(urls.of("/a/" + article.id()), urls.of(article.path()), XmlText.clean(article.headline()),
                XmlText.clean(Teaser.of(article).text()), XmlText.clean(urls.inHtml(article.bodyHtml())), people,
                categories, article.language(), article.publishedAt(), article.modifiedAt(), images.describe(article.image()));
    }
}
