package org.gazette.publish;

import java.time.Instant;
import java.util.List;
import org.gazette.article.LeadImage;

/**
 * An article as a writer hands it in, naming its section, tags and byline by display name.
 * Every way of publishing (Markdown files, the back office, partner feeds) produces one of these.
 */
public record Submission(
        String slug,
        String headline,
        String deck,
        String bodyMarkdown,
        String section,
        List<String> tags,
        List<String> authors,
        String source,
        String sourceUrl,
        String originalUrl,
        Instant published,
        String language,
        LeadImage image) {

    public Submission {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
    }
}
