package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;

/** Counts of the matching articles by section, tag, author, source and year, for the results page. */
public final class Facets {

    /** One value a reader can filter by, with how many results have it. */
    public record Value(String label, long count, boolean selected) {
    }

    /** The values of one dimension, most common first (years newest first). */
    public record Group(String dim, List<Value> values) {
    }

    static final int TOP = 8;

    private Facets() {
    }

    static List<Group> count(FacetSearcher searcher, FacetsCollector hits, SearchRequest request) throws IOException {
        List<Group> groups = new ArrayList<>();
        if (searcher.facetState() == null) {
            return groups;
        }
        var counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits);
        for (String dim : IndexFields.DIMENSIONS) {
            FacetResult result;
            try {
                result = counts.getTopChildren(dim.equals(IndexFields.DIM_YEAR) ? 50 : TOP, dim);
            } catch (IllegalArgumentException e) {
                // No article has this dimension yet (no republished stories, say).
                continue;
            }
            List<Value> values = new ArrayList<>();
            if (result != null) {
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new Value(lv.label, lv.value.longValue(), request.isSelected(dim, lv.label)));
                }
            }
            // A chosen value stays visible (so it can be removed) even when it is not among the top ones.
            for (String chosen : request.filters().getOrDefault(dim, List.of())) {
                if (values.stream().noneMatch(v -> v.label().equals(chosen))) {
                    values.add(new Value(chosen, 0, true));
                }
            }
            if (dim.equals(IndexFields.DIM_YEAR)) {
                values.sort(Comparator.comparing(Value::label).reversed());
            }
            if (!values.isEmpty()) {
                groups.add(new Group(dim, values));
            }
        }
        return groups;
    }
}
