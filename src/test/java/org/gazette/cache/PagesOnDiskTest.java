package org.gazette.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gazette.Site;
import org.gazette.article.Article;
import org.gazette.catalog.Tag;
import org.gazette.config.Settings;
import org.gazette.publish.Submission;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages kept on disk outlive a restart, and are never served stale: not after a change made while
 * the site was down, nor after a crash lost the latest save of their clock, nor when their files,
 * the clock or the build that drew them changed. Real sites restarted on one data folder, real HTTP.
 */
class PagesOnDiskTest {

    private static final String VELORIA = "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam";
    private static final String HALDEN = "/articles/castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria";
    private static final String OLD_HEADLINE = "Castrane Begins Filling Halden Reservoir, Drawing Sharp Protest From Veloria";
    private static final String NEW_HEADLINE = "Castrane Fills the Halden Reservoir";
    private static final String COMET = "/articles/forgotten-logbooks-reveal-a-19th-century-sighting-of-this-winter-s-comet";
    /** Pages tell the same address on every start (a fresh port each time must not void them). */
    private static final String BASE_URL = "http://gazette.test";

    @TempDir
    Path data;

    private TestSite site;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private TestSite start(Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("site.base-url", BASE_URL));
        settings.putAll(extra);
        site = TestSite.start(data, settings);
        return site;
    }

    private TestSite restart() throws Exception {
        site.close();
        site = null;
        return start(Map.of());
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode cache() throws Exception {
        return json.readTree(site.get("/healthz").body()).get("cache");
    }

    private long renders() throws Exception {
        return cache().get("renders").asLong();
    }

    /** The three pages, rendered once each, so they are kept on disk. */
    private Map<String, String> keep(List<String> paths) throws Exception {
        Map<String, String> bodies = new HashMap<>();
        for (String path : paths) {
            bodies.put(path, page(path));
        }
        return bodies;
    }

    @Test
    void pagesRenderedBeforeARestartAreServedAfterItWithoutRenderingAgain() throws Exception {
        start(Map.of());
        List<String> paths = List.of(VELORIA, COMET, "/section/world");
        Map<String, String> before = keep(paths);
        assertThat(cache().get("disk").get("writes").asLong()).isGreaterThanOrEqualTo(paths.size());

        restart();
        for (String path : paths) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.headers().firstValue("X-Cache")).as(path).hasValue("HIT");
            assertThat(response.body()).as(path).isEqualTo(before.get(path));
        }
        assertThat(renders()).as("nothing was rendered after the restart").isZero();
        assertThat(cache().get("disk").get("hits").asLong()).isEqualTo(paths.size());
        // Validators survive too: the browser's copy is still good.
        String etag = site.get(COMET).headers().firstValue("ETag").orElseThrow();
        assertThat(site.get(COMET, Map.of("If-None-Match", etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void aChangeMadeWhileTheSiteWasDownRedrawsEveryKeptPageThatShowedIt() throws Exception {
        start(Map.of());
        assertThat(page(VELORIA)).as("the Veloria page lists the Halden story as related").contains(OLD_HEADLINE);
        keep(List.of(VELORIA, HALDEN, COMET));
        site.close();
        site = null;

        editHaldenOffline();

        start(Map.of());
        assertThat(page(HALDEN)).contains(NEW_HEADLINE).doesNotContain(OLD_HEADLINE);
        assertThat(page(VELORIA)).as("its related box").contains(NEW_HEADLINE).doesNotContain(OLD_HEADLINE);
        assertThat(renders()).as("the two pages showing the Halden story, and only they").isEqualTo(2);
        assertThat(site.get(COMET).headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(renders()).isEqualTo(2);
    }

    @Test
    void aCrashThatLostTheLatestSaveOfTheClockLosesNoChange() throws Exception {
        start(Map.of());
        keep(List.of(VELORIA, HALDEN, COMET));
        site.close(); // saves the clock
        Path clock = data.resolve("pages").resolve("clock");
        byte[] savedBeforeTheEdit = Files.readAllBytes(clock);

        start(Map.of());
        Article halden = site.site().articles().bySlug(HALDEN.substring("/articles/".length())).orElseThrow();
        site.site().publish(edited(halden));
        assertThat(page(HALDEN)).contains(NEW_HEADLINE); // rendered and kept after the edit
        site.close();
        site = null;
        // As if the process had died before saving its clock after the edit.
        Files.write(clock, savedBeforeTheEdit);

        start(Map.of());
        assertThat(page(VELORIA)).contains(NEW_HEADLINE).doesNotContain(OLD_HEADLINE);
        assertThat(page(HALDEN)).contains(NEW_HEADLINE);
        assertThat(site.get(COMET).headers().firstValue("X-Cache")).as("an unrelated page is still trusted").hasValue("HIT");
    }

    @Test
    void aLostClockAnotherBuildOrGarbledFilesVoidThePagesAndTheyAreRenderedAfresh() throws Exception {
        start(Map.of());
        String comet = keep(List.of(COMET, VELORIA)).get(COMET);
        site.close();
        site = null;

        Files.delete(data.resolve("pages").resolve("clock"));
        start(Map.of());
        assertThat(page(COMET)).isEqualTo(comet);
        assertThat(renders()).as("without its clock no kept page is trusted").isEqualTo(1);

        restart();
        assertThat(page(COMET)).isEqualTo(comet);
        assertThat(renders()).as("kept again since").isZero();

        // Another setting that shows on pages: drawn by another build, in effect.
        site.close();
        site = null;
        start(Map.of("site.name", "The Sarn Valley Courier"));
        assertThat(page(COMET)).contains("The Sarn Valley Courier");
        assertThat(renders()).isEqualTo(1);

        garbleEveryPageFile();
        site.close();
        site = null;
        start(Map.of("site.name", "The Sarn Valley Courier"));
        assertThat(page(COMET)).contains("The Sarn Valley Courier").contains("Logbooks");
        assertThat(renders()).as("a garbled file is rendered afresh").isEqualTo(1);
    }

    @Test
    void aKeptPageIsSentWholeInBothFormsAndAFileCutShortIsRenderedAfresh() throws Exception {
        start(Map.of());
        String comet = keep(List.of(COMET)).get(COMET);
        restart();
        HttpResponse<byte[]> zipped = site.getBytes(COMET, Map.of("Accept-Encoding", "gzip"));
        assertThat(zipped.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(comet);
        }
        HttpResponse<String> plain = site.get(COMET);
        assertThat(plain.headers().firstValue("X-Cache")).hasValue("HIT");
        assertThat(plain.headers().firstValue("Content-Length")).hasValue(Integer.toString(comet.getBytes(StandardCharsets.UTF_8).length));
        assertThat(plain.body()).isEqualTo(comet);
        assertThat(renders()).isZero();
        site.close();
        site = null;

        // Cut inside the gzip form, then inside the body: neither half a page is sent.
        for (int cut : new int[] {100, comet.length() / 2 + 2_000}) {
            try (Stream<Path> files = Files.walk(data.resolve("pages"))) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("clock")).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - cut));
                }
            }
            start(Map.of());
            assertThat(page(COMET)).as("cut %d bytes short", cut).isEqualTo(comet);
            assertThat(renders()).as("cut %d bytes short", cut).isEqualTo(1);
            site.close();
            site = null;
        }
    }

    @Test
    void theWarmerRendersEveryArticleAfterAStartSoReadersFindThemKept() throws Exception {
        start(Map.of("cache.prerender", "2"));
        JsonNode warmer = warmed();
        int articles = site.site().articles().countPublished();
        assertThat(warmer.get("asked").asLong()).as("every article page and the listings").isGreaterThan(articles);
        assertThat(warmer.get("rendered").asLong()).isEqualTo(warmer.get("asked").asLong());
        assertThat(json.readTree(site.get("/healthz").body()).at("/cache/entries").asLong())
                .as("what the warmer rendered is kept on disk, not in memory").isLessThan(articles);

        long rendered = renders();
        for (String path : List.of(VELORIA, HALDEN, COMET, "/section/world", "/tag/water")) {
            assertThat(site.get(path).headers().firstValue("X-Cache")).as(path).hasValue("HIT");
        }
        assertThat(renders()).isEqualTo(rendered);

        // A second start finds them all on disk: asked again, rendered none.
        site.close();
        site = null;
        start(Map.of("cache.prerender", "2"));
        warmer = warmed();
        assertThat(warmer.get("asked").asLong()).isGreaterThan(articles);
        assertThat(warmer.get("rendered").asLong()).isZero();
    }

    /** The warmer's figures once it has finished (within 30 s). */
    private JsonNode warmed() throws Exception {
        JsonNode warmer = json.readTree(site.get("/healthz").body()).get("warmer");
        for (int i = 0; i < 600 && !warmer.get("done").asBoolean(); i++) {
            Thread.sleep(50);
            warmer = json.readTree(site.get("/healthz").body()).get("warmer");
        }
        assertThat(warmer.get("done").asBoolean()).as("the warmer finished: " + warmer).isTrue();
        return warmer;
    }

    private void editHaldenOffline() {
        Map<String, String> values = new HashMap<>();
        values.put("data.dir", data.toString());
        values.put("site.base-url", BASE_URL);
        try (Site offline = Site.open(Settings.of(values), true)) {
            offline.start();
            Article halden = offline.articles().bySlug(HALDEN.substring("/articles/".length())).orElseThrow();
            offline.publish(edited(halden));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Submission edited(Article a) {
        var byline = a.byline();
        return new Submission(a.slug(), NEW_HEADLINE, a.deck(), a.bodyMarkdown(), a.section().name(),
                a.tags().stream().map(Tag::name).toList(),
                byline.isRepublished() ? List.of() : byline.authors().stream().map(org.gazette.catalog.Author::name).toList(),
                byline.isRepublished() ? byline.source().name() : null,
                byline.isRepublished() ? byline.source().homeUrl() : null,
                byline.originalUrl(), a.publishedAt(), a.language(), a.image());
    }

    private void garbleEveryPageFile() throws Exception {
        try (Stream<Path> files = Files.walk(data.resolve("pages"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("clock")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(file, ("garbled" + new String(bytes, 0, 40, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
    }
}
