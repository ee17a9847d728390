package org.gazette.feed;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of feed every scope is served in, named by the extension of their address. */
public enum FeedFormat {
    RSS("rss", "application/rss+xml; charset=utf-8", "RSS 2.0"),
    ATOM("atom", "application/atom+xml; charset=utf-8", "Atom 1.0"),
    JSON("json", "application/feed+json; charset=utf-8", "JSON Feed");

    private final String extension;
    private final String contentType;
    private final String label;

    FeedFormat(String extension, String contentType, String label) {
        this.extension = extension;
        this.contentType = contentType;
        this.label = label;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The MIME type without parameters, for {@code <link rel="alternate" type=...>}. */
    public String mediaType() {
        return contentType.substring(0, contentType.indexOf(';'));
    }

    public String label() {
        return label;
    }

    public static Optional<FeedFormat> byExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }
}
