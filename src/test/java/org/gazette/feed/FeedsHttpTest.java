package org.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.catalog.Slugs;
import org.gazette.search.SearchHit;
import org.gazette.site.Messages;
import org.gazette.support.HostileArticle;
import org.gazette.support.SecureXml;
import org.gazette.support.TestSite;
import org.jdom2.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every feed kind over real HTTP, parsed back and checked field by field, hostile article included. */
class FeedsHttpTest {

    @TempDir
    static Path data;

    static TestSite site;
    static String base;
    static Article hostile;
    static long imageSize;

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        base = site.site().settings().baseUrl();
        long id = HostileArticle.publish(site.site()).id();
        hostile = site.site().articles().byId(id).orElseThrow();
        try (InputStream in = FeedsHttpTest.class.getResourceAsStream("/public/assets/sample/comet-archive.svg")) {
            imageSize = in.readAllBytes().length;
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The scopes the hostile article belongs to, by feed stem. */
    static List<String> hostileScopes() {
        return List.of("/feed", "/section/world/feed", "/tag/water/feed", "/tag/" + Slugs.of(HostileArticle.TAG) + "/feed",
                "/author/" + Slugs.of(HostileArticle.AUTHOR) + "/feed");
    }

    @Test
    void theHostileArticleReachedTheStoreWithItsForbiddenCharacters() {
        assertThat(hostile.headline()).isEqualTo(HostileArticle.HEADLINE).contains("\u0001");
        assertThat(hostile.deck()).isEqualTo(HostileArticle.DECK).contains("\u0008");
        assertThat(HostileArticle.AUTHOR).isEqualTo(hostile.byline().names());
    }

    @Test
    void rssOfEveryScopeCarriesTheHostileArticleIntact() throws Exception {
        for (String stem : hostileScopes()) {
            HttpResponse<String> response = site.get(stem + ".rss");
            assertThat(response.statusCode()).as(stem).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
            SyndFeed feed = SecureXml.feed(response.body());
            assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
            assertThat(feed.getLink()).isEqualTo(base + (stem.equals("/feed") ? "/" : stem.replace("/feed", "")));
            SyndEntry entry = feed.getEntries().get(0);
            checkCommon(entry);
            assertThat(entry.getAuthor()).isEqualTo(HostileArticle.AUTHOR);
            checkEnclosure(entry);
            Element media = foreign(entry, "content");
            assertThat(media.getNamespaceURI()).isEqualTo("http://search.yahoo.com/mrss/");
            assertThat(media.getAttributeValue("url")).isEqualTo(base + "/assets/sample/comet-archive.svg");
            assertThat(media.getAttributeValue("type")).isEqualTo("image/svg+xml");
            assertThat(media.getAttributeValue("fileSize")).isEqualTo(Long.toString(imageSize));
            assertThat(media.getChildText("description", media.getNamespace())).isEqualTo("A comet & <its> \"tail\" ]]>");
            assertThat(Instant.parse(foreign(entry, "modified").getText())).isEqualTo(hostile.updatedAt());
        }
    }

    @Test
    void atomOfEveryScopeCarriesTheHostileArticleIntact() throws Exception {
        for (String stem : hostileScopes()) {
            HttpResponse<String> response = site.get(stem + ".atom");
            assertThat(response.statusCode()).as(stem).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            SyndFeed feed = SecureXml.feed(response.body());
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getUri()).isEqualTo(base + stem);
            SyndEntry entry = feed.getEntries().get(0);
            checkCommon(entry);
            assertThat(entry.getUpdatedDate().toInstant()).isEqualTo(hostile.updatedAt());
            assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
            assertThat(entry.getAuthors()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo(HostileArticle.AUTHOR);
                assertThat(p.getUri()).isEqualTo(base + "/author/" + Slugs.of(HostileArticle.AUTHOR));
            });
            checkEnclosure(entry);
            assertThat(foreign(entry, "content").getAttributeValue("url")).isEqualTo(base + "/assets/sample/comet-archive.svg");
        }
    }

    @Test
    void jsonFeedOfEveryScopeCarriesTheHostileArticleIntact() throws Exception {
        for (String stem : hostileScopes()) {
            HttpResponse<String> response = site.get(stem + ".json");
            assertThat(response.statusCode()).as(stem).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/feed+json; charset=utf-8");
            JsonNode feed = JSON.readTree(response.body());
            assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
            assertThat(feed.get("feed_url").asText()).isEqualTo(base + stem + ".json");
            assertThat(feed.get("title").asText()).startsWith("Gazette");
            JsonNode item = feed.get("items").get(0);
            assertThat(item.get("id").asText()).isEqualTo(base + "/a/" + hostile.id());
            assertThat(item.get("url").asText()).isEqualTo(base + "/articles/" + HostileArticle.SLUG);
            assertThat(item.get("title").asText()).isEqualTo(HostileArticle.HEADLINE_CLEAN);
            assertThat(item.get("summary").asText()).isEqualTo(HostileArticle.DECK_CLEAN);
            checkBody(item.get("content_html").asText());
            assertThat(Instant.parse(item.get("date_published").asText())).isEqualTo(hostile.publishedAt());
            assertThat(Instant.parse(item.get("date_modified").asText())).isEqualTo(hostile.updatedAt());
            assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo(HostileArticle.AUTHOR);
            assertThat(texts(item.get("tags"))).containsExactly("World", HostileArticle.TAG, "Water");
            assertThat(item.get("image").asText()).isEqualTo(base + "/assets/sample/comet-archive.svg");
            JsonNode attachment = item.get("attachments").get(0);
            assertThat(attachment.get("mime_type").asText()).isEqualTo("image/svg+xml");
            assertThat(attachment.get("size_in_bytes").asLong()).isEqualTo(imageSize);
        }
    }

    @Test
    void sourceFeedsNameTheOutletAsAuthorOfEveryEntry() throws Exception {
        int republished = site.site().articles().fromSource(
                site.site().catalog().source("meridian-wire").orElseThrow().id(), 100, 0).articles().size();
        SyndFeed rss = SecureXml.feed(site.get("/source/meridian-wire/feed.rss").body());
        SyndFeed atom = SecureXml.feed(site.get("/source/meridian-wire/feed.atom").body());
        JsonNode json = JSON.readTree(site.get("/source/meridian-wire/feed.json").body());
        assertThat(republished).isGreaterThan(1);
        assertThat(rss.getEntries()).hasSize(republished).allSatisfy(e -> assertThat(e.getAuthor()).isEqualTo("Meridian Wire"));
        assertThat(atom.getEntries()).hasSize(republished).allSatisfy(e -> assertThat(e.getAuthors().get(0).getUri())
                .isEqualTo(base + "/source/meridian-wire"));
        assertThat(json.get("items")).hasSize(republished);
        json.get("items").forEach(i -> assertThat(i.get("authors").get(0).get("name").asText()).isEqualTo("Meridian Wire"));
    }

    @Test
    void atomFeedsFollowRfc4287() throws Exception {
        List<String> stems = new ArrayList<>(hostileScopes());
        stems.add("/source/meridian-wire/feed");
        stems.add("/section/science/feed");
        for (String stem : stems) {
            var doc = SecureXml.dom(site.get(stem + ".atom").body());
            var feed = doc.getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo(Atom.NS);
            Atom.assertExactlyOne(feed, "id", "title", "updated");
            boolean feedHasAuthor = !Atom.children(feed, "author").isEmpty();
            List<String> ids = new ArrayList<>();
            for (var entry : Atom.children(feed, "entry")) {
                Atom.assertExactlyOne(entry, "id", "title", "updated");
                assertThat(Atom.children(entry, "content").size()).isLessThanOrEqualTo(1);
                assertThat(Atom.children(entry, "summary").size()).isLessThanOrEqualTo(1);
                assertThat(Atom.children(entry, "published").size()).isLessThanOrEqualTo(1);
                assertThat(feedHasAuthor || !Atom.children(entry, "author").isEmpty()).as("an author for every entry").isTrue();
                assertThat(Atom.alternateLinks(entry)).as("one alternate link per type").hasSize(1);
                Instant.parse(Atom.text(entry, "updated"));
                ids.add(Atom.text(entry, "id"));
            }
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("http://.+/a/\\d+"));
        }
    }

    @Test
    void theIdStaysWhenTheHeadlineChangesAndTheFeedsFollowTheChange() throws Exception {
        Instant published = Instant.parse("2026-01-05T10:00:00Z");
        long id = site.site().publish(HostileArticle.submission("stable-id-article", "First headline", published)).id();
        HttpResponse<String> before = site.get("/feed.json");
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(item(before.body(), id).get("title").asText()).isEqualTo("First headline");

        site.site().publish(HostileArticle.submission("stable-id-article", "Second headline", published));
        HttpResponse<String> after = site.get("/feed.json", Map.of("If-None-Match", etag));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        JsonNode changed = item(after.body(), id);
        assertThat(changed.get("title").asText()).isEqualTo("Second headline");
        assertThat(changed.get("id").asText()).isEqualTo(base + "/a/" + id);
        SyndEntry atom = SecureXml.feed(site.get("/feed.atom").body()).getEntries().stream()
                .filter(e -> e.getTitle().equals("Second headline")).findFirst().orElseThrow();
        assertThat(atom.getUri()).isEqualTo(base + "/a/" + id);
    }

    @Test
    void aSearchScopePlugsIntoTheSameGeneratorAndRenderers() throws Exception {
        var store = site.site().articles();
        FeedScope scope = new FeedScopes(site.site().catalog(), new Messages(Locale.ENGLISH), "Gazette")
                .search("q=halden+reservoir", "Search results for “halden reservoir”", (articles, limit) -> {
                    try {
                        return articles.byIds(site.site().search().search("halden reservoir", 0, limit).hits().stream()
                                .map(SearchHit::articleId).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        FeedDocument doc = new FeedGenerator(site.site().settings(), store, 10).generate(scope);
        SyndFeed rss = SecureXml.feed(new RssRenderer().render(doc));
        assertThat(rss.getTitle()).isEqualTo("Gazette - Search results for “halden reservoir”");
        assertThat(rss.getLink()).isEqualTo(base + "/search?q=halden+reservoir");
        assertThat(rss.getEntries()).isNotEmpty().first().satisfies(e -> assertThat(e.getLink())
                .isEqualTo(base + "/articles/castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria"));
        assertThat(SecureXml.feed(new AtomRenderer().render(doc)).getUri()).isEqualTo(base + "/search?q=halden+reservoir");
        assertThat(JSON.readTree(new JsonFeedRenderer().render(doc)).get("feed_url").asText())
                .isEqualTo(base + "/search.json?q=halden+reservoir");
        assertThat(FeedLink.of(scope)).extracting(FeedLink::href)
                .containsExactly("/search.rss?q=halden+reservoir", "/search.atom?q=halden+reservoir", "/search.json?q=halden+reservoir");
    }

    @Test
    void feedsOfUnknownScopesAreNotFound() throws Exception {
        for (String path : List.of("/tag/no-such-tag/feed.rss", "/section/nowhere/feed.atom", "/author/nobody/feed.json",
                "/source/none/feed.rss")) {
            assertThat(site.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private static void checkCommon(SyndEntry entry) {
        assertThat(entry.getTitle()).isEqualTo(HostileArticle.HEADLINE_CLEAN);
        assertThat(entry.getLink()).isEqualTo(base + "/articles/" + HostileArticle.SLUG);
        assertThat(entry.getUri()).isEqualTo(base + "/a/" + hostile.id());
        assertThat(entry.getPublishedDate().toInstant()).isEqualTo(hostile.publishedAt());
        assertThat(entry.getDescription().getValue()).isEqualTo(HostileArticle.DECK_CLEAN);
        checkBody(entry.getContents().get(0).getValue());
        assertThat(entry.getCategories().stream().map(SyndCategory::getName))
                .containsExactly("World", HostileArticle.TAG, "Water");
    }

    private static void checkEnclosure(SyndEntry entry) {
        assertThat(entry.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).isEqualTo(base + "/assets/sample/comet-archive.svg");
            assertThat(e.getType()).isEqualTo("image/svg+xml");
            assertThat(e.getLength()).isEqualTo(imageSize);
        });
    }

    private static void checkBody(String html) {
        assertThat(html)
                .contains("]]")
                .contains("href=\"" + base + "/section/world\"")
                .doesNotContain("href=\"/").doesNotContain("src=\"/")
                .contains("src=\"" + base + "/assets/sample/comet-archive.svg\"")
                .contains("🛰").contains("مرحبا بالعالم")
                .doesNotContain("\u0002").doesNotContain("\u001F")
                .doesNotContain("<script");
    }

    private static Element foreign(SyndEntry entry, String name) {
        return entry.getForeignMarkup().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " element in the entry"));
    }

    private static JsonNode item(String json, long id) throws Exception {
        for (JsonNode item : JSON.readTree(json).get("items")) {
            if (item.get("id").asText().equals(base + "/a/" + id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
