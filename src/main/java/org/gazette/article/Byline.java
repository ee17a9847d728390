package org.gazette.article;

import java.util.List;
import org.gazette.catalog.Author;
import org.gazette.catalog.Source;

/**
 * Who an article is by: one or more staff authors, or, for a republished article,
 * the partner outlet it came from and the address of the original.
 */
public record Byline(List<Author> authors, Source source, String originalUrl) {

    public Byline {
        authors = List.copyOf(authors);
        if (source == null && authors.isEmpty()) {
            throw new IllegalArgumentException("A byline names staff authors or a source outlet");
        }
        if (source != null && !authors.isEmpty()) {
            throw new IllegalArgumentException("A byline names staff authors or a source outlet, not both");
        }
    }

    public static Byline staff(List<Author> authors) {
        return new Byline(authors, null, null);
    }

    public static Byline republished(Source source, String originalUrl) {
        return new Byline(List.of(), source, originalUrl);
    }

    public boolean isRepublished() {
        return source != null;
    }

    /** The names as one line of text, for feeds and the search index. */
    public String names() {
        if (isRepublished()) {
            return source.name();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < authors.size(); i++) {
            if (i > 0) {
                text.append(i == authors.size() - 1 ? " and " : ", ");
            }
            text.append(authors.get(i).name());
        }
        return text.toString();
    }
}
