package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * The best {@code n} hits of a query by its score plus recency points
 * ({@link Recency#points}), added as each hit is collected rather than by a clause of the query.
 *
 * <p>Why: as a clause, recency is one more scorer over every match, and Lucene's skipping of
 * documents that cannot make the page has to reckon with it. Here the query is searched as the
 * reader typed it, and it is told that a document is not worth scoring unless its own score is
 * within {@code points} of the last hit on the page: no story can gain more than that from
 * recency. The hits are exactly those of the sum.
 */
final class RecencyRanking implements CollectorManager<RecencyRanking.Best, TopDocs> {

    /** Worst first: the lowest score, and of equal scores the later document (Lucene's order of ties). */
    private static final Comparator<ScoreDoc> WORST_FIRST =
            Comparator.comparingDouble((ScoreDoc hit) -> hit.score).thenComparing(hit -> -hit.doc);

    private final int n;
    private final float points;
    private final long origin;

    RecencyRanking(int n, float points, long origin) {
        if (n < 1 || !(points >= 0)) {
            throw new IllegalArgumentException("n must be positive and points not negative");
        }
        this.n = n;
        this.points = points;
        this.origin = origin;
    }

    @Override
    public Best newCollector() {
        return new Best();
    }

    @Override
    public TopDocs reduce(Collection<Best> collectors) {
        List<ScoreDoc> all = new ArrayList<>();
        long collected = 0;
        for (Best best : collectors) {
            all.addAll(best.hits);
            collected += best.collected;
        }
        ScoreDoc[] top = all.stream().sorted(WORST_FIRST.reversed()).limit(n).toArray(ScoreDoc[]::new);
        // Skipped documents are not counted: the total comes from counting, not from here.
        return new TopDocs(new TotalHits(collected, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), top);
    }

    /** The best hits of one slice of the index. */
    final class Best implements Collector {
        private final PriorityQueue<ScoreDoc> hits = new PriorityQueue<>(n + 1, WORST_FIRST);
        private long collected;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            NumericDocValues published = DocValues.getNumeric(leaf.reader(), IndexFields.PUBLISHED);
            int base = leaf.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    raiseBar();
                }

                @Override
                public void collect(int doc) throws IOException {
                    collected++;
                    float score = scorer.score();
                    if (published.advanceExact(doc)) {
                        score += Recency.points(points, origin, published.longValue());
                    }
                    ScoreDoc worst = hits.peek();
                    if (hits.size() < n) {
                        hits.add(new ScoreDoc(base + doc, score));
                    } else if (score > worst.score) {
                        // Documents come in order, so an equal score never displaces an earlier one.
                        hits.poll();
                        worst.doc = base + doc;
                        worst.score = score;
                        hits.add(worst);
                    } else {
                        return;
                    }
                    raiseBar();
                }

                /** Once the page is full, what a document's own score must reach to have a chance. */
                private void raiseBar() throws IOException {
                    if (hits.size() == n) {
                        float bar = Math.nextDown(hits.peek().score - points);
                        if (bar > 0) {
                            scorer.setMinCompetitiveScore(bar);
                        }
                    }
                }
            };
        }
    }
}
