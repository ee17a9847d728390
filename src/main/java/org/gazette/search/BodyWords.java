package org.gazette.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * An article body's words, read once for two fields: the body's own (stemmed, with positions) and
 * the spelling vocabulary "Did you mean" draws on. Reading the body a second time for the
 * vocabulary was a quarter of a bulk catch-up. The tokenizer's words are noted as they pass on to
 * the body's analysis, each word once whatever its capitals (the vocabulary records only which articles hold a
 * word), and the vocabulary's field then reads them back through its own lower-casing and folding,
 * so it holds exactly the terms it would have from the text.
 *
 * <p>The vocabulary's field must come after the body's in the document: Lucene reads a document's
 * fields in order.
 */
final class BodyWords {

    private final CharArraySet seen = new CharArraySet(256, true);
    private final List<char[]> words = new ArrayList<>();

    /** The body's analysis in {@code kind}, noting each word the tokenizer reads. */
    TokenStream body(NewsAnalyzer.Kind kind, String text) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        return NewsAnalyzer.filters(kind, new Noting(tokenizer));
    }

    /** The words noted, analyzed for the spelling vocabulary; read it after {@link #body}. */
    TokenStream vocabulary() {
        return NewsAnalyzer.filters(NewsAnalyzer.Kind.SPELLING, new Replay());
    }

    private final class Noting extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Noting(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!seen.contains(term.buffer(), 0, term.length())) {
                char[] word = Arrays.copyOf(term.buffer(), term.length());
                seen.add(word);
                words.add(word);
            }
            return true;
        }
    }

    private final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == words.size()) {
                return false;
            }
            clearAttributes();
            char[] word = words.get(next++);
            term.copyBuffer(word, 0, word.length);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
