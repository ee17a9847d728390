package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import java.text.BreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Headlines and best body passages of a page of hits, with the query's words in {@code <mark>}. */
final class Highlights {

    private static final String[] FIELDS = fields();
    private static final int SNIPPET_MIN = 140;
    private static final SnippetScorer SCORER = new SnippetScorer();
    private static final java.util.Set<String> HEADLINES = java.util.Set.copyOf(IndexFields.allLanguages(IndexFields.HEADLINE));

    private Highlights() {
    }

    private static String[] fields() {
        List<String> fields = new ArrayList<>(IndexFields.allLanguages(IndexFields.HEADLINE));
        fields.addAll(IndexFields.allLanguages(IndexFields.BODY));
        return fields.toArray(String[]::new);
    }

    /** {@code query} may be null (a page of filters only): then nothing is marked and the body gives no snippet. */
    static List<SearchHit> of(FacetSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page) throws IOException {
        // The query's own matching (which marks a phrase as one span) is dear; for one word looking
        // its terms up marks the same, cheaper. (For several words the two ways can pick a different
        // best passage, so those keep the first.)
        return of(searcher, analyzer, query, page, query == null || !oneTermPerField(query));
    }

    /** {@code matching}: mark what the query's own matching finds, rather than its terms. */
    static List<SearchHit> of(FacetSearcher searcher, Analyzer analyzer, Query query, ScoreDoc[] page, boolean matching)
            throws IOException {
        List<SearchHit> hits = new ArrayList<>();
        if (page.length == 0) {
            return hits;
        }
        Map<String, String[]> marked = Map.of();
        if (query != null) {
            FieldInfos fields = searcher.fieldInfos();
            UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                    .withWeightMatches(matching)
                    .withScorer(SCORER)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(20_000)) {
                /** A headline is one passage; the body's best passage is a sentence or two, at least a line long. */
                @Override
                protected BreakIterator getBreakIterator(String field) {
                    return field.startsWith(IndexFields.HEADLINE) ? new WholeBreakIterator()
                            : LengthGoalBreakIterator.createMinLength(new SentenceBreaks(), SNIPPET_MIN, 0.5f);
                }

                /** From the searcher's list, made once per reader rather than once per highlighter. */
                @Override
                protected FieldInfo getFieldInfo(String field) {
                    return fields.fieldInfo(field);
                }
            };
            // A language no story is written in has no fields: Lucene would re-analyze them, and make
            // a matcher of the query for that at every search (8% of highlighting a common word).
            String[] present = java.util.Arrays.stream(FIELDS).filter(f -> fields.fieldInfo(f) != null).toArray(String[]::new);
            int[] passages = new int[present.length];
            java.util.Arrays.fill(passages, 1);
            marked = highlighter.highlightFields(present, query, new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), passages);
        }
        for (int i = 0; i < page.length; i++) {
            String headline = first(marked, IndexFields.HEADLINE, i);
            if (headline == null) {
                Document doc = searcher.storedFields().document(page[i].doc, HEADLINES);
                headline = escape(IndexFields.stored(doc, IndexFields.HEADLINE));
            }
            hits.add(new SearchHit(id(searcher, page[i].doc), headline, first(marked, IndexFields.BODY, i),
                    Float.isNaN(page[i].score) ? 0 : page[i].score));
        }
        return hits;
    }

    /** True when {@code query} looks for a single term in each field (one word, no phrase). */
    private static boolean oneTermPerField(Query query) {
        Map<String, java.util.Set<String>> terms = new java.util.HashMap<>();
        boolean[] other = {false};
        query.visit(new org.apache.lucene.search.QueryVisitor() {
            @Override
            public void consumeTerms(Query q, org.apache.lucene.index.Term... found) {
                for (org.apache.lucene.index.Term t : found) {
                    terms.computeIfAbsent(t.field(), f -> new java.util.HashSet<>()).add(t.text());
                }
                other[0] |= found.length > 1;
            }

            @Override
            public void visitLeaf(Query q) {
                other[0] = true;
            }

            @Override
            public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
                                                                        Query parent) {
                return this;
            }
        });
        return !other[0] && terms.values().stream().allMatch(t -> t.size() == 1);
    }

    static long id(FacetSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ids = DocValues.getNumeric(leaf.reader(), IndexFields.ID);
        if (!ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("Indexed article without an id");
        }
        return ids.longValue();
    }

    private static String first(Map<String, String[]> marked, String name, int i) {
        for (String field : IndexFields.allLanguages(name)) {
            String[] values = marked.get(field);
            if (values != null && values[i] != null) {
                return values[i];
            }
        }
        return null;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
