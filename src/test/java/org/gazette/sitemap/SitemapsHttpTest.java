package org.gazette.sitemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.validation.Schema;
import org.gazette.article.Article;
import org.gazette.support.HostileArticle;
import org.gazette.support.SecureXml;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** robots.txt and every sitemap over real HTTP, validated against the sitemaps.org and Google News schemas. */
class SitemapsHttpTest {

    static final String SM = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final int PER_FILE = 4;

    @TempDir
    static Path data;

    static TestSite site;
    static String base;
    static Schema schema;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data, Map.of("sitemap.max-urls", Integer.toString(PER_FILE)));
        base = site.site().settings().baseUrl();
        HostileArticle.publish(site.site());
        schema = SecureXml.schema("/xsd/sitemap.xsd", "/xsd/sitemap-news.xsd");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void robotsTxtNamesTheSitemapIndex() throws Exception {
        HttpResponse<String> robots = site.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(robots.body().lines()).contains("User-agent: *", "Sitemap: " + base + "/sitemap.xml");
        assertThat(site.get("/sitemap.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void theIndexListsValidArticleSitemapsThatTogetherHoldEveryArticleOnce() throws Exception {
        Document index = fetchValid("/sitemap.xml");
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        List<String> sitemaps = texts(index, SM, "loc");
        int articles = site.site().articles().countPublished();
        int files = (articles + PER_FILE - 1) / PER_FILE;
        assertThat(articles).isEqualTo(16);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            expected.add(base + "/sitemap-articles-" + i + ".xml");
        }
        int pageFiles = (new SitemapQueries(site.site().database().jdbi()).listingPages().size() + 1 + PER_FILE - 1) / PER_FILE;
        assertThat(pageFiles).isGreaterThan(1);
        for (int i = 1; i <= pageFiles; i++) {
            expected.add(base + "/sitemap-pages-" + i + ".xml");
        }
        expected.add(base + "/sitemap-news.xml");
        assertThat(sitemaps).containsExactlyElementsOf(expected);

        List<String> listed = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            Document sitemap = fetchValid("/sitemap-articles-" + i + ".xml");
            List<String> locs = texts(sitemap, SM, "loc");
            assertThat(locs).hasSizeBetween(1, PER_FILE);
            assertThat(texts(sitemap, SM, "lastmod")).hasSameSizeAs(locs).allSatisfy(t -> Instant.parse(t));
            listed.addAll(locs);
        }
        Set<String> all = new HashSet<>();
        site.site().articles().forEachPublished(100, batch -> batch.forEach(a -> all.add(base + a.path())));
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        for (String missing : List.of("/sitemap-articles-" + (files + 1) + ".xml", "/sitemap-articles-0.xml", "/sitemap-articles-x.xml",
                "/sitemap-articles-2147483647.xml")) {
            assertThat(site.get(missing).statusCode()).as(missing).isEqualTo(404);
        }
    }

    @Test
    void thePagesSitemapsListTheHomeAndEveryListingWithArticles() throws Exception {
        List<String> locs = new ArrayList<>();
        for (String sitemap : texts(fetchValid("/sitemap.xml"), SM, "loc")) {
            if (sitemap.startsWith(base + "/sitemap-pages-")) {
                List<String> inFile = texts(fetchValid(sitemap.substring(base.length())), SM, "loc");
                assertThat(inFile).hasSizeBetween(1, PER_FILE);
                locs.addAll(inFile);
            }
        }
        assertThat(locs).startsWith(base + "/").doesNotHaveDuplicates()
                .contains(base + "/section/world", base + "/section/science", base + "/tag/water",
                        base + "/author/mara-ekwueme", base + "/source/meridian-wire");
        for (String loc : locs) {
            assertThat(site.get(loc.substring(base.length())).statusCode()).as(loc).isEqualTo(200);
        }
    }

    @Test
    void theNewsSitemapHoldsTheArticlesOfTheLast48HoursInGooglesFormat() throws Exception {
        Instant since = Instant.now().minus(Duration.ofHours(48));
        Document news = fetchValid("/sitemap-news.xml");
        List<Article> recent = new ArrayList<>();
        site.site().articles().forEachPublished(100, batch -> batch.stream()
                .filter(a -> !a.publishedAt().isBefore(since)).forEach(recent::add));
        assertThat(texts(news, SM, "loc")).containsExactlyInAnyOrderElementsOf(
                recent.stream().map(a -> base + a.path()).toList());
        NodeList entries = news.getElementsByTagNameNS(NEWS, "news");
        Element hostile = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            assertThat(child(entry, "name")).isEqualTo("Gazette");
            assertThat(child(entry, "language")).isEqualTo("en");
            assertThat(Instant.parse(child(entry, "publication_date"))).isAfterOrEqualTo(since.minusSeconds(1));
            if (child(entry, "title").equals(HostileArticle.HEADLINE_CLEAN)) {
                hostile = entry;
            }
        }
        assertThat(hostile).as("the hostile headline, escaped and cleaned").isNotNull();
    }

    @Test
    void theSchemasRejectWhatTheFormatsForbid() {
        String url = "<url><loc>https://example.org/a</loc></url>";
        assertThatThrownBy(() -> SecureXml.validate(schema, urlset("<url><loc>/relative</loc></url>")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SecureXml.validate(schema, urlset(url.repeat(50_001))))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SecureXml.validate(schema, urlset("<url><loc>https://example.org/a</loc>"
                + "<lastmod>2026-11-28T10:00:00</lastmod></url>"))).as("a time needs its zone").isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SecureXml.validate(schema, urlset("<url><loc>https://example.org/a</loc>"
                + newsEntry("English", "2026-11-28T10:00:00Z") + "</url>"))).isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> SecureXml.validate(schema, urlset("<url><loc>https://example.org/a</loc>"
                + "<news:news xmlns:news=\"" + NEWS + "\"><news:title>t</news:title></news:news></url>")))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void theSchemasAcceptWhatTheFormatsAllow() throws Exception {
        SecureXml.validate(schema, urlset(("<url><loc>https://example.org/a</loc><lastmod>2026-11-28</lastmod>"
                + "<changefreq>daily</changefreq><priority>0.8</priority></url>").repeat(50_000)));
        SecureXml.validate(schema, urlset("<url><loc>https://example.org/a</loc>" + newsEntry("zh-cn", "2026-11-28T10:00+01:00")
                + "</url>"));
    }

    @Test
    void aSitemapFileHoldsAtMost50000Urls() {
        var settings = site.site().settings().with("sitemap.max-urls", "50001");
        var queries = new SitemapQueries(site.site().database().jdbi());
        assertThatThrownBy(() -> new Sitemaps(queries, settings, Clock.systemUTC(), Instant::now))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sitemap.max-urls");
    }

    private static String urlset(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"" + SM + "\">" + body + "</urlset>";
    }

    private static String newsEntry(String language, String date) {
        return "<news:news xmlns:news=\"" + NEWS + "\"><news:publication><news:name>Gazette</news:name><news:language>"
                + language + "</news:language></news:publication><news:publication_date>" + date
                + "</news:publication_date><news:title>A title</news:title></news:news>";
    }

    private static Document fetchValid(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        SecureXml.validate(schema, response.body());
        return SecureXml.dom(response.body());
    }

    private static List<String> texts(Document doc, String ns, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static String child(Element parent, String name) {
        return parent.getElementsByTagNameNS(NEWS, name).item(0).getTextContent();
    }
}
