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

    /** Applies changes in sequence order; {@code upTo} is the last seq in the batch. */
    void apply(List<Change> changes, long upTo) throws Exception;
}
