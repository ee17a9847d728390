package org.gazette.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.gazette.article.Article;
import org.gazette.catalog.Tag;
import org.gazette.change.DerivedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autocomplete: headlines and topics (tags and sections) that contain words starting with what
 * the reader has typed so far. Lucene's infix suggester keeps them in a folder of the index
 * generation they come from, updated with every change, and a suggestion whose article has since
 * changed or gone is dropped when looked up.
 *
 * <p>The folder notes the outbox position it has caught up to. When that is not the index's own
 * position (a crash between the two commits, a new generation), the suggestions are rebuilt from
 * the index; rebuilding 100,000 headlines at every start cost a second of start-up and 300 MB.
 */
final class Suggester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Suggester.class);
    private static final BytesRef HEADLINE = new BytesRef("h");
    private static final BytesRef TOPIC = new BytesRef("t");
    /** Prefixes up to this long are looked up as whole indexed terms, not expanded: what a reader types first is fastest. */
    private static final int MIN_PREFIX_CHARS = 5;

    private static final String FOLDER = "suggest";
    private static final String CAUGHT_UP = "suggest.seq";

    private AnalyzingInfixSuggester lookup;
    /** Where {@link #lookup} lives (a generation's folder), or null while it is an empty stand-in. */
    private Path home;
    /** Non-null while a rebuild runs: what was added meanwhile, to be added to the rebuilt suggestions. */
    private List<Entry> arrivedDuringRebuild;
    /** The outbox position of the last {@link #update}, noted with a rebuild that overlapped it. */
    private long lastSeq;

    Suggester() {
        this.lookup = create(new ByteBuffersDirectory());
    }

    private static AnalyzingInfixSuggester create(Directory directory) {
        try {
            NewsAnalyzer analyzer = new NewsAnalyzer(NewsAnalyzer.Kind.SPELLING);
            return new AnalyzingInfixSuggester(directory, analyzer, analyzer, MIN_PREFIX_CHARS, false, true, false);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Takes up the suggestions kept in {@code generationDir} if they have caught up to {@code seq};
     * false if they must be rebuilt.
     */
    synchronized boolean resume(Path generationDir, long seq) {
        try {
            if (!Long.toString(seq).equals(Files.readString(generationDir.resolve(CAUGHT_UP)).strip())) {
                return false;
            }
            AnalyzingInfixSuggester kept = create(FSDirectory.open(generationDir.resolve(FOLDER)));
            lookup.close();
            lookup = kept;
            home = generationDir;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Notes what is added from now on for the rebuild to come: called as the index moves to a new
     * generation, so articles published before the rebuild reads that generation are not missed.
     */
    synchronized void noteArrivals() {
        if (arrivedDuringRebuild == null) {
            arrivedDuringRebuild = new ArrayList<>();
        }
    }

    /** Replaces every suggestion with the headlines and topics of the generation in use, and keeps them in its folder. */
    void rebuild(SearchIndex index) throws IOException {
        // From here on (or from an earlier noteArrivals), changes are noted for the rebuilt
        // suggestions as well as applied to the old ones.
        noteArrivals();
        Path generationDir = index.generationDir();
        long seq = index.appliedSeq();
        try (SearchIndex.Lease lease = index.lease()) {
            rebuild(lease.searcher(), generationDir, seq);
        } finally {
            synchronized (this) {
                arrivedDuringRebuild = null;
            }
        }
    }

    private void rebuild(FacetSearcher searcher, Path generationDir, long seq) throws IOException {
        long start = System.nanoTime();
        Files.deleteIfExists(generationDir.resolve(CAUGHT_UP));
        List<Entry> entries = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    Document d = stored.document(doc);
                    entries.add(headline(IndexFields.stored(d, IndexFields.HEADLINE), d.get(IndexFields.ID),
                            d.get(IndexFields.PATH), Long.parseLong(d.get(IndexFields.PUBLISHED))));
                }
            }
        }
        if (searcher.facetState() != null) {
            var counts = new SortedSetDocValuesFacetCounts(searcher.facetState());
            for (String dim : List.of(IndexFields.DIM_TAG, IndexFields.DIM_SECTION)) {
                FacetResult top = counts.getTopChildren(1000, dim);
                if (top != null) {
                    for (LabelAndValue lv : top.labelValues) {
                        entries.add(topic(dim, lv.label, lv.value.longValue()));
                    }
                }
            }
        }
        AnalyzingInfixSuggester fresh = create(FSDirectory.open(generationDir.resolve(FOLDER)));
        AnalyzingInfixSuggester old;
        try {
            fresh.build(new Entries(entries));
            synchronized (this) {
                // Articles published while the new suggestions were being built go in too.
                for (Entry e : arrivedDuringRebuild) {
                    fresh.update(e.text(), e.contexts(), e.weight(), e.payload());
                }
                fresh.refresh();
                arrivedDuringRebuild = null;
                old = lookup;
                lookup = fresh;
                home = generationDir;
                caughtUp(Math.max(seq, lastSeq));
            }
        } catch (IOException | RuntimeException e) {
            // Cut short (the index closing, or its generation replaced meanwhile): let go of the folder.
            if (lookup != fresh) {
                fresh.close();
            }
            throw e;
        }
        old.close();
        LOG.debug("Suggestions rebuilt in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** Adds or refreshes the suggestions of newly published or edited articles; they are offered from the next {@link #commit}. */
    synchronized void add(Collection<Article> published) throws IOException {
        // A set: a batch of a thousand articles names its few hundred topics some 4,500 times, and
        // each update is a delete and an add in the suggestions' own index.
        Set<Entry> entries = new LinkedHashSet<>();
        for (Article a : published) {
            entries.add(headline(a.headline(), Long.toString(a.id()), a.path(), a.publishedAt().toEpochMilli()));
            for (Tag tag : a.tags()) {
                entries.add(topic(IndexFields.DIM_TAG, tag.name(), 1));
            }
            entries.add(topic(IndexFields.DIM_SECTION, a.section().name(), 1));
        }
        for (Entry e : entries) {
            lookup.update(e.text(), e.contexts(), e.weight(), e.payload());
        }
        if (arrivedDuringRebuild != null) {
            arrivedDuringRebuild.addAll(entries);
        }
    }

    /** Offers what was added and keeps it, caught up to outbox position {@code seq}. */
    synchronized void commit(long seq) throws IOException {
        lastSeq = seq;
        lookup.refresh();
        caughtUp(seq);
    }

    /** Commits the kept suggestions, then notes how far they have caught up (never the other way round). */
    private void caughtUp(long seq) throws IOException {
        if (home == null || arrivedDuringRebuild != null) {
            return;
        }
        lookup.commit();
        DerivedFiles.replace(home.resolve(CAUGHT_UP), Long.toString(seq));
    }

    private record Entry(BytesRef text, Set<BytesRef> contexts, long weight, BytesRef payload) {
    }

    private static Entry headline(String headline, String id, String path, long published) {
        return new Entry(new BytesRef(headline), Set.of(HEADLINE), published / 1000, new BytesRef(id + "\t" + path));
    }

    private static Entry topic(String dim, String name, long weight) {
        return new Entry(new BytesRef(name), Set.of(TOPIC), weight, new BytesRef(dim));
    }

    /** The entries of a rebuild, as the suggester reads them. */
    private static final class Entries implements InputIterator {
        private final java.util.Iterator<Entry> it;
        private Entry current;

        Entries(List<Entry> entries) {
            this.it = entries.iterator();
        }

        @Override
        public BytesRef next() {
            current = it.hasNext() ? it.next() : null;
            return current == null ? null : current.text();
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return current.payload();
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return current.contexts();
        }

        @Override
        public boolean hasContexts() {
            return true;
        }
    }

    /** Up to {@code headlines} headlines and {@code topics} topics matching {@code prefix}, best first. */
    List<Suggestion> suggest(String prefix, int headlines, int topics, FacetSearcher searcher) throws IOException {
        AnalyzingInfixSuggester current;
        synchronized (this) {
            current = lookup;
        }
        List<Suggestion> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            for (Lookup.LookupResult r : current.lookup(prefix, Set.of(TOPIC), topics * 2, true, false)) {
                String dim = r.payload.utf8ToString();
                String name = r.key.toString();
                if (out.size() < topics && seen.add(dim + name) && stillUsed(searcher, dim, name)) {
                    out.add(new Suggestion(name, dim, "/search?" + dim + "=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)));
                }
            }
            int topicCount = out.size();
            for (Lookup.LookupResult r : current.lookup(prefix, Set.of(HEADLINE), headlines * 2, true, false)) {
                String[] payload = r.payload.utf8ToString().split("\t", 2);
                String headline = r.key.toString();
                if (out.size() - topicCount < headlines && seen.add(payload[0]) && stillCurrent(searcher, payload[0], headline)) {
                    out.add(new Suggestion(headline, "article", payload[1]));
                }
            }
        } catch (IllegalStateException e) {
            // Being rebuilt this very moment: no suggestions this keystroke is better than an error.
            return List.of();
        }
        return out;
    }

    private static boolean stillCurrent(FacetSearcher searcher, String id, String headline) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return false;
        }
        Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
        return headline.equals(IndexFields.stored(doc, IndexFields.HEADLINE));
    }

    private static boolean stillUsed(FacetSearcher searcher, String dim, String name) throws IOException {
        return searcher.count(new TermQuery(Filters.term(dim, name))) > 0;
    }

    @Override
    public synchronized void close() {
        try {
            lookup.close();
        } catch (IOException e) {
            LOG.warn("Could not close the suggester: {}", e.toString());
        }
    }
}
