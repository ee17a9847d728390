package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FileSwitchDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.gazette.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical copy of the index, in its own folder {@code index-<n>}. A rebuild fills a new
 * generation while the current one keeps answering searches, then the two are swapped.
 */
final class IndexGeneration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexGeneration.class);
    static final String SEQ = "gazette.seq";
    static final String SCHEMA = "gazette.schema";
    /** Bumped whenever the document layout changes, so an index of an older layout is rebuilt. */
    static final String SCHEMA_VERSION = "8";

    final int number;
    final Path dir;
    private final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;

    private IndexGeneration(int number, Path dir, Directory directory, IndexWriter writer) throws IOException {
        this.number = number;
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new FacetSearcher(reader);
            }
        });
    }

    /** Opens generation {@code number}; {@code create} starts it empty. */
    static IndexGeneration open(Path root, int number, Analyzer analyzer, boolean create) throws IOException {
        Path dir = root.resolve("index-" + number);
        Directory directory = directory(dir);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(bufferMegabytes(Runtime.getRuntime().maxMemory()))
                .setCodec(new IndexCodec())
                // No compound files: inside one, the stories' text would be mapped with the rest
                // instead of read through pread (see directory()); a rebuild wrote only compound files.
                .setUseCompoundFile(false)
                .setMergePolicy(noCompoundFiles());
        try {
            return new IndexGeneration(number, dir, directory, new IndexWriter(directory, config));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * How much the writer buffers before it writes a segment: 128 MB, or an eighth of the heap when
     * that is less. A long catch-up commits only every few seconds and fills the buffer: 128 MB of
     * the server's usual 256 MB heap would leave too little to the page cache and to readers.
     */
    static double bufferMegabytes(long maxHeapBytes) {
        return Math.max(16, Math.min(128, maxHeapBytes / 8 / (1024 * 1024)));
    }

    /**
     * Stored fields (.fdt, the whole text of every story) are read with positional reads, the rest
     * of the index is memory-mapped. A mapped file counts in the server's resident memory for every
     * page a read touched and the pages the kernel maps around it, and a story read from .fdt
     * touches a few scattered kilobytes of a large file: after the benchmark's mix the .fdt
     * mappings were 120 MB of the server's RSS, more than the rest of the index together. Read with
     * pread, those pages stay in the page cache (shared, dropped under pressure), not in RSS, and a
     * page reads only a handful of stories, so the copy costs nothing measurable. Postings, doc
     * values and terms, which every search walks, stay mapped (positions through pread cost a third
     * of the uncached search rate). Offsets (.pay) are read only to highlight a page of hits, a
     * few kilobytes each time; mapped, 200 searches left 31 MB of them resident, as the kernel maps
     * ahead of each read, so they are read with pread too. NIOFSDirectory's caveat: a thread
     * interrupted while reading closes the file for every reader; only shutdown interrupts threads
     * that read stories.
     */
    private static Directory directory(Path dir) throws IOException {
        return new FileSwitchDirectory(Set.of("fdt", "pay"), new NIOFSDirectory(dir), FSDirectory.open(dir), true);
    }

    private static TieredMergePolicy noCompoundFiles() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    /** True when generation {@code number} holds a complete index of the current layout. */
    static boolean usable(Path root, int number) {
        try (Directory directory = FSDirectory.open(root.resolve("index-" + number))) {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return SCHEMA_VERSION.equals(reader.getIndexCommit().getUserData().get(SCHEMA));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index in {} cannot be read ({}); it will be rebuilt", root, e.toString());
            return false;
        }
    }

    long appliedSeq() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return Long.parseLong(data.getOrDefault(SEQ, "0"));
    }

    /**
     * Indexes or replaces articles. A large batch (a bulk publish catching up) is spread over the
     * cores: turning text into terms is what limits it, and the writer takes documents from several
     * threads at once. A batch holds each article once, so the order of its updates does not matter.
     */
    void add(Collection<Article> articles) throws IOException {
        if (articles.size() < SPREAD_FROM) {
            for (Article article : articles) {
                update(article);
            }
            return;
        }
        try {
            articles.parallelStream().forEach(article -> {
                try {
                    update(article);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static final int SPREAD_FROM = 64;

    private void update(Article article) throws IOException {
        writer.updateDocument(new Term(IndexFields.ID, Long.toString(article.id())), IndexFields.document(article));
    }

    /** Adds articles not yet in this generation (a rebuild adds each once); any number of threads may load at once. */
    void load(Collection<Article> articles) throws IOException {
        for (Article article : articles) {
            writer.addDocument(IndexFields.document(article));
        }
    }

    void remove(Collection<Long> ids) throws IOException {
        for (long id : ids) {
            writer.deleteDocuments(new Term(IndexFields.ID, Long.toString(id)));
        }
    }

    void commit(long seq) throws IOException {
        reach(seq);
        commit();
    }

    /** Notes the outbox position what was added reflects; it is kept with the next commit. */
    void reach(long seq) {
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq), SCHEMA, SCHEMA_VERSION).entrySet());
    }

    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    int size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("Could not close the search index in {}: {}", dir, e.toString());
        }
    }
}
