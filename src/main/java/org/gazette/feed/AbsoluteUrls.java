package org.gazette.feed;

import java.net.URI;
import java.net.URISyntaxException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Makes site-relative addresses absolute, so links and images in a feed work wherever it is read. */
public final class AbsoluteUrls {

    private final String base;

    /** @param base the site's base URL, without a trailing slash */
    public AbsoluteUrls(String base) {
        this.base = base;
    }

    /** One address: relative ones are resolved against the site, absolute ones kept as they are. */
    public String of(String url) {
        if (url == null || url.isBlank()) {
            return url;
        }
        try {
            return new URI(base + "/").resolve(url.strip()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // Not a valid address at all; leave it for the reader's software to ignore.
            return url;
        }
    }

    /** Every {@code href} and {@code src} in an HTML fragment. */
    public String inHtml(String html) {
        Document doc = Jsoup.parseBodyFragment(html, base + "/");
        doc.outputSettings().prettyPrint(false);
        for (Element link : doc.select("[href]")) {
            link.attr("href", of(link.attr("href")));
        }
        for (Element media : doc.select("[src]")) {
            media.attr("src", of(media.attr("src")));
        }
        return doc.body().html();
    }
}
