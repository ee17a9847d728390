package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.gazette.article.BodyRenderer;
import org.gazette.article.SampleBodies;
import org.junit.jupiter.api.Test;

class SentenceBreaksTest {

    @Test
    void breaksNewsProseWhereTheJdkSentenceIteratorDoes() {
        SampleBodies.markdown().forEach((name, markdown) -> {
            String text = BodyRenderer.plainText(HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown)));
            assertThat(bounds(new SentenceBreaks(), text)).as(name).isEqualTo(bounds(BreakIterator.getSentenceInstance(Locale.ROOT), text));
        });
    }

    @Test
    void sentencesEndAtQuestionsAndExclamationsAndAtFullStopsBeforeACapital() {
        String text = "Flows fell 3.5 percent. The dam (built in 2019.) holds. e.g. this goes on? \"Yes!\" she said.\nNext line";
        assertThat(bounds(new SentenceBreaks(), text)).containsExactly(0, 24, 75, 82, 92, text.length());
    }

    @Test
    void agreesWithTheJdkOnQuestionsQuotesAndParagraphSeparators() {
        for (String text : List.of("\"Yes!\" she said. Then she left.", "Why? because. And then?", "A\u2029B. c",
                "He asked: \"Why?\" Nobody knew.", "Line one\nLine two. Three", "a. \nB c", "A\u2028B. c", "Ends with a dot.")) {
            assertThat(bounds(new SentenceBreaks(), text)).as(text)
                    .isEqualTo(bounds(BreakIterator.getSentenceInstance(Locale.ROOT), text));
        }
    }

    @Test
    void countsOffsetsFromWhereACharacterIteratorBegins() {
        String text = "xxxx One. Two. Three.";
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        jdk.setText(new java.text.StringCharacterIterator(text, 5, text.length(), 5));
        SentenceBreaks ours = new SentenceBreaks();
        ours.setText(new java.text.StringCharacterIterator(text, 5, text.length(), 5));
        assertThat(bounds(ours)).isEqualTo(bounds(jdk)).startsWith(5);
        assertThat(ours.following(5)).isEqualTo(jdk.following(5));
        assertThat(ours.preceding(text.length())).isEqualTo(jdk.preceding(text.length()));
        assertThatThrownBy(() -> ours.following(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answersLikeABreakIterator() {
        SentenceBreaks breaks = new SentenceBreaks();
        breaks.setText("One. Two. Three.");
        assertThat(breaks.first()).isZero();
        assertThat(breaks.following(0)).isEqualTo(5);
        assertThat(breaks.following(5)).isEqualTo(10);
        assertThat(breaks.preceding(5)).isZero();
        assertThat(breaks.preceding(7)).isEqualTo(5);
        assertThat(breaks.current()).isEqualTo(5);
        assertThat(breaks.next()).isEqualTo(10);
        assertThat(breaks.next()).isEqualTo(16);
        assertThat(breaks.next()).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.following(16)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(breaks.last()).isEqualTo(16);
        assertThat(breaks.previous()).isEqualTo(10);
        assertThat(breaks.isBoundary(10)).isTrue();
        assertThat(breaks.isBoundary(11)).isFalse();
        assertThat(breaks.current()).isEqualTo(16);
        assertThatThrownBy(() -> breaks.following(17)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Integer> bounds(BreakIterator breaks, String text) {
        breaks.setText(text);
        return bounds(breaks);
    }

    private static List<Integer> bounds(BreakIterator breaks) {
        List<Integer> found = new ArrayList<>();
        for (int b = breaks.first(); b != BreakIterator.DONE; b = breaks.next()) {
            found.add(b);
        }
        return found;
    }
}
