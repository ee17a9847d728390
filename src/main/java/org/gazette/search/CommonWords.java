package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The commonest words of one segment, each with the documents that hold it and the facet values
 * of those documents, counted once for the segment's life. A one-word search for a common word
 * ("water", "minister") is the dearest to count: reading its postings and tallying tens of
 * thousands of documents was half of such a search (JFR). With its tally made ahead, counting it
 * reads only what other languages and the byline add, and what was deleted since.
 *
 * <p>A word's documents are those holding it in a language's body or catch-all field, the two
 * terms {@link QueryBuilder#countingClause} asks for. Segments never change, so a tally stays right
 * until its segment is merged away; deletions are taken off when counting. Made for the words of
 * at least one document in {@value #SHARE} (and {@value #LEAST} documents), commonest first,
 * within a memory budget.
 */
final class CommonWords {

    private static final int SHARE = 16;
    static final int LEAST = 256;
    /**
     * The tallies of all segments take at most this share of the heap: 4 MB of a 256 MB heap, the
     * tallies of the 200 or so commonest words of 100,000 stories.
     */
    private static final int HEAP_SHARE = 64;

    /**
     * One word in one language: its {@code body} and {@code match} terms, the documents holding
     * either (deleted ones included) and how many of them hold each facet value.
     */
    record Tally(Term body, Term match, FixedBitSet docs, int docCount, int[] counts) {
    }

    static final CommonWords NONE = new CommonWords(Map.of());

    /** Tallies by segment core ({@link #NONE} while they are being made), dropped when the segment closes. */
    private static final Map<Object, CommonWords> MADE = new ConcurrentHashMap<>();
    /**
     * Tallies are made on a thread of their own, so no search waits for them: made while the index
     * opened, they held a start of the site on 100,000 stories back by a third of a second.
     * Meanwhile their words are counted the longer way, with the same result.
     */
    private static final ExecutorService MAKER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "gazette-common-words");
        thread.setDaemon(true);
        return thread;
    });

    /** By body term. */
    private final Map<Term, Tally> tallies;

    private CommonWords(Map<Term, Tally> tallies) {
        this.tallies = tallies;
    }

    int size() {
        return tallies.size();
    }

    /** The tally of the commonest of {@code terms} made for this segment, or null. */
    Tally commonest(List<Term> terms) {
        Tally best = null;
        for (Term term : terms) {
            Tally tally = tallies.get(term);
            if (tally != null && (best == null || tally.docCount() > best.docCount())) {
                best = tally;
            }
        }
        return best;
    }

    /**
     * The tallies of {@code segment}, or {@link #NONE} while they are being made: the first call for
     * a segment starts making them. Its share of the budget is its share of the documents of the
     * reader ({@code readerDocs}) it is first counted in. Made at the first count rather than when
     * a searcher opens, so a bulk publish, which refreshes the index often and searches nothing,
     * makes none.
     */
    static CommonWords of(LeafReader segment, FacetCounter.SegmentOrds ords, int readerDocs) {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null || segment.maxDoc() < LEAST) {
            return NONE;
        }
        CommonWords made = MADE.get(core.getKey());
        if (made != null || MADE.putIfAbsent(core.getKey(), NONE) != null) {
            return made == null ? NONE : made;
        }
        core.addClosedListener(MADE::remove);
        long budgetBytes = Runtime.getRuntime().maxMemory() / HEAP_SHARE * segment.maxDoc() / Math.max(1, readerDocs);
        MAKER.execute(() -> {
            try {
                // Replaces only the mark: a segment merged away meanwhile has none.
                MADE.replace(core.getKey(), NONE, make(segment, ords, budgetBytes));
            } catch (AlreadyClosedException e) {
                // Merged away while being read: nothing to keep.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return NONE;
    }

    /** Waits until the tallies of every segment seen so far are made. */
    static void awaitMade() throws InterruptedException, ExecutionException {
        MAKER.submit(() -> { }).get();
    }

    /** The tallies of {@code reader}'s commonest words that fit in {@code budgetBytes}. */
    private static CommonWords make(LeafReader reader, FacetCounter.SegmentOrds ords, long budgetBytes) throws IOException {
        int maxDoc = reader.maxDoc();
        int least = Math.max(LEAST, maxDoc / SHARE);
        long each = maxDoc / 8 + 4L * ords.valueCount() + 200;
        record Candidate(String lang, BytesRef word, int docFreq) {
        }
        List<Candidate> found = new ArrayList<>();
        for (String lang : NewsAnalyzer.LANGUAGES) {
            Map<BytesRef, Integer> common = new HashMap<>();
            for (String name : List.of(IndexFields.BODY, IndexFields.MATCH)) {
                Terms terms = reader.terms(IndexFields.field(name, lang));
                if (terms == null || terms.getDocCount() < least) {
                    continue;
                }
                TermsEnum words = terms.iterator();
                for (BytesRef word = words.next(); word != null; word = words.next()) {
                    if (words.docFreq() >= least) {
                        common.merge(BytesRef.deepCopyOf(word), words.docFreq(), Math::max);
                    }
                }
            }
            common.forEach((word, docFreq) -> found.add(new Candidate(lang, word, docFreq)));
        }
        found.sort((a, b) -> Integer.compare(b.docFreq(), a.docFreq()));
        Map<Term, Tally> tallies = new HashMap<>();
        for (Candidate candidate : found) {
            if ((tallies.size() + 1) * each > budgetBytes) {
                break;
            }
            Term body = new Term(IndexFields.field(IndexFields.BODY, candidate.lang()), candidate.word());
            Term match = new Term(IndexFields.field(IndexFields.MATCH, candidate.lang()), candidate.word());
            FixedBitSet docs = AnyTerm.matches(List.of(body, match), reader);
            int[] counts = new int[ords.valueCount()];
            FacetCounter.tally(docs, false, null, ords, counts);
            tallies.put(body, new Tally(body, match, docs, docs.cardinality(), counts));
        }
        return new CommonWords(Map.copyOf(tallies));
    }
}
