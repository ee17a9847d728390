package org.gazette.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.gazette.article.Article;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.Author;
import org.gazette.catalog.Tag;

/**
 * The shape of an article in the index: which fields exist, how each is analyzed and stored,
 * and the facet dimensions (section, author, source, tag, year) readers filter by.
 */
public final class IndexFields {

    static final String ID = "id";
    static final String PATH = "path";
    static final String LANGUAGE = "language";
    static final String PUBLISHED = "published";
    static final String FINGERPRINT = "fingerprint";
    static final String BYLINE = "byline";
    /** Every word of the article, unstemmed: the vocabulary "Did you mean" draws on. */
    static final String SPELL = "spell";

    /** Text fields that exist once per language, as {@code name.lang}, with their weight in ranking. */
    static final String HEADLINE = "headline";
    static final String DECK = "deck";
    static final String BODY = "body";
    static final String TAGS = "tags";
    static final String SECTION = "section";

    /** A word in the headline says more about what a story is about than the same word in paragraph twelve. */
    static final List<Weighted> TEXT_FIELDS = List.of(
            new Weighted(HEADLINE, 4f), new Weighted(DECK, 2f), new Weighted(TAGS, 2f),
            new Weighted(SECTION, 1f), new Weighted(BODY, 1f));
    static final float BYLINE_WEIGHT = 1.5f;

    record Weighted(String name, float boost) {
    }

    /** Facet dimensions, as they appear in URLs ({@code ?tag=Water}). */
    public static final String DIM_SECTION = "section";
    public static final String DIM_AUTHOR = "author";
    public static final String DIM_SOURCE = "source";
    public static final String DIM_TAG = "tag";
    public static final String DIM_YEAR = "year";
    public static final List<String> DIMENSIONS = List.of(DIM_SECTION, DIM_TAG, DIM_AUTHOR, DIM_SOURCE, DIM_YEAR);

    static final FacetsConfig FACETS = new FacetsConfig();

    static {
        FACETS.setMultiValued(DIM_AUTHOR, true);
        FACETS.setMultiValued(DIM_TAG, true);
    }

    /** Headline and body keep offsets so highlighting reads them from the index instead of re-analyzing. */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);
    /** The body is analyzed by {@link BodyWords} and stored beside, as a field holding words cannot be stored. */
    private static final FieldType BODY_INDEXED = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        BODY_INDEXED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_INDEXED.freeze();
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS);
        SPELL_TYPE.setOmitNorms(true);
        SPELL_TYPE.freeze();
    }

    private IndexFields() {
    }

    static String field(String name, String language) {
        return name + "." + language;
    }

    static Document document(Article a) throws java.io.IOException {
        String lang = NewsAnalyzer.languageOf(a.language());
        String body = BodyRenderer.plainText(a.bodyHtml());
        List<String> tagNames = a.tags().stream().map(Tag::name).toList();
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        // Also as a doc value: a page of hits reads ids without decompressing stored documents.
        doc.add(new NumericDocValuesField(ID, a.id()));
        doc.add(new StoredField(PATH, a.path()));
        doc.add(new StringField(LANGUAGE, lang, Field.Store.YES));
        String fingerprint = fingerprint(a.headline(), body);
        doc.add(new StringField(FINGERPRINT, fingerprint, Field.Store.YES));
        // Related stories tell copies apart among their candidates without reading stored documents.
        doc.add(new SortedDocValuesField(FINGERPRINT, new BytesRef(fingerprint)));
        doc.add(new Field(field(HEADLINE, lang), a.headline(), BODY_TYPE));
        if (a.deck() != null) {
            doc.add(new TextField(field(DECK, lang), a.deck(), Field.Store.YES));
        }
        BodyWords words = new BodyWords();
        doc.add(new Field(field(BODY, lang), words.body(NewsAnalyzer.kindOf(lang), body), BODY_INDEXED));
        doc.add(new StoredField(field(BODY, lang), body));
        doc.add(new TextField(field(TAGS, lang), String.join(" ; ", tagNames), Field.Store.YES));
        doc.add(new TextField(field(SECTION, lang), a.section().name(), Field.Store.NO));
        doc.add(new TextField(BYLINE, a.byline().names(), Field.Store.NO));
        doc.add(new Field(SPELL, String.join(" ", a.headline(), a.deck() == null ? "" : a.deck(),
                String.join(" ", tagNames), a.byline().names()), SPELL_TYPE));
        doc.add(new Field(SPELL, words.vocabulary(), SPELL_TYPE));
        addMatchField(doc, lang, a.headline(), a.deck(), String.join(" ", tagNames), a.section().name());
        // Kept from the first index layout: listing filters by slug.
        doc.add(new StringField("section_slug", a.section().slug(), Field.Store.NO));
        for (Tag tag : a.tags()) {
            doc.add(new StringField("tag_slug", tag.slug(), Field.Store.NO));
        }

        doc.add(new SortedSetDocValuesFacetField(DIM_SECTION, a.section().name()));
        for (String tag : tagNames) {
            doc.add(new SortedSetDocValuesFacetField(DIM_TAG, tag));
        }
        if (a.byline().isRepublished()) {
            doc.add(new SortedSetDocValuesFacetField(DIM_SOURCE, a.byline().source().name()));
        } else {
            for (Author author : a.byline().authors()) {
                doc.add(new SortedSetDocValuesFacetField(DIM_AUTHOR, author.name()));
            }
        }
        doc.add(new SortedSetDocValuesFacetField(DIM_YEAR, Integer.toString(a.publishedAt().atZone(ZoneOffset.UTC).getYear())));

        long published = a.publishedAt().toEpochMilli();
        doc.add(new LongPoint(PUBLISHED, published));
        doc.add(new NumericDocValuesField(PUBLISHED, published));
        doc.add(new StoredField(PUBLISHED, published));
        return FACETS.build(doc);
    }

    // ---- Counting every match (issue #3): one catch-all field per language ----

    /**
     * {@code match.<lang>}: the words of headline, deck, tags and section, analyzed as in their own
     * fields but kept once, without positions or scores. A word then counts its matches through two
     * terms per language (this field and the body) instead of one per field. The body stays out:
     * indexing its words a second time cost about a third of the indexing rate.
     */
    static final String MATCH = "match";
    private static final FieldType MATCH_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        MATCH_TYPE.setIndexOptions(IndexOptions.DOCS);
        MATCH_TYPE.setOmitNorms(true);
        MATCH_TYPE.freeze();
    }

    private static void addMatchField(Document doc, String lang, String... texts) {
        for (String text : texts) {
            if (text != null) {
                doc.add(new Field(field(MATCH, lang), text, MATCH_TYPE));
            }
        }
    }

    // ---- end of counting block ----

    /** Two articles with the same headline and body text are one story published twice. */
    static String fingerprint(String headline, String body) {
        String canonical = headline + "\n" + body;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored text fields of a document, whatever its language. */
    static String stored(org.apache.lucene.document.Document doc, String name) {
        for (String lang : NewsAnalyzer.LANGUAGES) {
            String value = doc.get(field(name, lang));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static List<String> allLanguages(String name) {
        List<String> fields = new ArrayList<>();
        for (String lang : NewsAnalyzer.LANGUAGES) {
            fields.add(field(name, lang));
        }
        return fields;
    }
}
