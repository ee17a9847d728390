package org.gazette.search;

import java.util.List;

/** A page of hits and how many there are in all. */
public record SearchResults(String query, long total, List<SearchHit> hits) {

    public static SearchResults empty(String query) {
        return new SearchResults(query, 0, List.of());
    }
}
