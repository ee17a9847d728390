package org.gazette.search;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Reader searches over the index: ranked, filtered and faceted hits with highlighted snippets,
 * spelling correction when a query finds little, autocomplete, feeds of a search, and related stories.
 */
public final class ArticleSearch {

    /** Fewer hits than this and a spelling correction is worth offering. */
    private static final int FEW = 3;
    private static final Sort NEWEST = new Sort(new SortField(IndexFields.PUBLISHED, SortField.Type.LONG, true));

    private final SearchIndex index;
    private final QueryBuilder queries;
    private final SpellChecker spelling;
    private final RelatedStories related;
    private final ZoneId zone;
    private final double recencyPoints;

    public ArticleSearch(SearchIndex index, ZoneId zone, double recencyPoints) {
        this.index = index;
        this.queries = new QueryBuilder(index.analyzer(), index.languages());
        this.spelling = new SpellChecker(index.analyzer());
        this.related = new RelatedStories(index);
        this.zone = zone;
        this.recencyPoints = recencyPoints;
    }

    public ArticleSearch(SearchIndex index) {
        this(index, ZoneId.of("UTC"), 1.0);
    }

    /** A plain query, first page: for callers that need no filters. */
    public SearchResults search(String queryText, int offset, int limit) throws IOException {
        SearchRequest request = SearchRequest.of(queryText);
        return search(request.atPage(offset / Math.max(1, limit) + 1), limit);
    }

    /** The page {@code request.page()} of {@code limit} hits, with facet counts and spelling help. */
    public SearchResults search(SearchRequest request, int limit) throws IOException {
        if (request.isEmpty()) {
            return SearchResults.empty(request);
        }
        int offset = (request.page() - 1) * limit;
        try (SearchIndex.Lease lease = index.lease()) {
            FacetSearcher searcher = lease.searcher();
            QueryBuilder.Parsed parsed = QueryBuilder.parse(request.query());
            Query text = queries.build(parsed);
            if (text == null && !request.query().isEmpty()) {
                return SearchResults.empty(request);
            }
            Attempt best = attempt(searcher, parsed, text, queries.counting(parsed), request, offset + limit);
            String didYouMean = null;
            boolean corrected = false;
            boolean relaxed = false;
            if (!request.query().isEmpty() && best.total() < FEW) {
                didYouMean = spelling.correct(request.query(), searcher.getIndexReader());
                if (didYouMean != null && best.total() == 0) {
                    QueryBuilder.Parsed better = QueryBuilder.parse(didYouMean);
                    Attempt again = attempt(searcher, better, queries.build(better), queries.counting(better), request,
                            offset + limit);
                    if (again != null && again.total() > 0) {
                        best = again;
                        corrected = true;
                    }
                }
            }
            if (best.total() == 0 && best.text() != null) {
                Attempt again = attempt(searcher, best.parsed(), queries.relaxed(best.parsed()),
                        queries.relaxedCounting(best.parsed()), request, offset + limit);
                if (again != null && again.total() > 0) {
                    best = again;
                    relaxed = true;
                }
            }
            ScoreDoc[] all = best.top().scoreDocs;
            ScoreDoc[] page = Arrays.copyOfRange(all, Math.min(offset, all.length), all.length);
            Query marked = best.text() == null ? null : queries.highlighting(best.parsed());
            return new SearchResults(request, best.total(), Highlights.of(searcher, index.analyzer(), marked, page),
                    best.counts().facets(), didYouMean, corrected, relaxed);
        }
    }

    /** The ids of the newest {@code limit} articles matching the request, for a feed of the search. */
    public List<Long> newest(SearchRequest request, int limit) throws IOException {
        SearchResults results = search(request.sortedByNewest(true).atPage(1), limit);
        return results.hits().stream().map(SearchHit::articleId).toList();
    }

    /** Headlines and topics for what the reader has typed so far. */
    public List<Suggestion> suggest(String prefix, int headlines, int topics) throws IOException {
        String text = prefix == null ? "" : prefix.strip();
        if (text.length() < 2 || text.length() > 100) {
            return List.of();
        }
        try (SearchIndex.Lease lease = index.lease()) {
            return index.suggester().suggest(text, headlines, topics, lease.searcher());
        }
    }

    /**
     * Up to {@code limit} other published articles about the same subject, by text similarity of
     * headline, tags and body, preferring recent ones; never the article itself or a duplicate of it.
     */
    public List<Long> related(long articleId, int limit) throws IOException {
        return related.of(articleId, limit);
    }

    /** One way of reading the query, and what it found. */
    private record Attempt(TopDocs top, Counts counts, QueryBuilder.Parsed parsed, Query text) {
        long total() {
            return counts.total();
        }
    }

    /** How many articles match, and how they spread over the facets. */
    private record Counts(long total, List<Facets.Group> facets) {
    }

    /**
     * Runs {@code text} (null: filters only) with the request's filters and order, and counts the
     * same matches through {@code counting}; null if there is no query to run.
     */
    private Attempt attempt(FacetSearcher searcher, QueryBuilder.Parsed parsed, Query text, Query counting,
                            SearchRequest request, int n) throws IOException {
        if (text == null && !request.query().isEmpty()) {
            return null;
        }
        // A feed of a search (newest first) needs no ranking.
        QueryBuilder.Ranking ranking = text == null || request.newest() ? null
                : queries.ranking(text, parsed);
        // The top hits, where Lucene skips documents that cannot make the page ...
        TopDocs top = ranking == null
                ? searcher.search(Filters.apply(text, request, zone), Math.max(1, n), NEWEST)
                : top(searcher, ranking, request, Math.max(1, n));
        // ... then every match counted for the facets, without scoring.
        return new Attempt(top, count(searcher, Filters.apply(counting, request, zone), request), parsed, text);
    }

    /** The best {@code n} of the ranking: those of its main query and of its headline-bonus query, merged. */
    private TopDocs top(FacetSearcher searcher, QueryBuilder.Ranking ranking, SearchRequest request, int n) throws IOException {
        // Rounded to the hour, so a search asked again within the hour ranks its hits the same.
        long now = System.currentTimeMillis();
        long origin = now - now % 3_600_000L;
        TopDocs main = ranked(searcher, Filters.apply(ranking.main(), request, zone), n, origin);
        if (ranking.withBonus() == null) {
            return main;
        }
        TopDocs bonus = ranked(searcher, Filters.apply(ranking.withBonus(), request, zone), n, origin);
        Map<Integer, ScoreDoc> best = new HashMap<>();
        for (TopDocs part : List.of(main, bonus)) {
            for (ScoreDoc hit : part.scoreDocs) {
                best.merge(hit.doc, hit, (a, b) -> a.score >= b.score ? a : b);
            }
        }
        ScoreDoc[] merged = best.values().stream()
                .sorted(Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingInt(hit -> hit.doc))
                .limit(n).toArray(ScoreDoc[]::new);
        return new TopDocs(main.totalHits, merged);
    }

    /** The best {@code n} hits of {@code query}, each with its recency points (from a publication at {@code origin}) added. */
    private TopDocs ranked(FacetSearcher searcher, Query query, int n, long origin) throws IOException {
        return recencyPoints <= 0 ? searcher.search(query, n)
                : searcher.search(query, new RecencyRanking(n, (float) recencyPoints, origin));
    }

    /** Every match counted, and its facet values (see {@link CommonWords} for why this is cheap for common words). */
    private static Counts count(FacetSearcher searcher, Query matching, SearchRequest request) throws IOException {
        if (searcher.counter() == null) {
            return new Counts(searcher.count(matching), List.of());
        }
        FacetCounter.Counted counted = searcher.counter().count(matching);
        return new Counts(counted.total(), Facets.count(searcher, counted, request));
    }
}
