package org.gazette.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gazette.Site;
import org.gazette.config.Settings;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette publish}, run as the command line runs it, with and without the site running. */
class PublishCommandTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    static Run gazette(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var outBytes = new ByteArrayOutputStream();
        var errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = org.gazette.Gazette.commandLine().execute(args);
            return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static final String STORY = """
            ---
            headline: "Lighthouse Keepers Return to Cape Morrow"
            deck: "“The light never went out,” the last keeper said."
            source: Coastline Courier
            source_url: https://courier.example.net/
            original_url: https://courier.example.net/2026/11/lighthouse
            section: Science
            tags: [Coast, Heritage]
            published: 2026-11-20T08:00:00+01:00
            ---
            Volunteers relit the **Cape Morrow** lamp on Friday, with the harbour and the Halden dam engineers watching.
            """;

    @Test
    void publishesWhileTheSiteIsRunning_andTheArticleIsLiveWhenTheCommandReturns() throws Exception {
        Path data = dir.resolve("data");
        try (TestSite site = TestSite.start(data)) {
            site.site().changeFeed().startPolling(java.time.Duration.ofMillis(100));
            Run run = gazette("publish", "--data", data.toString(), write("story.md", STORY).toString());
            assertThat(run.err()).doesNotContain("Nothing was published");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out().strip()).isEqualTo("/articles/lighthouse-keepers-return-to-cape-morrow");

            String page = site.get("/articles/lighthouse-keepers-return-to-cape-morrow").body();
            assertThat(page).contains("<h1>Lighthouse Keepers Return to Cape Morrow</h1>")
                    .contains("Coastline Courier")
                    .contains("https://courier.example.net/2026/11/lighthouse")
                    .contains("Posted <time datetime=\"2026-11-20T07:00:00Z\">November 20, 2026</time>")
                    .contains("Related stories");
            assertThat(site.get("/search?q=lighthouse+keepers").body()).contains("/articles/lighthouse-keepers-return-to-cape-morrow");
            assertThat(site.get("/feed.rss").body()).contains("<title>Lighthouse Keepers Return to Cape Morrow</title>");

            // Publishing the file again after an edit updates the same article.
            Run again = gazette("publish", "--data", data.toString(),
                    write("story.md", STORY.replace("Volunteers relit", "Volunteers proudly relit")).toString());
            assertThat(again.exitCode()).isZero();
            assertThat(site.site().articles().countPublished()).isEqualTo(16);
            assertThat(site.get("/search?q=proudly").body()).contains("/articles/lighthouse-keepers-return-to-cape-morrow");
        }
    }

    @Test
    void publishesWhileTheSiteIsStopped_andTheSiteFindsItAtStart() throws Exception {
        Path data = dir.resolve("stopped");
        Run run = gazette("publish", "--data", data.toString(), "--set", "site.sample-content=false",
                write("story.md", STORY).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("/articles/lighthouse-keepers-return-to-cape-morrow");

        try (TestSite site = TestSite.start(data, java.util.Map.of("site.sample-content", "false"))) {
            assertThat(site.get("/articles/lighthouse-keepers-return-to-cape-morrow").statusCode()).isEqualTo(200);
            assertThat(site.get("/search?q=lighthouse").body()).contains("Cape Morrow");
        }
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineAndNothingIsStored() throws Exception {
        Path data = dir.resolve("broken");
        Path good = write("good.md", STORY);
        Path bad = write("bad.md", "---\nheadline: Fine\nauthors: [A]\nsection: World\npublished: last tuesday\n---\nText\n");
        Run run = gazette("publish", "--data", data.toString(), "--set", "site.sample-content=false", good.toString(), bad.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":5: 'last tuesday' is not an ISO-8601 date").contains("Nothing was published.");
        try (Site site = Site.open(Settings.of(java.util.Map.of("data.dir", data.toString())), false)) {
            assertThat(site.articles().countPublished()).isZero();
        }
    }
}
