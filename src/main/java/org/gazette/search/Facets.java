package org.gazette.search;

import java.io.IOException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

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

    /**
     * The ordinals in {@code range} with the highest counts, most first; equal counts by ordinal
     * (label order). Kept in a short sorted array as they come: sorting a stream of every counted
     * value was 3% of a one-word search (JFR).
     */
    private static int[] top(int[] counts, SortedSetDocValuesReaderState.OrdRange range, int n) {
        int[] best = new int[n];
        int size = 0;
        for (int ord = range.start; ord <= range.end; ord++) {
            if (counts[ord] <= 0 || (size == n && !ranksBefore(counts, ord, best[n - 1]))) {
                continue;
            }
            int at = size < n ? size++ : n - 1;
            while (at > 0 && ranksBefore(counts, ord, best[at - 1])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = ord;
        }
        return java.util.Arrays.copyOf(best, size);
    }

    private static boolean ranksBefore(int[] counts, int ord, int other) {
        return counts[ord] > counts[other] || (counts[ord] == counts[other] && ord < other);
    }

    /** The values of each dimension in {@code counted}, as Lucene's sorted-set facet counts would give them. */
    static List<Group> count(FacetSearcher searcher, FacetCounter.Counted counted, SearchRequest request) throws IOException {
        List<Group> groups = new ArrayList<>();
        SortedSetDocValuesReaderState state = searcher.facetState();
        int[] counts = counted.counts();
        for (String dim : IndexFields.DIMENSIONS) {
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
            if (range == null) {
                // No article has this dimension yet (no republished stories, say).
                continue;
            }
            List<Value> values = new ArrayList<>();
            for (int ord : top(counts, range, dim.equals(IndexFields.DIM_YEAR) ? 50 : TOP)) {
                String label = searcher.counter().label(ord);
                values.add(new Value(label, counts[ord], request.isSelected(dim, label)));
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
