package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Other stories about the same subject: the most telling words of the article's headline, tags
 * and body, looked up in the index, with a preference for recent stories; never the article itself
 * nor a copy of it published twice.
 */
final class RelatedStories {

    /**
     * How much of the body MoreLikeThis reads. A news story states its subject in the first
     * paragraphs; re-analysing the whole body was most of the cost of an uncached article page.
     */
    static final int BODY_CHARS = 1_500;

    /** Points for a story published today; MoreLikeThis scores run to a few dozen, so recency only breaks near-ties. */
    private static final double RECENCY = 1.0;

    private final SearchIndex index;

    RelatedStories(SearchIndex index) {
        this.index = index;
    }

    List<Long> of(long articleId, int limit) throws IOException {
        try (SearchIndex.Lease lease = index.lease()) {
            FacetSearcher searcher = lease.searcher();
            Term id = new Term(IndexFields.ID, Long.toString(articleId));
            TopDocs self = searcher.search(new TermQuery(id), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc);
            String lang = doc.get(IndexFields.LANGUAGE);
            Map<String, Collection<Object>> text = new HashMap<>();
            for (String name : List.of(IndexFields.HEADLINE, IndexFields.TAGS, IndexFields.BODY)) {
                String field = IndexFields.field(name, lang);
                String value = doc.get(field);
                if (value != null && name.equals(IndexFields.BODY) && value.length() > BODY_CHARS) {
                    value = value.substring(0, value.lastIndexOf(' ', BODY_CHARS) > 0 ? value.lastIndexOf(' ', BODY_CHARS) : BODY_CHARS);
                }
                if (value != null) {
                    text.put(field, List.of(value));
                }
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzer());
            mlt.setFieldNames(text.keySet().toArray(String[]::new));
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(25);
            // Words in one story of twenty say little about its subject, and are the slowest to look up.
            mlt.setMaxDocFreq(Math.max(50, searcher.getIndexReader().numDocs() / 20));
            mlt.setBoost(true);
            Query like = mlt.like(text);
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(QueryBuilder.recency(RECENCY, System.currentTimeMillis()), Occur.SHOULD)
                    .add(new TermQuery(id), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(IndexFields.FINGERPRINT, doc.get(IndexFields.FINGERPRINT))), Occur.MUST_NOT)
                    .build();
            List<Long> ids = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ScoreDoc sd : searcher.search(query, limit * 2).scoreDocs) {
                Document other = searcher.storedFields().document(sd.doc);
                // Two copies of one story are one related story.
                if (ids.size() < limit && seen.add(other.get(IndexFields.FINGERPRINT))) {
                    ids.add(Long.parseLong(other.get(IndexFields.ID)));
                }
            }
            return ids;
        }
    }
}
