package org.gazette.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How article text becomes search terms. Words are lower-cased and accents folded (so "Bogota"
 * finds "Bogotá") in every language; endings are stemmed by the article's own language
 * ("talks" finds "talk", "acuerdos" finds "acuerdo"). Each language has its own fields
 * ({@code body.en}, {@code body.es}), so an English stemmer never mangles Spanish text.
 */
public final class NewsAnalyzer extends Analyzer {

    /** The languages with their own analysis; any other article language is analyzed as English. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    /** What a word is reduced to, beyond lower case and folded accents. */
    enum Kind { ENGLISH, SPANISH, NAMES, SPELLING }

    private static final CharArraySet ALL_STOP_WORDS = allStopWords();

    private final Kind kind;

    NewsAnalyzer(Kind kind) {
        this.kind = kind;
    }

    /** The English analysis, kept as the no-argument form for existing callers. */
    public NewsAnalyzer() {
        this(Kind.ENGLISH);
    }

    public static String languageOf(String articleLanguage) {
        String lang = articleLanguage == null ? "" : articleLanguage.toLowerCase(java.util.Locale.ROOT);
        int dash = lang.indexOf('-');
        lang = dash > 0 ? lang.substring(0, dash) : lang;
        return LANGUAGES.contains(lang) ? lang : "en";
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, filters(kind, source));
    }

    /** What follows the tokenizer for each kind of analysis; {@link BodyWords} builds the same chain. */
    static TokenStream filters(Kind kind, TokenStream words) {
        TokenStream stream = words;
        switch (kind) {
            case ENGLISH -> {
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new PorterStemFilter(stream);
            }
            case SPANISH -> {
                stream = new LowerCaseFilter(stream);
                // Stop words first: the Spanish list is spelled with accents.
                stream = new StopFilter(stream, SpanishAnalyzer.getDefaultStopSet());
                stream = new ASCIIFoldingFilter(stream);
                stream = new SpanishLightStemFilter(stream);
            }
            case NAMES -> {
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, ALL_STOP_WORDS);
                stream = new ASCIIFoldingFilter(stream);
            }
            case SPELLING -> {
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
            }
        }
        return stream;
    }

    /** The analysis of text fields in {@code lang}, one of {@link #LANGUAGES}. */
    static Kind kindOf(String lang) {
        return lang.equals("es") ? Kind.SPANISH : Kind.ENGLISH;
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    private static CharArraySet allStopWords() {
        CharArraySet all = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        all.addAll(SpanishAnalyzer.getDefaultStopSet());
        return CharArraySet.unmodifiableSet(all);
    }

    /** Picks the analysis by field name: {@code x.en}, {@code x.es}, {@link IndexFields#SPELL}, else names. */
    static final class PerField extends DelegatingAnalyzerWrapper {
        private final Map<Kind, Analyzer> analyzers = new HashMap<>();

        PerField() {
            super(PER_FIELD_REUSE_STRATEGY);
            for (Kind k : Kind.values()) {
                analyzers.put(k, new NewsAnalyzer(k));
            }
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            int dot = fieldName.lastIndexOf('.');
            if (dot > 0 && LANGUAGES.contains(fieldName.substring(dot + 1))) {
                return analyzers.get(kindOf(fieldName.substring(dot + 1)));
            }
            if (fieldName.equals(IndexFields.SPELL) || fieldName.startsWith("suggest")) {
                return analyzers.get(Kind.SPELLING);
            }
            return analyzers.get(Kind.NAMES);
        }
    }
}
