package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gazette.article.BodyRenderer;
import org.junit.jupiter.api.Test;

/** Cleaning partner HTML: addresses, pixels, lead images, sanitizing, and a body Markdown leaves alone. */
class ItemCleanerTest {

    private final BodyRenderer renderer = new BodyRenderer();
    private final ItemCleaner cleaner = new ItemCleaner(renderer);

    private static FeedItem item(String link, String title, String html, FeedItem.MediaImage... images) {
        return new FeedItem("g1", link, title, null, html, null, null, List.of(images));
    }

    @Test
    void relativeAddressesAreResolvedAgainstTheItemThenTheFeed() throws Exception {
        var clean = cleaner.clean(item("https://partner.example/news/2026/story", "T",
                "<p><a href=\"../other\">a</a> <a href=\"/root\">b</a> <a href=\"#note\">c</a> <img src=\"pic.jpg\" alt=\"p\"></p><p><img src=\"second.jpg\" alt=\"s\"></p>"), "https://partner.example/");
        assertThat(clean.bodyHtml()).contains("href=\"https://partner.example/news/other\"").contains("href=\"https://partner.example/root\"")
                .contains("src=\"https://partner.example/news/2026/second.jpg\"");
        assertThat(clean.image().url()).isEqualTo("https://partner.example/news/2026/pic.jpg");
        var noLink = cleaner.clean(item(null, "T", "<p><a href=\"story\">x</a></p>"), "https://partner.example/feed/");
        assertThat(noLink.bodyHtml()).contains("href=\"https://partner.example/feed/story\"");
        assertThat(noLink.originalUrl()).isNull();
    }

    @Test
    void trackingPixelsAreDroppedAndScriptsSanitizedAway() throws Exception {
        var clean = cleaner.clean(item("https://p.example/a", "T", """
                <p>Text</p><img src="https://p.example/real.jpg" width="640" alt="real">
                <img src="https://p.example/x.gif" width="1" height="1"><img src="https://stats.wordpress.com/b.gif?x=1">
                <img src="https://p.example/t.png" style="width:1px;height:1px"><img src="https://feeds.feedburner.com/~r/p/~4/abc">
                <script>alert(1)</script><iframe src="https://evil.example/"></iframe><a href="javascript:alert(2)">x</a>
                """), null);
        assertThat(clean.image().url()).isEqualTo("https://p.example/real.jpg");
        assertThat(clean.bodyHtml()).doesNotContain("x.gif", "wordpress", "t.png", "feedburner", "script", "iframe", "javascript");
    }

    @Test
    void theFeedsOwnImagesComeFirstAndTheHeadlineStandsInForAMissingAlt() throws Exception {
        var clean = cleaner.clean(item("https://p.example/a", "Storm Hits the Coast", "<p><img src=\"/body.jpg\" alt=\"b\">Text</p>",
                new FeedItem.MediaImage("https://p.example/pixel.gif", null), new FeedItem.MediaImage("/media.jpg", null)), null);
        assertThat(clean.image().url()).isEqualTo("https://p.example/media.jpg");
        assertThat(clean.image().alt()).isEqualTo("Storm Hits the Coast");
        assertThat(clean.bodyHtml()).contains("body.jpg");
    }

    @Test
    void theBodyPassesThroughMarkdownUnchanged() throws Exception {
        String html = "<p>Prices rose *sharply* and 2 * 3 = 6</p>\n\n\n<pre>line one\n\nline two</pre>\n\n<ul><li>a_b_c</li></ul><p># not a heading</p>";
        var clean = cleaner.clean(item("https://p.example/a", "T", html), null);
        String rendered = renderer.toHtml(clean.bodyHtml());
        assertThat(BodyRenderer.plainText(rendered)).contains("2 * 3 = 6");
        assertThat(rendered).contains("*sharply*").contains("a_b_c").contains("# not a heading")
                .doesNotContain("<em>").doesNotContain("<h1>").doesNotContain("<div>").contains("<pre>").contains("<ul><li>");
    }

    @Test
    void anItemWithNoTitleGetsOneFromItsTextAndAnEmptyItemIsRefused() throws Exception {
        var clean = cleaner.clean(item(null, null, "<p>The council approved the library budget on Tuesday after a long debate.</p>"), null);
        assertThat(clean.headline()).startsWith("The council approved the library budget");
        assertThatThrownBy(() -> cleaner.clean(item(null, "  ", "<p> </p><script>x</script>"), null))
                .isInstanceOf(FeedProblem.class).hasMessage("An item has neither a title nor any text");
    }

    @Test
    void linksAreNormalizedToOneKeyPerArticle() {
        String key = Links.normalize("https://news.example/a/story");
        assertThat(Links.normalize("http://NEWS.example:80/a/story/?utm_source=x&utm_medium=rss#top")).isEqualTo(key);
        assertThat(Links.normalize("https://news.example/a/story?fbclid=1&gclid=2")).isEqualTo(key);
        assertThat(Links.normalize("https://news.example/a/story?b=2&a=1")).isEqualTo("https://news.example/a/story?a=1&b=2");
        assertThat(Links.normalize("https://news.example/a/story?id=7")).isNotEqualTo(key);
        assertThat(Links.absolute("javascript:alert(1)", "https://x.example/")).isNull();
        assertThat(Links.absolute("//cdn.example/x", "https://x.example/")).isEqualTo("https://cdn.example/x");
    }

    @Test
    void nearDuplicateTextsHaveSimilarSignaturesAndDifferentTextsDoNot() {
        String story = "Farmers in the high valleys spent the dry season carrying stones back up the slopes, rebuilding terraces "
                + "that the March floods washed away in a single night. Agronomists say the old terraces hold water better than "
                + "modern fields, and the regional council has promised seed and tools for every family that takes part in the work.";
        int[] a = MinHash.of(story);
        int[] b = MinHash.of(story.replace("single night", "single stormy night") + " (With wire services.)");
        int[] c = MinHash.of("The central bank raised interest rates by half a point on Thursday, its third increase this year, "
                + "citing stubborn inflation in food and housing costs across the country and a weaker currency.");
        assertThat(MinHash.similarity(a, a)).isEqualTo(1.0);
        assertThat(MinHash.sameStory(a, b)).isTrue();
        assertThat(MinHash.similarity(a, c)).isLessThan(0.1);
        assertThat(MinHash.of("Too short to judge.")).isNull();
        assertThat(MinHash.decode(MinHash.encode(a))).containsExactly(a);
    }
}
