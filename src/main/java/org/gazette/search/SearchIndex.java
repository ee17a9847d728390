package org.gazette.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.gazette.article.Article;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Lucene index of published articles. It is a derived copy: it records in each
 * commit the last outbox entry it reflects, and can always be rebuilt from the database.
 */
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String SEQ = "gazette.seq";

    /** Body text keeps offsets so highlighting need not re-analyze whole articles. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer;
    private final boolean fresh;

    private SearchIndex(Directory directory, IndexWriter writer, Analyzer analyzer, boolean fresh) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.fresh = fresh;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Thrown when another process (usually the running site) holds the index. */
    public static final class InUseException extends IOException {
        InUseException(Path dir) {
            super("The search index in " + dir + " is in use by another Gazette process");
        }
    }

    /**
     * Opens the index in {@code dir}. A missing or unreadable index is replaced by an empty one
     * that reports {@link #needsRebuild()}, so start-up never fails on a derived copy.
     */
    public static SearchIndex open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Analyzer analyzer = new NewsAnalyzer();
        Directory directory = FSDirectory.open(dir);
        boolean usable;
        // Hold the lock while checking, so a running site's index is never judged, let alone wiped, by another process.
        try (var lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            usable = DirectoryReader.indexExists(directory) && readable(directory);
            if (!usable) {
                LOG.info("No readable search index in {}; it will be rebuilt from the database", dir);
                // Lucene reads an old commit even when told to create, so broken files must go first.
                for (String file : directory.listAll()) {
                    if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                        directory.deleteFile(file);
                    }
                }
            }
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new InUseException(dir);
        } catch (IOException e) {
            usable = false;
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(usable ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        try {
            return new SearchIndex(directory, new IndexWriter(directory, config), analyzer, !usable);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new InUseException(dir);
        }
    }

    private static boolean readable(Directory directory) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs() >= 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index cannot be read ({}); it will be rebuilt", e.toString());
            return false;
        }
    }

    /** True when the index was missing or unreadable at start-up and holds nothing yet. */
    public boolean needsRebuild() {
        return fresh && appliedSeq() == 0;
    }

    public long appliedSeq() {
        Map<String, String> data = commitData();
        return Long.parseLong(data.getOrDefault(SEQ, "0"));
    }

    private Map<String, String> commitData() {
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        Map<String, String> data = new java.util.HashMap<>();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Indexes published articles, removes the others, and commits as caught up to {@code seq}. */
    public void apply(Collection<Article> published, Collection<Long> removed, long seq) throws IOException {
        for (Article article : published) {
            writer.updateDocument(new Term("id", Long.toString(article.id())), document(article));
        }
        for (long id : removed) {
            writer.deleteDocuments(new Term("id", Long.toString(id)));
        }
        commit(seq);
    }

    /** Empties the index, so a rebuild can add every article again. */
    public void clear() throws IOException {
        writer.deleteAll();
    }

    public void add(Collection<Article> articles) throws IOException {
        for (Article article : articles) {
            writer.updateDocument(new Term("id", Long.toString(article.id())), document(article));
        }
    }

    public void commit(long seq) throws IOException {
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq)).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    SearcherManager searchers() {
        return searchers;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    static Document document(Article a) {
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(a.id()), Field.Store.YES));
        doc.add(new TextField("headline", a.headline(), Field.Store.YES));
        if (a.deck() != null) {
            doc.add(new TextField("deck", a.deck(), Field.Store.YES));
        }
        doc.add(new Field("body", BodyRenderer.plainText(a.bodyHtml()), BODY));
        doc.add(new TextField("byline", a.byline().names(), Field.Store.NO));
        doc.add(new TextField("section", a.section().name(), Field.Store.NO));
        doc.add(new StringField("section_slug", a.section().slug(), Field.Store.NO));
        List<String> tagNames = new ArrayList<>();
        for (Tag tag : a.tags()) {
            tagNames.add(tag.name());
            doc.add(new StringField("tag_slug", tag.slug(), Field.Store.NO));
        }
        doc.add(new TextField("tags", String.join(" ; ", tagNames), Field.Store.YES));
        doc.add(new StringField("language", a.language(), Field.Store.YES));
        long published = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint("published", published));
        doc.add(new NumericDocValuesField("published", published));
        doc.add(new StoredField("published", published));
        return doc;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
