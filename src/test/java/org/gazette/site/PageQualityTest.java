package org.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gazette.support.HtmlChecker;
import org.gazette.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of public page is valid HTML and has the structure assistive technology relies on. */
class PageQualityTest {

    static final String[] PAGES = {
        "/", "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam",
        "/articles/castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria",
        "/articles/veloria-y-castrane-alcanzan-un-acuerdo-preliminar-sobre-el-caudal-del-rio-sarn",
        "/section/world", "/tag/water", "/author/mara-ekwueme", "/source/meridian-wire",
        "/search?q=dam", "/search?q=nothing+like+this", "/search", "/no-such-page"};

    @TempDir
    static Path dir;

    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        List<Path> saved = new ArrayList<>();
        for (int i = 0; i < PAGES.length; i++) {
            Path file = dir.resolve("page-" + i + ".html");
            Files.writeString(file, site.get(PAGES[i]).body());
            saved.add(file);
        }
        assertThat(HtmlChecker.errors(saved)).as("Nu Html Checker errors").isEmpty();
    }

    @Test
    void everyPageHasLandmarksOrderedHeadingsLabelsAndAltText() throws Exception {
        for (String path : PAGES) {
            Document page = Jsoup.parse(site.get(path).body());
            assertThat(page.select("html").attr("lang")).as(path).isNotBlank();
            assertThat(page.select("header")).as(path + " banner").isNotEmpty();
            assertThat(page.select("nav[aria-label]")).as(path + " navigation").isNotEmpty();
            assertThat(page.select("main")).as(path + " main").hasSize(1);
            assertThat(page.select("footer.site-footer")).as(path + " contentinfo").hasSize(1);
            assertThat(page.select("a.skip-link[href=#main]")).as(path + " skip link").hasSize(1);
            assertThat(page.select("h1")).as(path + " one h1").hasSize(1);
            int previous = 1;
            for (Element heading : page.select("main h1, main h2, main h3, main h4, main h5, main h6")) {
                int level = Integer.parseInt(heading.tagName().substring(1));
                assertThat(level).as(path + ": heading '" + heading.text() + "' skips a level").isLessThanOrEqualTo(previous + 1);
                previous = level;
            }
            for (Element input : page.select("input:not([type=hidden])")) {
                assertThat(page.select("label[for=" + input.id() + "]")).as(path + ": label for input " + input.id()).hasSize(1);
            }
            for (Element img : page.select("img")) {
                assertThat(img.hasAttr("alt")).as(path + ": alt on " + img.attr("src")).isTrue();
                assertThat(img.attr("width")).as(path + ": width on " + img.attr("src")).isNotBlank();
                assertThat(img.attr("height")).as(path + ": height on " + img.attr("src")).isNotBlank();
            }
            assertThat(page.select("script:not([src]):not([type=application/ld+json])")).as(path + ": inline scripts").isEmpty();
            assertThat(page.select("script[src^=http], link[href^=http][rel=stylesheet]")).as(path + ": external resources").isEmpty();
        }
    }

    @Test
    void aSpanishArticleIsMarkedAsSpanish() throws Exception {
        Document page = Jsoup.parse(site.get(PAGES[3]).body());
        assertThat(page.select("article.article").attr("lang")).isEqualTo("es");
    }
}
