package org.gazette.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.catalog.Slugs;
import org.gazette.support.HostileArticle;
import org.gazette.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-LD, Open Graph, Twitter cards, canonical URLs and feed discovery on every page, over real HTTP. */
class SharingHttpTest {

    static final String DAM = "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam";
    static final String REPUBLISHED = "/articles/castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    static TestSite site;
    static String base;
    static Article hostile;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data, Map.of("site.page-size", "2"));
        base = site.site().settings().baseUrl();
        hostile = site.site().articles().byId(HostileArticle.publish(site.site()).id()).orElseThrow();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static List<String> pages() {
        return List.of("/", "/section/world", "/tag/water", "/author/mara-ekwueme", "/source/meridian-wire",
                "/search?q=dam", DAM, REPUBLISHED, "/articles/" + HostileArticle.SLUG);
    }

    @Test
    void everyPageHasOpenGraphTwitterAndACanonicalUrl() throws Exception {
        for (String path : pages()) {
            Document page = page(path);
            assertThat(meta(page, "property", "og:site_name")).as(path).isEqualTo("Gazette");
            assertThat(meta(page, "property", "og:title")).as(path).isNotBlank();
            assertThat(meta(page, "property", "og:type")).as(path).isIn("website", "article");
            assertThat(meta(page, "name", "twitter:card")).as(path).isIn("summary", "summary_large_image");
            assertThat(meta(page, "name", "twitter:title")).as(path).isEqualTo(meta(page, "property", "og:title"));
            String canonical = page.select("link[rel=canonical]").attr("href");
            assertThat(canonical).as(path).startsWith("http");
            assertThat(meta(page, "property", "og:url")).as(path).isEqualTo(canonical);
        }
        Document notFound = Jsoup.parse(site.get("/no/such/page").body());
        assertThat(meta(notFound, "property", "og:title")).isEqualTo("Page not found");
    }

    @Test
    void canonicalUrlsAreOnePerPageWithoutVolatileParameters() throws Exception {
        assertThat(canonical(DAM + "?utm_source=newsletter&fbclid=abc")).isEqualTo(base + DAM);
        assertThat(canonical("/tag/water?page=2&utm_campaign=x")).isEqualTo(base + "/tag/water?page=2");
        assertThat(canonical("/tag/water?utm_campaign=x")).isEqualTo(base + "/tag/water");
        assertThat(canonical("/section/world?page=1")).isEqualTo(base + "/section/world");
        assertThat(canonical("/search?q=sarn+dam&utm_medium=social")).isEqualTo(base + "/search?q=sarn+dam");
        assertThat(canonical("/search?q=dam&page=2")).isEqualTo(base + "/search?q=dam&page=2");
        assertThat(canonical("/")).isEqualTo(base + "/");
    }

    @Test
    void aRepublishedArticleIsCanonicalToTheOriginalByDefault() throws Exception {
        Article article = site.site().articles().bySlug(REPUBLISHED.substring("/articles/".length())).orElseThrow();
        String original = article.byline().originalUrl();
        assertThat(original).startsWith("https://");
        assertThat(canonical(REPUBLISHED)).isEqualTo(original);
        var self = new CanonicalPolicy(site.site().settings().with(CanonicalPolicy.SETTING, "self"));
        assertThat(self.of(article)).isEqualTo(base + REPUBLISHED);
        var byDefault = new CanonicalPolicy(site.site().settings());
        assertThat(byDefault.of(article)).isEqualTo(original);
        assertThat(byDefault.of(hostile)).isEqualTo(base + "/articles/" + HostileArticle.SLUG);
        assertThatThrownBy(() -> new CanonicalPolicy(site.site().settings().with(CanonicalPolicy.SETTING, "theirs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("original or self");
    }

    @Test
    void articlePagesDescribeTheArticleAsNewsArticleJsonLd() throws Exception {
        Article dam = site.site().articles().bySlug(DAM.substring("/articles/".length())).orElseThrow();
        JsonNode doc = jsonLd(page(DAM), "NewsArticle");
        assertThat(doc.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(doc.get("headline").asText()).isEqualTo(dam.headline());
        assertThat(doc.get("description").asText()).isEqualTo(dam.deck());
        assertThat(Instant.parse(doc.get("datePublished").asText())).isEqualTo(dam.publishedAt());
        assertThat(Instant.parse(doc.get("dateModified").asText())).isEqualTo(dam.updatedAt());
        assertThat(doc.get("author")).singleElement().satisfies(a -> {
            assertThat(a.get("@type").asText()).isEqualTo("Person");
            assertThat(a.get("name").asText()).isEqualTo("Mara Ekwueme");
            assertThat(a.get("url").asText()).isEqualTo(base + "/author/mara-ekwueme");
        });
        JsonNode publisher = doc.get("publisher");
        assertThat(publisher.get("@type").asText()).isEqualTo("Organization");
        assertThat(publisher.get("name").asText()).isEqualTo("Gazette");
        assertThat(publisher.get("logo").get("url").asText()).isEqualTo(base + "/assets/logo.svg");
        assertThat(site.get("/assets/logo.svg").statusCode()).isEqualTo(200);
        assertThat(doc.get("image").get(0).asText()).isEqualTo(base + "/assets/sample/sarn-river-dam.svg");
        assertThat(doc.get("mainEntityOfPage").get("@id").asText()).isEqualTo(base + DAM);
        assertThat(doc.get("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(doc.get("articleSection").asText()).isEqualTo("World");
        assertThat(texts(doc.get("keywords"))).containsExactly("Diplomacy", "Water");
    }

    @Test
    void aRepublishedArticleNamesItsSourceAsAnOrganization() throws Exception {
        JsonNode doc = jsonLd(page(REPUBLISHED), "NewsArticle");
        assertThat(doc.get("author")).singleElement().satisfies(a -> {
            assertThat(a.get("@type").asText()).isEqualTo("Organization");
            assertThat(a.get("name").asText()).isEqualTo("Meridian Wire");
        });
        assertThat(doc.get("isBasedOn").asText()).startsWith("https://");
    }

    @Test
    void articlePagesCarryABreadcrumbTrail() throws Exception {
        JsonNode trail = jsonLd(page(DAM), "BreadcrumbList").get("itemListElement");
        assertThat(trail).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(trail.get(i).get("@type").asText()).isEqualTo("ListItem");
            assertThat(trail.get(i).get("position").asInt()).isEqualTo(i + 1);
        }
        assertThat(trail.get(0).get("item").asText()).isEqualTo(base + "/");
        assertThat(trail.get(1).get("name").asText()).isEqualTo("World");
        assertThat(trail.get(1).get("item").asText()).isEqualTo(base + "/section/world");
        assertThat(trail.get(2).get("item").asText()).isEqualTo(base + DAM);
    }

    @Test
    void theHomePageOffersTheSiteSearchToSearchEngines() throws Exception {
        JsonNode site = jsonLd(page("/"), "WebSite");
        assertThat(site.get("url").asText()).isEqualTo(base + "/");
        JsonNode action = site.get("potentialAction");
        assertThat(action.get("@type").asText()).isEqualTo("SearchAction");
        assertThat(action.get("target").get("urlTemplate").asText()).isEqualTo(base + "/search?q={search_term_string}");
        assertThat(action.get("query-input").asText()).isEqualTo("required name=search_term_string");
    }

    @Test
    void hostileTextCannotBreakOutOfTheJsonLdBlock() throws Exception {
        String html = site.get("/articles/" + HostileArticle.SLUG).body();
        Document page = Jsoup.parse(html);
        List<Element> scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(2);
        for (Element script : scripts) {
            assertThat(script.data()).doesNotContain("</").doesNotContain("<!--").doesNotContain("<");
        }
        JsonNode doc = jsonLd(page, "NewsArticle");
        assertThat(doc.get("headline").asText()).isEqualTo(HostileArticle.HEADLINE);
        assertThat(doc.get("description").asText()).isEqualTo(HostileArticle.DECK);
        assertThat(doc.get("author").get(0).get("name").asText()).isEqualTo(HostileArticle.AUTHOR);
        assertThat(texts(doc.get("keywords"))).containsExactly(HostileArticle.TAG, "Water");
        assertThat(page.select("script:not([type=application/ld+json])")).allSatisfy(s -> assertThat(s.attr("src")).isNotEmpty());
        assertThat(meta(page, "property", "og:title")).isEqualTo(HostileArticle.HEADLINE);
    }

    @Test
    void articlesShareTheirImageAndArticleFacts() throws Exception {
        Document page = page(DAM);
        assertThat(meta(page, "property", "og:type")).isEqualTo("article");
        assertThat(meta(page, "property", "og:image")).isEqualTo(base + "/assets/sample/sarn-river-dam.svg");
        assertThat(meta(page, "property", "og:image:alt")).startsWith("Abstract illustration");
        assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(page, "name", "twitter:image")).isEqualTo(base + "/assets/sample/sarn-river-dam.svg");
        assertThat(meta(page, "property", "article:published_time")).isEqualTo("2026-10-23T12:30:00Z");
        assertThat(meta(page, "property", "article:section")).isEqualTo("World");
        assertThat(page.select("meta[property=article:tag]").eachAttr("content")).containsExactly("Diplomacy", "Water");
        assertThat(meta(page(REPUBLISHED), "name", "twitter:card")).isEqualTo("summary");
    }

    @Test
    void everyPageLinksTheFeedsThatApplyToIt() throws Exception {
        String author = "/author/" + Slugs.of(HostileArticle.AUTHOR);
        Map<String, List<String>> expected = Map.of(
                "/", List.of("/feed"),
                "/search?q=dam", List.of("/feed"),
                "/section/world", List.of("/feed", "/section/world/feed"),
                "/section/world?page=2", List.of("/feed", "/section/world/feed"),
                "/tag/water", List.of("/feed", "/tag/water/feed"),
                author, List.of("/feed", author + "/feed"),
                "/source/meridian-wire", List.of("/feed", "/source/meridian-wire/feed"),
                DAM, List.of("/feed", "/section/world/feed"));
        for (var e : expected.entrySet()) {
            List<Element> links = page(e.getKey()).select("head link[rel=alternate]");
            List<String> hrefs = new ArrayList<>();
            for (String stem : e.getValue()) {
                hrefs.add(stem + ".rss");
                hrefs.add(stem + ".atom");
                hrefs.add(stem + ".json");
            }
            assertThat(links.stream().map(l -> l.attr("href")).toList()).as(e.getKey()).containsExactlyElementsOf(hrefs);
            for (Element link : links) {
                HttpResponse<String> feed = site.get(link.attr("href"));
                assertThat(feed.statusCode()).as(link.attr("href")).isEqualTo(200);
                assertThat(feed.headers().firstValue("Content-Type")).hasValue(link.attr("type") + "; charset=utf-8");
                assertThat(link.attr("title")).startsWith("Gazette");
            }
        }
        assertThat(page("/").select("head link[rel=alternate][type=application/rss+xml]").first().attr("href")).isEqualTo("/feed.rss");
        assertThat(page("/section/world").select("main .feed-link a").attr("href")).isEqualTo("/section/world/feed.rss");
        assertThat(page(DAM).select(".feed-link").attr("href")).isEqualTo("/feed.rss");
    }

    private static Document page(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body(), base + path);
    }

    private static String canonical(String path) throws Exception {
        return page(path).select("link[rel=canonical]").attr("href");
    }

    private static String meta(Document page, String attribute, String name) {
        Element meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
        assertThat(meta).as(name).isNotNull();
        return meta.attr("content");
    }

    private static JsonNode jsonLd(Document page, String type) throws Exception {
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode doc = JSON.readTree(script.data());
            if (doc.get("@type").asText().equals(type)) {
                return doc;
            }
        }
        throw new AssertionError("no " + type + " JSON-LD on the page");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
