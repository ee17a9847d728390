package org.gazette.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.gazette.article.Article;
import org.gazette.catalog.Tag;
import org.gazette.config.Settings;
import org.gazette.site.Teaser;

/** Generates the site's RSS 2.0 feed with ROME. */
public final class RssFeed {

    public static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";

    private final Settings settings;

    public RssFeed(Settings settings) {
        this.settings = settings;
    }

    public String render(List<Article> articles) {
        return render(settings.get("site.name"), settings.baseUrl() + "/", articles);
    }

    /** A feed of its own title and address, such as the feed of one search. */
    public String render(String title, String link, List<Article> articles) {
        String base = settings.baseUrl();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(XmlText.clean(title));
        feed.setLink(link);
        feed.setDescription(XmlText.clean(settings.get("site.tagline")));
        feed.setLanguage(settings.get("site.language"));
        feed.setGenerator("Gazette");
        if (!articles.isEmpty()) {
            feed.setPublishedDate(Date.from(articles.get(0).publishedAt()));
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (Article article : articles) {
            entries.add(entry(article, base));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the RSS feed", e);
        }
    }

    private static SyndEntry entry(Article article, String base) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(XmlText.clean(article.headline()));
        entry.setLink(base + article.path());
        // The permalink by id never changes, even when an editor changes the headline or slug.
        entry.setUri(base + "/a/" + article.id());
        entry.setPublishedDate(Date.from(article.publishedAt()));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(XmlText.clean(Teaser.of(article).text()));
        entry.setDescription(description);
        List<SyndCategory> categories = new ArrayList<>();
        categories.add(category(article.section().name()));
        for (Tag tag : article.tags()) {
            categories.add(category(tag.name()));
        }
        entry.setCategories(categories);
        DCModule dc = new DCModuleImpl();
        dc.setCreator(XmlText.clean(article.byline().names()));
        entry.getModules().add(dc);
        return entry;
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(XmlText.clean(name));
        return category;
    }
}
