package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
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
