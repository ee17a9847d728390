package org.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gazette.support.TestSite;
import org.gazette.syndication.FeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette feeds ...} as an operator types it, then the site those commands built. */
class FeedsCommandTest {

    @TempDir
    Path data;

    private FeedServer feeds;

    @BeforeEach
    void start() {
        feeds = new FeedServer();
        feeds.resource("/andes.xml", "application/rss+xml", "rss2.xml");
        feeds.resource("/pacific.xml", "application/rss+xml", "pacific-herald.xml");
        feeds.resource("/page", "text/html", "html-page.html");
    }

    @AfterEach
    void stop() {
        feeds.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private Run gazette(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--set", "ingest.allow-private-addresses=true", "--set", "site.sample-content=false"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            var cli = Gazette.commandLine();
            cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int exit = cli.execute(all.toArray(String[]::new));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void aFeedAddedFromTheCommandLineIsOnTheSiteAfterOnePoll() throws Exception {
        Run added = gazette("feeds", "add", feeds.url("/andes.xml"), "--source", "Andes Wire", "--source-url", "https://andes-wire.example/",
                "--section", "World", "--tags", "andes,farming", "--language", "en", "--mode", "publish", "--every", "15m");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("Added feed 1: " + feeds.url("/andes.xml") + " (Andes Wire), polled every 15m");
        assertThat(gazette("feeds", "add", feeds.url("/pacific.xml"), "--source", "Pacific Herald", "--every", "1h").exit()).isZero();

        Run listed = gazette("feeds", "list");
        assertThat(listed.out()).contains("1  " + feeds.url("/andes.xml"))
                .contains("source Andes Wire, section World, tags andes, farming, en, published at once, every 15m")
                .contains("last poll never");

        Run polled = gazette("feeds", "poll");
        assertThat(polled.exit()).as(polled.err()).isZero();
        assertThat(polled.out()).contains("items seen 3, new 3, updated 0, duplicates 0, refused 0")
                .contains("items seen 3, new 1, updated 0, duplicates 2, refused 0").contains("HTTP 200");

        try (TestSite site = TestSite.start(data, Map.of("site.sample-content", "false"))) {
            String html = site.get("/articles/highland-farmers-rebuild-terraces-after-record-floods").body();
            assertThat(html).contains("<a href=\"/source/andes-wire\" rel=\"author\">Andes Wire</a>")
                    .contains("rel=\"tag\">andes</a>").contains("original article");
            assertThat(site.get("/source/pacific-herald").body()).contains("Island Schools Switch to Solar Power")
                    .doesNotContain("Highland Farmers");
            assertThat(site.get("/search?q=solar").body()).contains("/articles/island-schools-switch-to-solar-power");
            assertThat(site.get("/syndication/status").statusCode()).as("status page is off by default").isEqualTo(404);
        }
    }

    @Test
    void badInputAndFailingFeedsAreReportedInPlainWords() {
        Run badMode = gazette("feeds", "add", feeds.url("/andes.xml"), "--source", "Andes Wire", "--mode", "later");
        assertThat(badMode.exit()).isEqualTo(1);
        assertThat(badMode.err()).contains("--mode is publish or review, not 'later'");
        Run badEvery = gazette("feeds", "add", feeds.url("/andes.xml"), "--source", "Andes Wire", "--every", "soon");
        assertThat(badEvery.err()).contains("--every takes a duration such as 90s, 15m, 2h or 1d");
        Run noSource = gazette("feeds", "add", feeds.url("/andes.xml"));
        assertThat(noSource.exit()).isNotZero();
        assertThat(noSource.err()).contains("--source");

        assertThat(gazette("feeds", "add", feeds.url("/page"), "--source", "Web Page").exit()).isZero();
        Run polled = gazette("feeds", "poll", "1");
        assertThat(polled.exit()).isEqualTo(3);
        assertThat(polled.out()).contains("error (1 failure(s) in a row): The address returned a web page (HTML), not a feed")
                .contains("https://andes-wire.example/rss.xml");
        assertThat(gazette("feeds", "list").out()).contains("The address returned a web page (HTML), not a feed");

        assertThat(gazette("feeds", "poll", "42").err()).contains("There is no feed 42");
        assertThat(gazette("feeds", "remove", "1").out()).contains("Removed feed 1; the articles it brought in stay published.");
        assertThat(gazette("feeds", "list").out()).contains("No partner feeds yet");
    }
}
