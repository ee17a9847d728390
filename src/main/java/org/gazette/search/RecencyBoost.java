package org.gazette.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A score multiplier between 1 and {@code 1 + weight} that favours recent stories: a story from
 * today gets the whole weight, one a month old half of it, one a year old a tenth of it.
 */
final class RecencyBoost extends DoubleValuesSource {

    private static final double DAY_MS = 86_400_000d;
    private static final double HALF_LIFE_DAYS = 30;

    private final double weight;
    private final long now;

    RecencyBoost(double weight, long now) {
        this.weight = weight;
        // Rounded to the hour, so equal queries within the hour are equal (and cacheable).
        this.now = now - now % 3_600_000L;
    }

    static double factor(double weight, long now, long published) {
        double ageDays = Math.max(0, (now - published) / DAY_MS);
        return 1 + weight / (1 + ageDays / HALF_LIFE_DAYS);
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), IndexFields.PUBLISHED);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = published.advanceExact(doc) ? factor(weight, now, published.longValue()) : 1;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher reader) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, IndexFields.PUBLISHED);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weight, now);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecencyBoost other && other.weight == weight && other.now == now;
    }

    @Override
    public String toString() {
        return "recency(" + weight + ")";
    }
}
