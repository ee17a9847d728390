package org.gazette.sitemap;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gazette.feed.XmlText;

/**
 * Writes sitemap documents (sitemaps.org 0.9, with the Google News extension) with a streaming XML writer,
 * which escapes every address and title; characters XML forbids are dropped first.
 */
public final class SitemapXml {

    public static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private final String base;

    /** @param base the site's base URL, without a trailing slash */
    public SitemapXml(String base) {
        this.base = base;
    }

    /** A sitemap index pointing at other sitemaps (paths on this site). */
    public String index(List<String> sitemapPaths) {
        return document("sitemapindex", false, w -> {
            for (String path : sitemapPaths) {
                w.writeStartElement("sitemap");
                element(w, "loc", base + path);
                w.writeEndElement();
            }
        });
    }

    public String urlset(List<SitemapQueries.Page> pages) {
        return document("urlset", false, w -> {
            for (SitemapQueries.Page page : pages) {
                w.writeStartElement("url");
                element(w, "loc", base + page.path());
                if (page.lastModified() != null) {
                    element(w, "lastmod", time(page.lastModified()));
                }
                w.writeEndElement();
            }
        });
    }

    /** A Google News sitemap: publication name and language, publication date and title of each article. */
    public String news(String publication, List<SitemapQueries.NewsArticle> articles) {
        return document("urlset", true, w -> {
            for (SitemapQueries.NewsArticle article : articles) {
                w.writeStartElement("url");
                element(w, "loc", base + article.path());
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                element(w, "news", "name", publication);
                element(w, "news", "language", article.language());
                w.writeEndElement();
                element(w, "news", "publication_date", time(article.published()));
                element(w, "news", "title", article.headline());
                w.writeEndElement();
                w.writeEndElement();
            }
        });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String document(String root, boolean news, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(SITEMAP_NS);
            w.writeStartElement(SITEMAP_NS, root);
            w.writeDefaultNamespace(SITEMAP_NS);
            if (news) {
                w.setPrefix("news", NEWS_NS);
                w.writeNamespace("news", NEWS_NS);
            }
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a sitemap", e);
        }
        return out.append('\n').toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(SITEMAP_NS, name);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String prefix, String name, String text) throws XMLStreamException {
        w.writeStartElement(prefix, name, NEWS_NS);
        w.writeCharacters(XmlText.clean(text));
        w.writeEndElement();
    }

    /** W3C Datetime, to the second, in UTC. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
