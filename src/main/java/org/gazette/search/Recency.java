package org.gazette.search;

/**
 * Points for being recent: {@code points * pivot / (pivot + |origin - published|)}, so a story
 * published at {@code origin} gets all of them and one {@link #PIVOT_MS} away half (the curve of
 * Lucene's distance feature query). Search adds them to each hit as it is collected
 * ({@link RecencyRanking}); related stories add them to their candidates.
 */
final class Recency {

    /** A story a month from the origin gets half the points. */
    static final long PIVOT_MS = 30L * 86_400_000L;

    private Recency() {
    }

    static float points(float points, long origin, long published) {
        long distance = published >= origin ? published - origin : origin - published;
        if (distance < 0) {
            distance = Long.MAX_VALUE;
        }
        return (float) (points * ((double) PIVOT_MS / (PIVOT_MS + (double) distance)));
    }
}
