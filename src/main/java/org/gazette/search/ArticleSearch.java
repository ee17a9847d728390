package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** Queries over the index: reader searches with highlighted snippets, and related stories. */
public final class ArticleSearch {

    private static final String[] FIELDS = {"headline", "deck", "body", "byline", "tags", "section"};
    /** A word in the headline says more about what a story is about than the same word in paragraph twelve. */
    private static final Map<String, Float> BOOSTS = Map.of(
            "headline", 4f, "deck", 2f, "tags", 2f, "byline", 1.5f, "section", 1f, "body", 1f);

    private final SearchIndex index;

    public ArticleSearch(SearchIndex index) {
        this.index = index;
    }

    public SearchResults search(String queryText, int offset, int limit) throws IOException {
        String text = queryText == null ? "" : queryText.strip();
        if (text.isEmpty()) {
            return SearchResults.empty(text);
        }
        Query query = parse(text);
        IndexSearcher searcher = index.searchers().acquire();
        try {
            TopDocs top = searcher.search(query, offset + limit);
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
            List<SearchHit> hits = new ArrayList<>();
            if (page.length > 0) {
                int[] docIds = java.util.Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                        .withMaxLength(20_000)
                        .build();
                TopDocs pageDocs = new TopDocs(top.totalHits, page);
                String[] bodies = highlighter.highlight("body", query, pageDocs, 2);
                String[] headlines = highlighter.highlight("headline", query, pageDocs, 1);
                for (int i = 0; i < page.length; i++) {
                    Document doc = searcher.storedFields().document(docIds[i]);
                    String headline = headlines[i] != null ? headlines[i] : escape(doc.get("headline"));
                    hits.add(new SearchHit(Long.parseLong(doc.get("id")), headline, bodies[i], page[i].score));
                }
            }
            return new SearchResults(text, top.totalHits.value, hits);
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** A reader's query in the usual syntax: "quoted phrases", -exclusions, OR; never an error page for a stray quote. */
    Query parse(String text) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, index.analyzer(), BOOSTS);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            try {
                return parser.parse(QueryParser.escape(text));
            } catch (ParseException again) {
                return new BooleanQuery.Builder().build();
            }
        }
    }

    /**
     * Up to {@code limit} other published articles about the same subject, by text similarity of
     * headline, tags and body; newest first among equally similar ones; never the article itself.
     */
    public List<Long> related(long articleId, int limit) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term("id", Long.toString(articleId))), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzer());
            mlt.setFieldNames(new String[] {"headline", "tags", "body"});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(30);
            mlt.setBoost(true);
            Query like = mlt.like(self.scoreDocs[0].doc);
            Query query = new BooleanQuery.Builder()
                    .add(like, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term("id", Long.toString(articleId))), BooleanClause.Occur.MUST_NOT)
                    .build();
            Sort sort = new Sort(SortField.FIELD_SCORE, new SortField("published", SortField.Type.LONG, true));
            TopFieldDocs top = searcher.search(query, limit, sort);
            List<Long> ids = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                ids.add(Long.parseLong(searcher.storedFields().document(sd.doc).get("id")));
            }
            return ids;
        } finally {
            index.searchers().release(searcher);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
