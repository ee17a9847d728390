package org.gazette.search;

import java.util.List;

/**
 * A page of hits and how many there are in all, with the facet counts of all of them.
 * {@code didYouMean} is a corrected query worth offering; when {@code corrected} is true the
 * hits are already those of the corrected query, because the query as typed found nothing.
 * {@code relaxed} means no article had every word, and these have most of them.
 */
public record SearchResults(SearchRequest request, long total, List<SearchHit> hits, List<Facets.Group> facets,
                            String didYouMean, boolean corrected, boolean relaxed) {

    public static SearchResults empty(SearchRequest request) {
        return new SearchResults(request, 0, List.of(), List.of(), null, false, false);
    }

    public String query() {
        return request.query();
    }
}
