package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Other stories about the same subject: the most telling words of the article's headline, tags
 * and body, looked up in the index, with a preference for recent stories; never the article itself
 * nor a copy of it published twice.
 */
final class RelatedStories {

    /**
     * How much of the body is read for telling words. A news story states its subject in the first
     * paragraphs; re-analysing the whole body was most of the cost of an uncached article page.
     */
    static final int BODY_CHARS = 1_500;
    private static final int WORDS = 25;
    /** Candidates ranked by similarity alone, per story wanted, before recency reorders them. */
    private static final int CANDIDATES = 3;
    /** The most a page asks for; a list is worked out at this length and cut to what a caller wants. */
    static final int MOST = 10;
    /** Words of the archive whose story counts are kept between calls (a few MB). */
    private static final int COUNTS_KEPT = 200_000;

    /** Points for a story published today; similarity scores run to a few dozen, so recency only breaks near-ties. */
    private static final float RECENCY = 1f;

    private final SearchIndex index;
    private final TelltaleWords telltale;

    RelatedStories(SearchIndex index) {
        this.index = index;
        this.telltale = new TelltaleWords(index.analyzer(), COUNTS_KEPT);
    }

    /** Up to {@code limit} (at most {@link #MOST}) related stories, newest among near-ties, worked out once per article while it stays unchanged. */
    List<Long> of(long articleId, int limit) throws IOException {
        long[] ids = index.relatedLists().get(articleId, this::workOut);
        return Arrays.stream(ids).limit(limit).boxed().toList();
    }

    private long[] workOut(long articleId) throws IOException {
        try (SearchIndex.Lease lease = index.lease()) {
            FacetSearcher searcher = lease.searcher();
            Term id = new Term(IndexFields.ID, Long.toString(articleId));
            TopDocs self = searcher.search(new TermQuery(id), 1);
            if (self.scoreDocs.length == 0) {
                return new long[0];
            }
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            // Words in one story of twenty say little about its subject, and are the slowest to look up.
            int common = Math.max(50, searcher.getIndexReader().numDocs() / 20);
            List<TelltaleWords.Word> words = telltale.of(text(doc), searcher.getIndexReader(), WORDS, common);
            if (words.isEmpty()) {
                return new long[0];
            }
            BooleanQuery.Builder like = new BooleanQuery.Builder();
            for (TelltaleWords.Word word : words) {
                like.add(new BoostQuery(new TermQuery(word.term()), word.weight()), Occur.SHOULD);
            }
            String fingerprint = doc.get(IndexFields.FINGERPRINT);
            Query query = new BooleanQuery.Builder()
                    .add(like.build(), Occur.MUST)
                    .add(new TermQuery(id), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(IndexFields.FINGERPRINT, fingerprint)), Occur.MUST_NOT)
                    .build();
            // Recency is added to the best candidates rather than to the query: a pure similarity
            // query lets Lucene skip stories that cannot make the top, a third of the cost.
            ScoreDoc[] candidates = searcher.search(query, MOST * CANDIDATES).scoreDocs;
            preferRecent(searcher, candidates, System.currentTimeMillis());
            return distinct(searcher, candidates, MOST);
        }
    }

    /** Adds up to {@link #RECENCY} points (half of it a month away from now) and sorts again. */
    private static void preferRecent(FacetSearcher searcher, ScoreDoc[] hits, long now) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc hit : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues published = DocValues.getNumeric(leaf.reader(), IndexFields.PUBLISHED);
            if (published.advanceExact(hit.doc - leaf.docBase)) {
                hit.score += Recency.points(RECENCY, now, published.longValue());
            }
        }
        Arrays.sort(hits, (a, b) -> Float.compare(b.score, a.score));
    }

    /** The text words are drawn from: headline, tags and the start of the body, by field. */
    private static Map<String, String> text(Document doc) {
        String lang = doc.get(IndexFields.LANGUAGE);
        Map<String, String> text = new LinkedHashMap<>();
        for (String name : List.of(IndexFields.HEADLINE, IndexFields.TAGS, IndexFields.BODY)) {
            String field = IndexFields.field(name, lang);
            String value = doc.get(field);
            if (value != null && name.equals(IndexFields.BODY) && value.length() > BODY_CHARS) {
                int cut = value.lastIndexOf(' ', BODY_CHARS);
                value = value.substring(0, cut > 0 ? cut : BODY_CHARS);
            }
            if (value != null) {
                text.put(field, value);
            }
        }
        return text;
    }

    /** Ids of the hits in order, two copies of one story counted once; read from doc values, not stored documents. */
    private static long[] distinct(FacetSearcher searcher, ScoreDoc[] hits, int limit) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<Long> ids = new ArrayList<>();
        Set<BytesRef> seen = new HashSet<>();
        for (ScoreDoc hit : hits) {
            if (ids.size() == limit) {
                break;
            }
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            int doc = hit.doc - leaf.docBase;
            SortedDocValues fingerprints = DocValues.getSorted(leaf.reader(), IndexFields.FINGERPRINT);
            if (fingerprints.advanceExact(doc) && !seen.add(BytesRef.deepCopyOf(fingerprints.lookupOrd(fingerprints.ordValue())))) {
                continue;
            }
            ids.add(Highlights.id(searcher, hit.doc));
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
