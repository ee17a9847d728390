package org.gazette.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1), written with Jackson. */
public final class JsonFeedRenderer implements FeedRenderer {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public FeedFormat format() {
        return FeedFormat.JSON;
    }

    @Override
    public String render(FeedDocument doc) {
        ObjectNode feed = json.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", doc.title());
        feed.put("home_page_url", doc.pageUrl());
        feed.put("feed_url", doc.feedUrl(format()));
        feed.put("description", doc.description());
        feed.put("language", doc.language());
        feed.putArray("authors").addObject().put("name", doc.siteName()).put("url", doc.siteUrl() + "/");
        ArrayNode items = feed.putArray("items");
        for (FeedItem item : doc.items()) {
            item(items.addObject(), item);
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the JSON feed", e);
        }
    }

    private static void item(ObjectNode node, FeedItem item) {
        node.put("id", item.id());
        node.put("url", item.url());
        node.put("title", item.title());
        node.put("content_html", item.html());
        node.put("summary", item.summary());
        node.put("date_published", time(item.published()));
        node.put("date_modified", time(item.updated()));
        node.put("language", item.language());
        ArrayNode authors = node.putArray("authors");
        for (FeedItem.Person person : item.authors()) {
            authors.addObject().put("name", person.name()).put("url", person.url());
        }
        ArrayNode tags = node.putArray("tags");
        item.categories().forEach(tags::add);
        if (item.image() != null) {
            node.put("image", item.image().url());
            ObjectNode attachment = node.putArray("attachments").addObject();
            attachment.put("url", item.image().url());
            attachment.put("mime_type", item.image().type() == null ? "application/octet-stream" : item.image().type());
            if (item.image().length() >= 0) {
                attachment.put("size_in_bytes", item.image().length());
            }
        }
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
