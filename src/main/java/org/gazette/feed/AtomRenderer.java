package org.gazette.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import java.util.ArrayList;
import java.util.List;

/**
 * Atom 1.0 (RFC 4287): one id, title and updated per entry, the body as {@code content type="html"},
 * the deck as summary, authors with their page, and the lead image as an enclosure link and {@code media:content}.
 */
public final class AtomRenderer implements FeedRenderer {

    @Override
    public FeedFormat format() {
        return FeedFormat.ATOM;
    }

    @Override
    public String render(FeedDocument doc) {
        SyndFeed feed = SyndFeeds.feed("atom_1.0", doc);
        feed.setLinks(List.of(link("alternate", "text/html", doc.pageUrl(), -1),
                link("self", format().mediaType(), doc.feedUrl(format()), -1)));
        // A feed-level author covers any entry without one, as RFC 4287 requires.
        feed.setAuthors(List.of(person(new FeedItem.Person(doc.siteName(), doc.siteUrl() + "/", true))));
        feed.setEntries(doc.items().stream().map(this::entry).toList());
        return SyndFeeds.write(feed);
    }

    private SyndEntry entry(FeedItem item) {
        SyndEntry entry = SyndFeeds.entry(item);
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", "text/html", item.url(), -1));
        if (item.image() != null) {
            links.add(link("enclosure", item.image().type(), item.image().url(), item.image().length()));
            entry.setForeignMarkup(List.of(SyndFeeds.mediaContent(item.image())));
        }
        entry.setLinks(links);
        entry.setAuthors(item.authors().stream().map(AtomRenderer::person).toList());
        return entry;
    }

    private static SyndPerson person(FeedItem.Person person) {
        SyndPerson syndPerson = new SyndPersonImpl();
        syndPerson.setName(person.name());
        syndPerson.setUri(person.url());
        return syndPerson;
    }

    private static SyndLink link(String rel, String type, String href, long length) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        if (length >= 0) {
            link.setLength(length);
        }
        return link;
    }
}
