package org.gazette.syndication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Decides whether an incoming item is an article Gazette already has. In order: the same GUID
 * from the same outlet; else the same normalized link from anyone; else a near-identical text
 * (MinHash of the body's shingles) among items taken in over the last 14 days from any outlet.
 *
 * <p>One instance serves one poll: it reads the recent fingerprints once and adds each new
 * item's own, so duplicates within a single feed are caught too.
 */
final class Deduplicator {

    static final Duration WINDOW = Duration.ofDays(14);

    /** An item row already stored, and how it was found. */
    record Known(long rowId, long articleId, long sourceId, boolean copy, String itemHash, String articleHash, String matchedBy) {
    }

    private record Recent(long rowId, int[] fingerprint) {
    }

    /**
     * Fingerprints bucketed by each pair of slots (locality-sensitive hashing), so a new item is compared
     * only with texts that agree with it on at least one pair; at the same-story threshold a true match
     * shares a pair with near certainty (1 - 0.75^32).
     */
    private final Map<Long, List<Recent>> buckets = new HashMap<>();

    Deduplicator(Handle h, Instant now) {
        h.createQuery("select id, fingerprint from ingest_item where first_seen_at >= :since and fingerprint is not null")
                .bind("since", SubscriptionStore.utc(now.minus(WINDOW)))
                .map((rs, ctx) -> new Recent(rs.getLong(1), MinHash.decode(rs.getString(2))))
                .forEach(r -> remember(r.rowId(), r.fingerprint()));
    }

    Optional<Known> find(Handle h, long sourceId, String guidKey, String linkKey, int[] fingerprint) {
        if (guidKey != null) {
            Optional<Known> byGuid = one(h, "source_id = :source and guid_key = :key order by is_copy, id",
                    Map.of("source", sourceId, "key", guidKey), "guid");
            if (byGuid.isPresent()) {
                return byGuid;
            }
        }
        if (linkKey != null) {
            // Prefer this outlet's own row, then the original over copies.
            Optional<Known> byLink = one(h, "link_key = :key order by case when source_id = :source then 0 else 1 end, is_copy, id",
                    Map.of("source", sourceId, "key", linkKey), "link");
            if (byLink.isPresent()) {
                return byLink;
            }
        }
        if (fingerprint != null) {
            Recent best = null;
            double bestSimilarity = 0;
            for (int band = 0; band < MinHash.SLOTS / 2; band++) {
                for (Recent candidate : buckets.getOrDefault(bandKey(fingerprint, band), List.of())) {
                    double similarity = MinHash.similarity(candidate.fingerprint(), fingerprint);
                    if (similarity >= MinHash.SAME_STORY && similarity > bestSimilarity) {
                        best = candidate;
                        bestSimilarity = similarity;
                    }
                }
            }
            if (best != null) {
                return one(h, "id = :key", Map.of("key", best.rowId()), "text");
            }
        }
        return Optional.empty();
    }

    /** Remembers a newly stored row's fingerprint for the rest of this poll. */
    void remember(long rowId, int[] fingerprint) {
        if (fingerprint == null) {
            return;
        }
        Recent recent = new Recent(rowId, fingerprint);
        for (int band = 0; band < MinHash.SLOTS / 2; band++) {
            buckets.computeIfAbsent(bandKey(fingerprint, band), k -> new ArrayList<>()).add(recent);
        }
    }

    private static long bandKey(int[] fingerprint, int band) {
        return ((long) band << 58) ^ ((long) fingerprint[2 * band] << 29) ^ (fingerprint[2 * band + 1] & 0xffffffffL);
    }

    private static Optional<Known> one(Handle h, String condition, Map<String, Object> params, String how) {
        return h.createQuery("select id, article_id, source_id, is_copy, item_hash, article_hash from ingest_item where "
                        + condition + " limit 1")
                .bindMap(params)
                .map((rs, ctx) -> new Known(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5),
                        rs.getString(6), how))
                .findOne();
    }
}
