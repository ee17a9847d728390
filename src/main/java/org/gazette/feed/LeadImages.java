package org.gazette.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gazette.article.LeadImage;

/**
 * Describes a lead image for feeds: its absolute address, its media type from the file name,
 * and its size in bytes when the file is one the site serves itself from {@code /assets}.
 */
public final class LeadImages {

    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "avif", "image/avif", "svg", "image/svg+xml");

    private final AbsoluteUrls urls;
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

    public LeadImages(AbsoluteUrls urls) {
        this.urls = urls;
    }

    public FeedItem.Media describe(LeadImage image) {
        if (image == null) {
            return null;
        }
        return new FeedItem.Media(XmlText.clean(urls.of(image.url())), typeOf(image.url()), sizeOf(image.url()),
                XmlText.clean(image.alt()));
    }

    /** The media type by extension, or null when the name does not tell. */
    static String typeOf(String url) {
        String path = url.replaceAll("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private long sizeOf(String url) {
        if (!url.startsWith("/assets/") || url.contains("..")) {
            return -1;
        }
        return sizes.computeIfAbsent(url, LeadImages::bundledSize);
    }

    private static long bundledSize(String url) {
        try (InputStream in = LeadImages.class.getResourceAsStream("/public" + url.replaceAll("[?#].*$", ""))) {
            return in == null ? -1 : in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            return -1;
        }
    }
}
