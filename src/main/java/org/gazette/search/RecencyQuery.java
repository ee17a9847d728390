package org.gazette.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Points for being recent: {@code points * pivot / (pivot + |origin - published|)}, so a story
 * published at {@code origin} gets all of them and one {@code pivot} away half (the curve of
 * Lucene's distance feature query).
 *
 * <p>Why not that query: this one can be limited to the documents another query matches, so that
 * recency can join the words' own clauses in one flat disjunction, which Lucene searches for its
 * top hits far faster than "words must match, recency should" (see {@link QueryBuilder#ranking}).
 */
final class RecencyQuery extends Query {

    private final String field;
    private final float points;
    private final long origin;
    private final long pivot;
    /** Null: every document with a publication time; else only the documents this query matches. */
    private final Query within;

    RecencyQuery(String field, float points, long origin, long pivot) {
        this(field, points, origin, pivot, null);
    }

    /**
     * Scores only the documents {@code within} matches, for a ranked query that must stay one flat
     * disjunction or conjunction (which Lucene searches fastest) rather than "must + should".
     */
    RecencyQuery(String field, float points, long origin, long pivot, Query within) {
        if (pivot <= 0 || !(points >= 0)) {
            throw new IllegalArgumentException("pivot must be positive and points not negative");
        }
        this.field = field;
        this.points = points;
        this.origin = origin;
        this.pivot = pivot;
        this.within = within;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query inner = within == null ? null : within.rewrite(searcher);
        return inner == within ? super.rewrite(searcher) : new RecencyQuery(field, points, origin, pivot, inner);
    }

    static float points(float points, long origin, long pivot, long published) {
        long distance = published >= origin ? published - origin : origin - published;
        if (distance < 0) {
            distance = Long.MAX_VALUE;
        }
        return (float) (points * ((double) pivot / (pivot + (double) distance)));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        float most = points * boost;
        Weight matching = within == null ? null : searcher.createWeight(within, ScoreMode.COMPLETE_NO_SCORES, 1f);
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext leaf) throws IOException {
                if (leaf.reader().getFieldInfos().fieldInfo(field) == null) {
                    return null;
                }
                DocIdSetIterator docs = null;
                if (matching != null) {
                    Scorer inner = matching.scorer(leaf);
                    if (inner == null) {
                        return null;
                    }
                    docs = inner.iterator();
                }
                return new Recent(this, DocValues.getNumeric(leaf.reader(), field), docs, most);
            }

            @Override
            public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
                if (matching != null && !matching.explain(leaf, doc).isMatch()) {
                    return Explanation.noMatch("not within " + within);
                }
                NumericDocValues values = DocValues.getNumeric(leaf.reader(), field);
                if (!values.advanceExact(doc)) {
                    return Explanation.noMatch("no " + field + " value");
                }
                return Explanation.match(points(most, origin, pivot, values.longValue()),
                        "recency of " + field + "=" + values.longValue() + " to " + origin + ", pivot " + pivot);
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return DocValues.isCacheable(leaf, field) && (matching == null || matching.isCacheable(leaf));
            }
        };
    }

    /** Scores from the doc values, over {@code docs} (null: the documents that have a value). */
    private final class Recent extends Scorer {
        private final NumericDocValues values;
        private final DocIdSetIterator docs;
        private final float most;

        Recent(Weight weight, NumericDocValues values, DocIdSetIterator docs, float most) {
            super(weight);
            this.values = values;
            this.docs = docs == null ? values : docs;
            this.most = most;
        }

        @Override
        public int docID() {
            return docs.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return docs;
        }

        @Override
        public float score() throws IOException {
            int doc = docs.docID();
            if (values.docID() != doc && !values.advanceExact(doc)) {
                return 0;
            }
            return points(most, origin, pivot, values.longValue());
        }

        @Override
        public float getMaxScore(int upTo) {
            return most;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (within != null) {
            within.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.FILTER, this));
        }
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String f) {
        return "recency(" + field + ", points=" + points + ", origin=" + origin + ", pivot=" + pivot
                + (within == null ? "" : ", within " + within.toString(f)) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((RecencyQuery) other).field) && points == ((RecencyQuery) other).points
                && origin == ((RecencyQuery) other).origin && pivot == ((RecencyQuery) other).pivot
                && Objects.equals(within, ((RecencyQuery) other).within);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, points, origin, pivot, within);
    }
}
