package org.gazette.syndication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A partner feed Gazette follows, and how its items are filed: under which outlet's name,
 * in which section with which tags and language, published at once or held as drafts for review.
 */
public record FeedSubscription(long id, String feedUrl, String sourceName, String sourceUrl, String sourceLogo,
                               String section, List<String> tags, String language, Mode mode, Duration every,
                               boolean enabled, Status status) {

    public FeedSubscription {
        tags = List.copyOf(tags);
    }

    /** What happens to a new item: out on the site at once, or a draft until an editor publishes it. */
    public enum Mode {
        PUBLISH, REVIEW
    }

    /**
     * How the feed has been doing. Counts are from the last poll that read the feed;
     * {@code lastError} is null after a successful poll.
     */
    public record Status(Instant nextPollAt, int failures, Instant lastPollAt, Instant lastSuccessAt, Integer lastHttpStatus,
                         int seen, int added, int updated, int duplicates, int refused, String lastError) {
    }

    /** What a new subscription asks for; the store fills in the rest. */
    public record Request(String feedUrl, String sourceName, String sourceUrl, String sourceLogo, String section,
                          List<String> tags, String language, Mode mode, Duration every) {
        public Request {
            tags = List.copyOf(tags);
        }
    }
}
