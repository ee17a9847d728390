package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

/**
 * Counts every match of a query and its facet values (the same numbers as Lucene's sorted-set
 * facet counts). Each segment's facet ordinals are copied once into plain arrays, so counting a
 * match is a few array increments instead of decoding doc values; the copy lives as long as the
 * segment (a few MB for 100,000 articles). Each reader also knows the values of all its live
 * documents, so a query matching most of them counts the few that do not match instead.
 */
final class FacetCounter {

    /**
     * One segment's facet ordinals. Document d's first {@link #WIDTH} values are at
     * {@code fixed[d * WIDTH]} onwards, padded with {@code valueCount} (a counter nobody reads); any
     * more are {@code extraOrds[extraStarts[d]]} up to {@code extraOrds[extraStarts[d + 1]]}. A fixed
     * width lets counting add a document's values without a loop whose length changes from one
     * document to the next (its mispredicted exits were half the cost of counting).
     */
    record SegmentOrds(int[] fixed, int[] extraStarts, int[] extraOrds, int valueCount) {
    }

    /** A section, a year, an author or source, and a few tags: most articles have five or six values. */
    static final int WIDTH = 6;

    /** What a count found: how many matched, and the matches per global facet ordinal. */
    record Counted(long total, int[] counts) {
    }

    /** How many live documents a segment has, and the values of all of them. */
    private record Totals(int docs, int[] counts) {
    }

    /** Segment copies by segment core, dropped when the segment closes. */
    private static final Map<Object, SegmentOrds> SEGMENTS = new ConcurrentHashMap<>();
    /** The deleted documents of each segment, by segment and its deletions. */
    private static final Map<Object, int[]> DELETED = new ConcurrentHashMap<>();
    /**
     * Totals by segment and its deletions, made the first time a query matches most of a segment:
     * an index refresh (every publish) then costs nothing for segments it did not touch.
     */
    private static final Map<Object, Totals> TOTALS = new ConcurrentHashMap<>();

    private final SortedSetDocValuesReaderState state;
    /** Matches are read afresh every time: no cache of earlier queries' matches. */
    private final IndexSearcher uncached;
    private final List<SegmentOrds> segments = new ArrayList<>();
    private final List<LongValues> toGlobal = new ArrayList<>();
    /** The last path element of each global ordinal, read at the first page of facets after a refresh. */
    private volatile String[] labels;

    /** The arrays of every segment of {@code state}'s reader (made for new segments only). */
    FacetCounter(SortedSetDocValuesReaderState state) throws IOException {
        this.state = state;
        IndexReader reader = state.getReader();
        this.uncached = new IndexSearcher(reader);
        uncached.setQueryCache(null);
        SortedSetDocValues all = state.getDocValues();
        MultiDocValues.MultiSortedSetDocValues multi = all instanceof MultiDocValues.MultiSortedSetDocValues m ? m : null;
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader segmentReader = leaf.reader();
            SegmentOrds ords = kept(SEGMENTS, segmentReader.getCoreCacheHelper(), () -> read(segmentReader));
            segments.add(ords);
            toGlobal.add(multi == null || multi.mapping == null ? LongValues.IDENTITY : multi.mapping.getGlobalOrds(leaf.ord));
        }
    }

    /**
     * Has the tallies of common words made for every segment of this reader, as the first searches
     * do, and waits for them; returns how many there are.
     */
    int awaitCommonWords() throws InterruptedException, java.util.concurrent.ExecutionException {
        for (LeafReaderContext leaf : state.getReader().leaves()) {
            commonWords(leaf);
        }
        CommonWords.awaitMade();
        int tallies = 0;
        for (LeafReaderContext leaf : state.getReader().leaves()) {
            tallies += commonWords(leaf).size();
        }
        return tallies;
    }

    private CommonWords commonWords(LeafReaderContext leaf) {
        return CommonWords.of(leaf.reader(), segments.get(leaf.ord), state.getReader().maxDoc());
    }

    /** The value (a tag's name, say) of global ordinal {@code ord}. */
    String label(int ord) throws IOException {
        String[] known = labels;
        if (known == null) {
            // Publishing refreshes the reader often; only a results page needs the labels.
            SortedSetDocValues all = state.getDocValues();
            known = new String[state.getSize()];
            for (int o = 0; o < known.length; o++) {
                String[] path = FacetsConfig.stringToPath(all.lookupOrd(o).utf8ToString());
                known[o] = path[path.length - 1];
            }
            labels = known;
        }
        return known[ord];
    }

    /** What {@code make} gives, kept in {@code kept} until the reader part {@code owner} describes closes. */
    private static <T> T kept(Map<Object, T> kept, IndexReader.CacheHelper owner, Make<T> make) throws IOException {
        if (owner == null) {
            return make.get();
        }
        T known = kept.get(owner.getKey());
        if (known != null) {
            return known;
        }
        T made = make.get();
        if (kept.putIfAbsent(owner.getKey(), made) == null) {
            owner.addClosedListener(kept::remove);
        }
        return made;
    }

    private interface Make<T> {
        T get() throws IOException;
    }

    private static Totals totals(LeafReader reader, SegmentOrds segment) {
        int[] counts = new int[segment.valueCount()];
        long docs = tally(new FixedBitSet(reader.maxDoc()), true, reader.getLiveDocs(), segment, counts);
        return new Totals((int) docs, counts);
    }

    private static SegmentOrds read(LeafReader reader) throws IOException {
        int maxDoc = reader.maxDoc();
        SortedSetDocValues values = DocValues.getSortedSet(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        int valueCount = (int) values.getValueCount();
        int[] fixed = new int[maxDoc * WIDTH];
        java.util.Arrays.fill(fixed, valueCount);
        int[] extraStarts = new int[maxDoc + 1];
        int[] extraOrds = new int[16];
        int extras = 0;
        int doc = 0;
        for (int d = values.nextDoc(); d != SortedSetDocValues.NO_MORE_DOCS; d = values.nextDoc()) {
            while (doc <= d) {
                extraStarts[doc++] = extras;
            }
            int count = values.docValueCount();
            for (int i = 0; i < count; i++) {
                int ord = (int) values.nextOrd();
                if (i < WIDTH) {
                    fixed[d * WIDTH + i] = ord;
                } else {
                    if (extras == extraOrds.length) {
                        extraOrds = java.util.Arrays.copyOf(extraOrds, extras * 2);
                    }
                    extraOrds[extras++] = ord;
                }
            }
        }
        while (doc <= maxDoc) {
            extraStarts[doc++] = extras;
        }
        return new SegmentOrds(fixed, extraStarts, java.util.Arrays.copyOf(extraOrds, extras), valueCount);
    }

    /**
     * Counts the live matches of {@code query} in the reader this counter was made for: through
     * the tally of a common word when the query is one, else from the matches of each segment
     * gathered in a bit set.
     */
    Counted count(Query query) throws IOException {
        List<Term> anyOf = AnyTerm.of(query);
        Weight weight = anyOf != null ? null
                : uncached.createWeight(uncached.rewrite(new ConstantScoreQuery(query)), ScoreMode.COMPLETE_NO_SCORES, 1f);
        int[] global = new int[state.getSize()];
        long total = 0;
        for (LeafReaderContext leaf : uncached.getIndexReader().leaves()) {
            SegmentOrds segment = segments.get(leaf.ord);
            CommonWords.Tally tally = anyOf == null ? null : commonWords(leaf).commonest(anyOf);
            int[] counts = new int[segment.valueCount()];
            long found;
            if (tally != null) {
                found = countThrough(tally, anyOf, leaf.reader(), segment, counts);
            } else {
                FixedBitSet hits = anyOf != null ? AnyTerm.matches(anyOf, leaf.reader()) : matches(weight, leaf);
                if (hits == null) {
                    continue;
                }
                found = countMatches(hits, leaf.reader(), segment, counts);
            }
            total += found;
            LongValues map = toGlobal.get(leaf.ord);
            for (int ord = 0; ord < counts.length; ord++) {
                if (counts[ord] > 0) {
                    global[(int) map.get(ord)] += counts[ord];
                }
            }
        }
        return new Counted(total, global);
    }

    /**
     * The live documents of {@code anyOf} in one segment, counted from the tally of its commonest
     * word: the documents only its other terms hold are added, and deleted ones taken off.
     */
    private static long countThrough(CommonWords.Tally tally, List<Term> anyOf, LeafReader reader, SegmentOrds segment,
                                     int[] counts) throws IOException {
        System.arraycopy(tally.counts(), 0, counts, 0, counts.length);
        long found = tally.docCount();
        Bits live = reader.getLiveDocs();
        if (live != null) {
            for (int doc : kept(DELETED, reader.getReaderCacheHelper(), () -> deleted(reader))) {
                if (tally.docs().get(doc)) {
                    subtract(segment, doc, counts);
                    found--;
                }
            }
        }
        List<Term> rest = anyOf.stream().filter(term -> !term.equals(tally.body()) && !term.equals(tally.match())).toList();
        FixedBitSet others = AnyTerm.matches(rest, reader);
        others.andNot(tally.docs());
        return found + tally(others, false, live, segment, counts);
    }

    private static int[] deleted(LeafReader reader) {
        Bits live = reader.getLiveDocs();
        int[] docs = new int[reader.numDeletedDocs()];
        int n = 0;
        for (int doc = 0; doc < reader.maxDoc() && n < docs.length; doc++) {
            if (!live.get(doc)) {
                docs[n++] = doc;
            }
        }
        return docs;
    }

    /** Takes one document's values off {@code counts}. */
    private static void subtract(SegmentOrds segment, int doc, int[] counts) {
        for (int i = doc * WIDTH; i < (doc + 1) * WIDTH; i++) {
            if (segment.fixed()[i] != segment.valueCount()) {
                counts[segment.fixed()[i]]--;
            }
        }
        for (int i = segment.extraStarts()[doc]; i < segment.extraStarts()[doc + 1]; i++) {
            counts[segment.extraOrds()[i]]--;
        }
    }

    /**
     * The live documents among {@code hits}, their values added to {@code counts}. When they are
     * most of the segment, the documents that do not match are counted and taken from its totals.
     */
    private static long countMatches(FixedBitSet hits, LeafReader reader, SegmentOrds segment, int[] counts) throws IOException {
        Bits live = reader.getLiveDocs();
        if (hits.cardinality() * 2L <= reader.maxDoc()) {
            return tally(hits, false, live, segment, counts);
        }
        Totals totals = kept(TOTALS, reader.getReaderCacheHelper(), () -> totals(reader, segment));
        long found = totals.docs() - tally(hits, true, live, segment, counts);
        for (int ord = 0; ord < counts.length; ord++) {
            counts[ord] = totals.counts()[ord] - counts[ord];
        }
        return found;
    }

    /** Every document (live or not) {@code weight} matches in {@code leaf}; null for none. */
    private static FixedBitSet matches(Weight weight, LeafReaderContext leaf) throws IOException {
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer == null) {
            return null;
        }
        FixedBitSet hits = new FixedBitSet(leaf.reader().maxDoc());
        // Lucene's bulk scorers fill a window at a time (a disjunction without its priority queue).
        scorer.score(new LeafCollector() {
            @Override
            public void setScorer(Scorable ignored) {
            }

            @Override
            public void collect(int doc) {
                hits.set(doc);
            }
        }, null);
        return hits;
    }

    /** Adds the values of the live documents in {@code hits} (or, {@code inverted}, not in it); returns how many there were. */
    static long tally(FixedBitSet hits, boolean inverted, Bits live, SegmentOrds segment, int[] counts) {
        int[] fixed = segment.fixed();
        int[] extraStarts = segment.extraStarts();
        int[] extraOrds = segment.extraOrds();
        int[] local = new int[segment.valueCount() + 1];
        long[] words = hits.getBits();
        int maxDoc = hits.length();
        long n = 0;
        for (int w = 0, nwords = (maxDoc + 63) >>> 6; w < nwords; w++) {
            long bits = inverted ? ~words[w] : words[w];
            if (w == nwords - 1 && (maxDoc & 63) != 0) {
                bits &= (1L << maxDoc) - 1;
            }
            while (bits != 0) {
                int doc = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int at = doc * WIDTH; // written out for WIDTH = 6
                local[fixed[at]]++;
                local[fixed[at + 1]]++;
                local[fixed[at + 2]]++;
                local[fixed[at + 3]]++;
                local[fixed[at + 4]]++;
                local[fixed[at + 5]]++;
                for (int i = extraStarts[doc], end = extraStarts[doc + 1]; i < end; i++) {
                    local[extraOrds[i]]++;
                }
                n++;
            }
        }
        for (int ord = 0; ord < counts.length; ord++) {
            counts[ord] += local[ord];
        }
        return n;
    }
}
