package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher that carries the facet ordinals of its reader, built once per index refresh
 * rather than once per query.
 */
public final class FacetSearcher extends IndexSearcher {

    private final SortedSetDocValuesReaderState facetState;
    private final FacetCounter counter;
    /** The fields of all segments together, for the highlighter; made at the first results page. */
    private volatile FieldInfos fieldInfos;

    FacetSearcher(IndexReader reader) {
        super(reader);
        this.facetState = hasFacets(reader) ? state(reader) : null;
        try {
            this.counter = facetState == null ? null : new FacetCounter(facetState);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts matches and their facet values; null while the index holds no articles. */
    FacetCounter counter() {
        return counter;
    }

    /**
     * What the index knows of each field, over all segments. Lucene's highlighter works this out
     * once per highlighter, so once per search: merging every segment's field list was 6% of a
     * one-word search's time (JFR). It changes only with the reader.
     */
    FieldInfos fieldInfos() {
        FieldInfos known = fieldInfos;
        if (known == null) {
            known = FieldInfos.getMergedFieldInfos(getIndexReader());
            fieldInfos = known;
        }
        return known;
    }

    /** Null while the index holds no articles. */
    SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    private static boolean hasFacets(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
            if (info != null && leaf.reader().numDocs() > 0) {
                return true;
            }
        }
        return false;
    }

    private static SortedSetDocValuesReaderState state(IndexReader reader) {
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, IndexFields.FACETS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
