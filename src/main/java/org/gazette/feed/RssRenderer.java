package org.gazette.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * RSS 2.0: the body in {@code content:encoded}, the byline in {@code dc:creator}, the update time in
 * {@code dcterms:modified}, the lead image as {@code media:content} and, when its size is known, an enclosure.
 */
public final class RssRenderer implements FeedRenderer {

    static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    static final Namespace DCTERMS = Namespace.getNamespace("dcterms", "http://purl.org/dc/terms/");

    @Override
    public FeedFormat format() {
        return FeedFormat.RSS;
    }

    @Override
    public String render(FeedDocument doc) {
        SyndFeed feed = SyndFeeds.feed("rss_2.0", doc);
        // Lets readers find the feed's own address (and refresh from it) wherever a copy was fetched.
        feed.setForeignMarkup(List.of(new Element("link", ATOM).setAttribute("href", doc.feedUrl(format()))
                .setAttribute("rel", "self").setAttribute("type", format().mediaType())));
        feed.setEntries(doc.items().stream().map(this::entry).toList());
        return SyndFeeds.write(feed);
    }

    private SyndEntry entry(FeedItem item) {
        SyndEntry entry = SyndFeeds.entry(item);
        DCModule dc = new DCModuleImpl();
        dc.setCreators(item.authors().stream().map(FeedItem.Person::name).toList());
        dc.setLanguage(item.language());
        entry.getModules().add(dc);
        List<Element> extra = new ArrayList<>();
        extra.add(new Element("modified", DCTERMS).setText(DateTimeFormatter.ISO_INSTANT.format(item.updated())));
        if (item.image() != null) {
            extra.add(SyndFeeds.mediaContent(item.image()));
            if (item.image().length() >= 0 && item.image().type() != null) {
                SyndEnclosure enclosure = new SyndEnclosureImpl();
                enclosure.setUrl(item.image().url());
                enclosure.setType(item.image().type());
                enclosure.setLength(item.image().length());
                entry.setEnclosures(List.of(enclosure));
            }
        }
        entry.setForeignMarkup(extra);
        return entry;
    }
}
