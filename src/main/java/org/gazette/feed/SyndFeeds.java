package org.gazette.feed;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** What the RSS and Atom renderers share: the ROME feed and entries built from a feed document. */
final class SyndFeeds {

    static final Namespace MEDIA = Namespace.getNamespace("media", "http://search.yahoo.com/mrss/");

    private SyndFeeds() {
    }

    static SyndFeed feed(String feedType, FeedDocument doc) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(feedType);
        feed.setTitle(doc.title());
        feed.setLink(doc.pageUrl());
        feed.setDescription(doc.description());
        feed.setLanguage(doc.language());
        feed.setGenerator(doc.generator());
        feed.setUri(doc.id());
        feed.setPublishedDate(date(doc.updated() == null ? Instant.EPOCH : doc.updated()));
        return feed;
    }

    static SyndEntry entry(FeedItem item) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(item.title());
        entry.setLink(item.url());
        entry.setUri(item.id());
        entry.setPublishedDate(date(item.published()));
        entry.setUpdatedDate(date(item.updated()));
        entry.setDescription(content("text", item.summary()));
        entry.setContents(List.of(content("html", item.html())));
        List<SyndCategory> categories = new ArrayList<>();
        for (String name : item.categories()) {
            SyndCategory category = new SyndCategoryImpl();
            category.setName(name);
            categories.add(category);
        }
        entry.setCategories(categories);
        return entry;
    }

    /** The lead image as Media RSS {@code <media:content>}. */
    static Element mediaContent(FeedItem.Media media) {
        Element element = new Element("content", MEDIA).setAttribute("url", media.url()).setAttribute("medium", "image");
        if (media.type() != null) {
            element.setAttribute("type", media.type());
        }
        if (media.length() >= 0) {
            element.setAttribute("fileSize", Long.toString(media.length()));
        }
        if (media.description() != null) {
            element.addContent(new Element("description", MEDIA).setAttribute("type", "plain")
                    .setText(media.description()));
        }
        return element;
    }

    static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + feed.getFeedType() + " feed", e);
        }
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
