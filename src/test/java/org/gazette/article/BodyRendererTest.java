package org.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BodyRendererTest {

    private final BodyRenderer renderer = new BodyRenderer();

    @Test
    void rendersMarkdownParagraphsQuotesLinksAndImages() {
        String html = renderer.toHtml("""
                First paragraph with a [link](https://example.org/a).

                > A quote.

                ![Harbour at dawn](/assets/sample/harbour.svg)
                """);
        assertThat(html).contains("<p>First paragraph with a <a href=\"https://example.org/a\" rel=\"noopener\">link</a>.</p>")
                .contains("<blockquote>")
                .contains("<img loading=\"lazy\" decoding=\"async\" src=\"/assets/sample/harbour.svg\" alt=\"Harbour at dawn\"");
    }

    @Test
    void theOpeningIsTheStartOfTheWholeTextAndLongEnoughForATeaser() {
        String html = renderer.toHtml("""
                A short *lead* with a [link](https://example.org/a) &amp; an ampersand.

                > A quoted second paragraph that goes on for a while, to pass the length asked for.

                A third paragraph nobody needs for a teaser.

                A fourth one, likewise.
                """);
        String whole = BodyRenderer.plainText(html);
        for (int chars : new int[] {1, 20, 60, 120, 10_000}) {
            String opening = BodyRenderer.opening(html, chars);
            assertThat(whole).as("asked for %d", chars).startsWith(opening);
            assertThat(opening.length()).as("asked for %d", chars).isGreaterThanOrEqualTo(Math.min(chars, whole.length()));
        }
        assertThat(BodyRenderer.opening(html, 20)).isEqualTo("A short lead with a link & an ampersand.");
        assertThat(BodyRenderer.opening(html, 10_000)).isEqualTo(whole);
        assertThat(BodyRenderer.opening("", 20)).isEmpty();
    }

    @Test
    void theTextOfEverySampleArticleIsWhatAnHtmlParserReads() {
        SampleBodies.markdown().forEach((name, markdown) -> {
            String html = renderer.toHtml(markdown);
            assertThat(BodyRenderer.plainText(html)).as(name).isEqualTo(parsed(html)).hasSizeGreaterThan(300);
        });
    }

    /** What jsoup's full parser reads as the text, with white space folded as plain text folds it. */
    private static String parsed(String html) {
        return Jsoup.parse(html).text().replaceAll("\\s+", " ");
    }

    @Test
    void theTextReadsEveryKindOfBodyAsTheFullParserDoes() {
        String html = renderer.toHtml("""
                ## A heading, then *emphasis*, **strong**, `code` and a [link](https://example.org/?a=1&b=2 "Title > here")

                - first item
                - second&nbsp;item with &eacute; and &#8212; and 5 < 6 > 4

                1. one
                2. two

                > quoted *text*
                > on two lines

                ![Harbour at dawn](/assets/sample/harbour.svg)

                Line one\
                line two, and <em>inline html</em><br>after a break.

                ```
                code   block
                ```

                <table><caption>Flows</caption><thead><tr><th>Year</th><th>Gauge</th></tr></thead>
                <tbody><tr><td>2019</td><td>3.5</td></tr></tbody></table>

                Last paragraph.
                """);
        // The same words and spaces, except that a code block's runs of spaces are folded.
        assertThat(BodyRenderer.plainText(html)).isEqualTo(parsed(html)).contains("Flows Year Gauge 2019 3.5");
        assertThat(BodyRenderer.opening(html, 100_000)).isEqualTo(BodyRenderer.plainText(html));
    }

    @Test
    void hostileHtmlInTheBodyIsRemoved() {
        String html = renderer.toHtml("""
                Hello <script>alert('x')</script> world.

                <img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">click</a>

                <iframe src="https://evil.example.com"></iframe><style>body{display:none}</style>
                <p style="color:red" onclick="steal()">styled</p>
                """);
        assertThat(html).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContain("style=")
                .contains("styled");
    }

    @Test
    void teasersCutAtAWordBoundary() {
        assertThat(BodyRenderer.teaser("Short text.", 50)).isEqualTo("Short text.");
        assertThat(BodyRenderer.teaser("The river rose through the night, and by morning the fields were gone.", 30))
                .isEqualTo("The river rose through the…");
        assertThat(BodyRenderer.plainText("<p>One &amp; <em>two</em></p>")).isEqualTo("One & two");
    }

    @Test
    void characterReferencesReadAsAnHtmlParserReadsThem() {
        String references = "<p>&#34;Dam&#39;s&#34; &#x2014; &#X2013; &#128512; &#x1F600; &eacute;t&eacute; &bogus; &#xZZ; &#; AT&amp;T &lt;b&gt;</p>";
        assertThat(BodyRenderer.plainText(references)).isEqualTo(parsed(references))
                .isEqualTo("\"Dam's\" \u2014 \u2013 \ud83d\ude00 \ud83d\ude00 \u00e9t\u00e9 &bogus; &#xZZ; &#; AT&T <b>");
    }
}
