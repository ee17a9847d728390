package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.gazette.article.BodyRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A corpus of malformed and unusual feeds: the hand-written ones in src/test/resources/feeds
 * (and its corpus folder) plus many generated here (truncations, corrupted bytes, garbage,
 * deep nesting, huge fields). Each must be read or refused with a {@link FeedProblem}, within
 * two seconds, and every item read must survive cleaning the same way.
 */
class ParserRobustnessTest {

    private static final String[] VALID = {"rss2.xml", "rss1.xml", "atom.xml", "feed.json"};

    private final FeedParser parser = new FeedParser(1000);
    private final ItemCleaner cleaner = new ItemCleaner(new BodyRenderer());

    record Case(String name, byte[] body, String contentType) {
    }

    @TestFactory
    Stream<DynamicTest> noExceptionEscapesAndNoneHangs() throws Exception {
        List<Case> cases = corpus();
        // The limit is about hanging, not about a cold JVM: let the JIT see the code paths once first.
        for (int i = 0; i < 3; i++) {
            readOrRefuse(text("warm-up", manyItems(2000), "application/rss+xml"));
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () ->
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> readOrRefuse(c))));
    }

    @Test
    void theCorpusHoldsAtLeastAHundredFeeds() throws Exception {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(100);
    }

    private void readOrRefuse(Case c) {
        try {
            ParsedFeed feed = parser.parse(c.body(), c.contentType());
            assertThat(feed.items()).isNotNull();
            for (FeedItem item : feed.items()) {
                try {
                    ItemCleaner.CleanItem clean = cleaner.clean(item, "https://partner.example/");
                    assertThat(clean.headline()).isNotBlank();
                    assertThat(clean.bodyHtml()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("javascript:")
                            .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("<iframe");
                    if (clean.originalUrl() != null) {
                        assertThat(clean.originalUrl()).matches("https?://.*");
                    }
                    MinHash.of(clean.plainText());
                } catch (FeedProblem refusedItem) {
                    assertThat(refusedItem.getMessage()).isNotBlank();
                }
            }
        } catch (FeedProblem refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private List<Case> corpus() throws IOException, URISyntaxException {
        List<Case> cases = new ArrayList<>();
        Path root = Path.of(ParserRobustnessTest.class.getResource("/feeds").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = root.relativize(file).toString();
                cases.add(new Case("file " + name, Files.readAllBytes(file), contentTypeOf(name)));
            }
        }
        Random random = new Random(20261128);
        for (String valid : VALID) {
            byte[] bytes = FeedServer.read(valid);
            String type = contentTypeOf(valid);
            for (int i = 1; i <= 12; i++) {
                int cut = bytes.length * i / 13;
                cases.add(new Case(valid + " cut at " + cut, Arrays.copyOf(bytes, cut), type));
            }
            for (int i = 0; i < 6; i++) {
                byte[] corrupt = bytes.clone();
                for (int j = 0; j < 1 + i * 3; j++) {
                    corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt(256);
                }
                cases.add(new Case(valid + " with " + (1 + i * 3) + " corrupted bytes", corrupt, type));
            }
            cases.add(new Case(valid + " served as image/gif", bytes, "image/gif"));
            cases.add(new Case(valid + " served as text/html", bytes, "text/html"));
            cases.add(new Case(valid + " with a bogus charset header", bytes, "text/xml; charset=klingon"));
        }
        for (int i = 0; i < 8; i++) {
            byte[] garbage = new byte[random.nextInt(5000) + 1];
            random.nextBytes(garbage);
            cases.add(new Case("random bytes " + i, garbage, i % 2 == 0 ? "application/rss+xml" : null));
        }
        cases.add(text("deeply nested elements", "<rss version=\"2.0\"><channel><title>t</title><item><description>"
                + "<b>".repeat(200_000) + "</description></item></channel></rss>", "application/rss+xml"));
        cases.add(text("deeply nested escaped HTML", "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>"
                + "&lt;div&gt;".repeat(50_000) + "deep</description></item></channel></rss>", "application/rss+xml"));
        cases.add(text("deeply nested JSON", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":" + "[".repeat(100_000),
                "application/feed+json"));
        cases.add(text("a one-megabyte title", "<rss version=\"2.0\"><channel><title>t</title><item><title>" + "word ".repeat(200_000)
                + "</title></item></channel></rss>", "application/rss+xml"));
        cases.add(text("ten thousand attributes", "<rss version=\"2.0\" " + attributes(10_000) + "><channel><title>t</title></channel></rss>",
                "application/rss+xml"));
        cases.add(text("ten thousand items", manyItems(10_000), "application/rss+xml"));
        cases.add(text("a body of a million characters", "<rss version=\"2.0\"><channel><title>t</title><item><title>Long</title><description>"
                + "lorem ipsum ".repeat(90_000) + "</description></item></channel></rss>", "application/rss+xml"));
        cases.add(text("only whitespace", " \n\t ", "application/rss+xml"));
        cases.add(text("a lone angle bracket", "<", "application/rss+xml"));
        cases.add(text("processing instruction only", "<?xml version=\"1.0\"?>", "application/rss+xml"));
        cases.add(text("UTF-8 BOM then JSON", "\uFEFF{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}", "application/json"));
        cases.add(text("parameter entity", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x\"> %p;]><rss/>",
                "application/rss+xml"));
        cases.add(text("quadratic blowup without DOCTYPE", "<rss version=\"2.0\"><channel><title>" + "&amp;".repeat(100_000)
                + "</title></channel></rss>", "application/rss+xml"));
        cases.add(text("many images and pixels", imageHeavy(), "application/rss+xml"));
        cases.add(text("JSON with a NUL", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"a\u0000b\",\"title\":\"x\"}]}",
                "application/json"));
        cases.add(new Case("UTF-16 without BOM", "<rss version=\"2.0\"><channel><title>Sixteen</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_16LE), null));
        return cases;
    }

    private static Case text(String name, String body, String contentType) {
        return new Case(name, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static String attributes(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(" a").append(i).append("=\"").append(i).append('"');
        }
        return s.toString();
    }

    static String manyItems(int n) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Many</title><link>https://many.example/</link><description>d</description>");
        for (int i = 0; i < n; i++) {
            xml.append("<item><title>Item number ").append(i).append("</title><link>https://many.example/").append(i)
                    .append("</link><description>Text of item ").append(i).append(".</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private static String imageHeavy() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            html.append("&lt;img src=\"/i/").append(i).append(".jpg\" width=\"").append(i % 3).append("\"&gt;");
        }
        return "<rss version=\"2.0\"><channel><title>t</title><item><title>Pictures</title><description>" + html + "</description></item></channel></rss>";
    }

    private static String contentTypeOf(String name) {
        if (name.endsWith(".json")) {
            return "application/feed+json";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return "application/xml";
    }
}
