package org.gazette.change;

import java.util.List;

/**
 * Something rebuilt from the database that must follow every article change:
 * the search index, page caches. It remembers how far it has caught up.
 */
public interface DerivedCopy {

    String name();

    /** The last change this copy reflects; it is handed every change after it. */
    long appliedSeq();

    /**
     * Applies changes in sequence order; {@code upTo} is the last seq in the batch. More batches may
     * follow before {@link #commit}, and a copy may keep what it applied from readers until then.
     */
    void apply(List<Change> changes, long upTo) throws Exception;

    /** Called once a catch-up has handed over every pending change: readers must see them all from now on. */
    default void commit() throws Exception {
    }
}
