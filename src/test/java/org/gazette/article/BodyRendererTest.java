package org.gazette.article;

import static org.assertj.core.api.Assertions.assertThat;

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
}
