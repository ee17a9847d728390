package org.gazette.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.gazette.feed.XmlText;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Reads RSS 0.9x, 1.0 and 2.0 and Atom (with ROME) and JSON Feed (with Jackson) into {@link ParsedFeed}.
 *
 * <p>Hostile input is refused before it can do harm: a document type declaration (the door to
 * entity expansion "billion laughs" and external entities, XXE) is rejected outright, and the XML
 * parser is also configured to refuse one and never fetch anything. A web page, an image or any
 * other non-feed gets a message saying what arrived instead. Nothing here throws anything but
 * {@link FeedProblem}.
 */
public final class FeedParser {

    static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final Pattern DOCTYPE = Pattern.compile("(?i)<!DOCTYPE");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i).*\\.(jpe?g|png|gif|webp|avif)(\\?.*)?$");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_DEPTH = 256;

    private final int maxItems;

    public FeedParser(int maxItems) {
        this.maxItems = maxItems;
    }

    public ParsedFeed parse(byte[] body, String contentType) throws FeedProblem {
        try {
            return read(body, contentType);
        } catch (FeedProblem e) {
            throw e;
        } catch (StackOverflowError | RuntimeException e) {
            throw new FeedProblem("The feed could not be read (" + FeedFetcher.messageOf(e) + ")", e);
        }
    }

    private ParsedFeed read(byte[] body, String contentType) throws FeedProblem {
        String mediaType = FeedText.mediaType(contentType);
        if (mediaType.startsWith("image/") || mediaType.startsWith("audio/") || mediaType.startsWith("video/")
                || mediaType.startsWith("font/") || mediaType.equals("application/pdf") || mediaType.equals("application/zip")) {
            throw new FeedProblem("The address returned " + mediaType + ", not a feed");
        }
        if (body.length == 0) {
            throw new FeedProblem("The feed is empty (the server sent no content)");
        }
        String text = FeedText.decode(body, contentType);
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new FeedProblem("The feed is empty (only white space)");
        }
        if (start.startsWith("{") || mediaType.endsWith("json")) {
            return readJson(start);
        }
        if (looksLikeHtml(start)) {
            throw new FeedProblem(htmlMessage(text));
        }
        if (!start.startsWith("<")) {
            throw new FeedProblem("This is not a feed: it is neither XML nor JSON (it starts with \""
                    + abbreviate(start, 40) + "\")");
        }
        return readXml(start);
    }

    // ---- XML: RSS and Atom ----

    private ParsedFeed readXml(String text) throws FeedProblem {
        if (DOCTYPE.matcher(prolog(text)).find()) {
            throw new FeedProblem("The feed contains a document type declaration (DOCTYPE); Gazette refuses those "
                    + "because they can expand entities without limit or read files (billion laughs, XXE)");
        }
        Document document;
        try {
            document = secureBuilder().build(new XmlFixerReader(new StringReader(XmlText.clean(text))));
        } catch (JDOMException e) {
            String message = FeedFetcher.messageOf(e);
            if (message.contains("DOCTYPE")) {
                throw new FeedProblem("The feed contains a document type declaration (DOCTYPE); refused", e);
            }
            throw new FeedProblem("The feed is not well-formed XML (" + message + ")", e);
        } catch (IOException e) {
            throw new FeedProblem("The feed could not be read (" + FeedFetcher.messageOf(e) + ")", e);
        }
        Element root = document.getRootElement();
        String rootName = root.getName().toLowerCase(Locale.ROOT);
        if (!rootName.equals("rss") && !rootName.equals("rdf") && !rootName.equals("feed")) {
            throw new FeedProblem(rootName.equals("html")
                    ? "The address returned a web page (HTML), not a feed"
                    : "This XML is not a feed: its root element is <" + root.getName() + ">, not <rss>, <rdf:RDF> or <feed>");
        }
        List<Element> itemElements = itemElements(root);
        if (itemElements.size() > maxItems) {
            // Trim before ROME turns every item into objects: a 10,000-item feed costs no more than the limit.
            for (Element extra : itemElements.subList(maxItems, itemElements.size())) {
                extra.detach();
            }
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.US);
            input.setAllowDoctypes(false);
            feed = input.build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedProblem("The XML is not a feed ROME can read (" + FeedFetcher.messageOf(e) + ")", e);
        }
        List<SyndEntry> entries = feed.getEntries();
        List<Element> kept = itemElements.subList(0, Math.min(maxItems, itemElements.size()));
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            items.add(item(entries.get(i), kept.size() == entries.size() ? kept.get(i) : null));
        }
        return new ParsedFeed(feed.getFeedType(), plain(feed.getTitle()), feed.getLink(), items,
                Math.max(0, itemElements.size() - maxItems));
    }

    private static FeedItem item(SyndEntry entry, Element element) {
        String summary = html(entry.getDescription());
        String content = null;
        for (SyndContent c : entry.getContents()) {
            String h = html(c);
            if (h != null && !h.isBlank()) {
                content = h;
                break;
            }
        }
        String rawDate = element == null ? null : firstChildText(element, "pubDate", "date", "published", "issued", "updated", "modified", "created");
        Instant published = instant(entry.getPublishedDate());
        if (published == null) {
            published = instant(entry.getUpdatedDate());
        }
        if (published == null) {
            published = LenientDates.parse(rawDate);
        }
        String guid = element == null ? entry.getUri() : guidOf(element);
        String link = entry.getLink();
        if ((link == null || link.isBlank()) && !entry.getLinks().isEmpty()) {
            link = entry.getLinks().get(0).getHref();
        }
        List<FeedItem.MediaImage> images = element == null ? new ArrayList<>() : mediaImages(element);
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            String type = enclosure.getType() == null ? "" : enclosure.getType().toLowerCase(Locale.ROOT);
            if (enclosure.getUrl() != null && (type.startsWith("image/") || (type.isEmpty() && IMAGE_FILE.matcher(enclosure.getUrl()).matches()))) {
                images.add(new FeedItem.MediaImage(enclosure.getUrl(), null));
            }
        }
        // Atom says whether a title is text or HTML; a text title's "<b>" is literally those three characters.
        SyndContent titleEx = entry.getTitleEx();
        String title = titleEx != null && "text".equals(titleEx.getType()) && titleEx.getValue() != null
                ? blankToNull(titleEx.getValue().replaceAll("\\s+", " ")) : plain(entry.getTitle());
        return new FeedItem(blankToNull(guid), blankToNull(link), title, summary, content, published,
                published == null ? rawDate : null, images);
    }

    /** The item or entry elements in document order, whatever the flavour of feed. */
    private static List<Element> itemElements(Element root) {
        List<Element> items = new ArrayList<>();
        String rootName = root.getName().toLowerCase(Locale.ROOT);
        if (rootName.equals("feed")) {
            for (Element child : root.getChildren()) {
                if (child.getName().equals("entry")) {
                    items.add(child);
                }
            }
            return items;
        }
        List<Element> holders = new ArrayList<>();
        holders.add(root);
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                holders.add(child);
            }
        }
        for (Element holder : holders) {
            for (Element child : holder.getChildren()) {
                if (child.getName().equals("item")) {
                    items.add(child);
                }
            }
        }
        return items;
    }

    private static String guidOf(Element item) {
        for (Element child : item.getChildren()) {
            if (child.getName().equals("guid") || (child.getName().equals("id") && item.getName().equals("entry"))) {
                return child.getTextTrim();
            }
        }
        for (org.jdom2.Attribute attribute : item.getAttributes()) {
            if (attribute.getName().equals("about")) {
                return attribute.getValue(); // RSS 1.0 names each item with rdf:about
            }
        }
        return null;
    }

    private static String firstChildText(Element element, String... names) {
        for (String name : names) {
            for (Element child : element.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    return abbreviate(child.getTextTrim(), 200);
                }
            }
        }
        return null;
    }

    /** Pictures from Media RSS: media:content (images only) and media:thumbnail, also inside media:group. */
    private static List<FeedItem.MediaImage> mediaImages(Element item) {
        List<FeedItem.MediaImage> images = new ArrayList<>();
        List<Element> candidates = new ArrayList<>();
        for (Element child : item.getChildren()) {
            if (MEDIA_RSS.equals(child.getNamespaceURI()) && child.getName().equals("group")) {
                candidates.addAll(child.getChildren());
            } else {
                candidates.add(child);
            }
        }
        List<FeedItem.MediaImage> thumbnails = new ArrayList<>();
        for (Element child : candidates) {
            if (!MEDIA_RSS.equals(child.getNamespaceURI())) {
                continue;
            }
            String url = child.getAttributeValue("url");
            if (url == null || url.isBlank()) {
                continue;
            }
            String medium = String.valueOf(child.getAttributeValue("medium")).toLowerCase(Locale.ROOT);
            String type = String.valueOf(child.getAttributeValue("type")).toLowerCase(Locale.ROOT);
            String description = firstMediaText(child);
            if (child.getName().equals("content") && (medium.equals("image") || type.startsWith("image/") || IMAGE_FILE.matcher(url).matches())) {
                images.add(new FeedItem.MediaImage(url.strip(), description));
            } else if (child.getName().equals("thumbnail")) {
                thumbnails.add(new FeedItem.MediaImage(url.strip(), description));
            }
        }
        images.addAll(thumbnails);
        return images;
    }

    private static String firstMediaText(Element media) {
        for (String name : new String[] {"description", "title", "text"}) {
            Element child = media.getChild(name, media.getNamespace());
            if (child != null && !child.getTextTrim().isEmpty()) {
                return plain(child.getTextTrim());
            }
        }
        return null;
    }

    /** Everything before the root element: the XML declaration, comments, processing instructions, a DOCTYPE. */
    private static String prolog(String text) {
        int i = 0;
        while (i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= text.length()) {
                return text;
            }
            char next = text.charAt(lt + 1);
            if (next == '?') {
                int end = text.indexOf("?>", lt);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("<!--", lt)) {
                int end = text.indexOf("-->", lt);
                i = end < 0 ? text.length() : end + 3;
            } else if (next == '!') {
                return text.substring(0, Math.min(text.length(), lt + 20));
            } else {
                return text.substring(0, lt);
            }
        }
        return text;
    }

    private static SAXBuilder secureBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        // Building a tree gets slow with depth (quadratic in JDOM); no real feed nests this deep.
        builder.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
        builder.setEntityResolver((publicId, systemId) -> {
            throw new org.xml.sax.SAXException("External entities are not allowed (" + systemId + ")");
        });
        return builder;
    }

    // ---- JSON Feed ----

    private ParsedFeed readJson(String text) throws FeedProblem {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedProblem("The JSON is malformed (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedProblem("This JSON is not a JSON Feed (it is not an object)");
        }
        String version = root.path("version").asText("");
        JsonNode itemsNode = root.path("items");
        if (!version.startsWith("https://jsonfeed.org/version/") && !itemsNode.isArray()) {
            throw new FeedProblem("This JSON is not a JSON Feed (no \"version\" or \"items\")");
        }
        if (!itemsNode.isArray()) {
            throw new FeedProblem("The JSON Feed has no \"items\" list");
        }
        List<FeedItem> items = new ArrayList<>();
        int total = itemsNode.size();
        for (int i = 0; i < Math.min(total, maxItems); i++) {
            JsonNode node = itemsNode.get(i);
            if (node.isObject()) {
                items.add(jsonItem(node));
            }
        }
        return new ParsedFeed("json", plain(textOf(root, "title")), textOf(root, "home_page_url"), items, Math.max(0, total - maxItems));
    }

    private static FeedItem jsonItem(JsonNode node) {
        String html = textOf(node, "content_html");
        if (html == null && textOf(node, "content_text") != null) {
            html = paragraphs(textOf(node, "content_text"));
        }
        String summary = textOf(node, "summary");
        String rawDate = textOf(node, "date_published");
        if (rawDate == null) {
            rawDate = textOf(node, "date_modified");
        }
        Instant published = LenientDates.parse(rawDate);
        List<FeedItem.MediaImage> images = new ArrayList<>();
        for (String field : new String[] {"image", "banner_image"}) {
            if (textOf(node, field) != null) {
                images.add(new FeedItem.MediaImage(textOf(node, field), null));
            }
        }
        for (JsonNode attachment : node.path("attachments")) {
            if (attachment.path("mime_type").asText("").startsWith("image/") && textOf(attachment, "url") != null) {
                images.add(new FeedItem.MediaImage(textOf(attachment, "url"), textOf(attachment, "title")));
            }
        }
        String link = textOf(node, "url");
        if (link == null) {
            link = textOf(node, "external_url");
        }
        return new FeedItem(textOf(node, "id"), link, plain(textOf(node, "title")),
                summary == null ? null : Entities.escape(summary), html, published, published == null ? rawDate : null, images);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    // ---- shared helpers ----

    private static boolean looksLikeHtml(String start) {
        String head = start.substring(0, Math.min(start.length(), 2048)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return true;
        }
        int html = head.indexOf("<html");
        return html >= 0 && !head.contains("<rss") && !head.contains("<feed") && !head.contains("<rdf");
    }

    /** Says a web page arrived, and points at the feed the page advertises when it has one. */
    private static String htmlMessage(String text) {
        String message = "The address returned a web page (HTML), not a feed";
        try {
            var link = Jsoup.parse(text.length() > 1_000_000 ? text.substring(0, 1_000_000) : text)
                    .selectFirst("link[rel=alternate][type~=(rss|atom|feed\\+json)][href]");
            if (link != null) {
                message += "; the page points to a feed at " + abbreviate(link.attr("href"), 300) + ", subscribe to that instead";
            }
        } catch (RuntimeException ignored) {
            // The message without the hint is still right.
        }
        return message;
    }

    /** A text field of the feed as HTML: plain text (Atom type="text") is escaped, HTML passes. */
    private static String html(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        String type = content.getType() == null ? "html" : content.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return paragraphs(content.getValue());
        }
        return content.getValue();
    }

    private static String paragraphs(String plainText) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : plainText.strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>\n");
            }
        }
        return html.toString();
    }

    /** Titles may carry markup or entities; readers get the words. */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? Jsoup.parse(text).text() : text;
        plain = plain.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
        return plain.isEmpty() ? null : plain;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
