package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.gazette.article.BodyRenderer;
import org.gazette.article.SampleBodies;
import org.junit.jupiter.api.Test;

class BodyWordsTest {

    @Test
    void oneReadingGivesTheBodyAndTheVocabularyTheTermsTheirOwnAnalysesGive() throws IOException {
        List<String> texts = new ArrayList<>();
        SampleBodies.markdown().values().forEach(markdown -> texts.add(BodyRenderer.plainText(new BodyRenderer().toHtml(markdown))));
        texts.add("Tillerson's talks: naïve CAFÉ owners, U.S. e-mail, 3.5% — ¿Qué pasó? Año 2019, «acuerdos» y niños.");
        for (String text : texts) {
            for (NewsAnalyzer.Kind kind : List.of(NewsAnalyzer.Kind.ENGLISH, NewsAnalyzer.Kind.SPANISH)) {
                BodyWords words = new BodyWords();
                List<String> body = tokens(words.body(kind, text));
                assertThat(body).as("%s body", kind).isEqualTo(tokens(new NewsAnalyzer(kind).tokenStream("body", text)))
                        .hasSizeGreaterThan(10);
                assertThat(new TreeSet<>(terms(words.vocabulary())))
                        .as("%s vocabulary", kind)
                        .isEqualTo(new TreeSet<>(terms(new NewsAnalyzer(NewsAnalyzer.Kind.SPELLING).tokenStream(IndexFields.SPELL, text))));
            }
        }
    }

    @Test
    void theVocabularyHoldsEachWordOnceWithoutAccentsOrCapitals() throws IOException {
        BodyWords words = new BodyWords();
        tokens(words.body(NewsAnalyzer.Kind.ENGLISH, "The dam, the DAM and the Dam near Bogotá."));
        assertThat(terms(words.vocabulary())).containsExactly("the", "dam", "and", "near", "bogota");
    }

    /** Term, position step and offsets of each token, as the index records them. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute step = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "+" + step.getPositionIncrement() + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            out.add("end@" + offset.endOffset());
        }
        return out;
    }

    private static List<String> terms(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
