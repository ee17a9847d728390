package org.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gazette.account.Role;
import org.gazette.support.AdminClient;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site settings (admins) and sections, tags, sources and authors (editors), and what readers then see. */
class SettingsAndCatalogHttpTest {

    @TempDir
    static Path data;

    static TestSite site;
    static AdminClient admin;
    static AdminClient editor;
    static AdminClient author;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        admin = AdminClient.as(site, "root", Role.ADMIN);
        editor = AdminClient.as(site, "desk", Role.EDITOR);
        author = AdminClient.as(site, "scribe", Role.AUTHOR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Map<String, String> settings(String name, String language, String zone, String logo, String canonical) {
        Map<String, String> form = new HashMap<>();
        form.put("site.name", name);
        form.put("site.tagline", "News from the Sarn valley");
        form.put("site.language", language);
        form.put("site.time-zone", zone);
        form.put("site.logo", logo);
        form.put("site.republished-canonical", canonical);
        return form;
    }

    @Test
    void onlyAdminsChangeSiteSettingsWhichOverrideTheConfigAtOnce() throws Exception {
        assertThat(editor.get("/admin/settings").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/settings", settings("Hijack", "en", "UTC", "", "self")).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/settings").body()).contains("value=\"Gazette\"").contains("(config file: Gazette)");

        HttpResponse<String> bad = admin.post("/admin/settings", settings("The Sarn Courier", "es", "Mars/Olympus", "", "self"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("This is not a time zone").contains("value=\"The Sarn Courier\"");
        assertThat(site.get("/").body()).contains("<a href=\"/\">Gazette</a>");
        assertThat(site.get("/feed.atom").body()).contains("<title>Gazette</title>");

        try {
            assertThat(admin.post("/admin/settings", settings("The Sarn Courier", "es", "Europe/Madrid", "/assets/sample/comet-archive.svg",
                    "original")).statusCode()).isEqualTo(200);
            String home = site.get("/").body();
            assertThat(home).contains("<html lang=\"es\">").contains("The Sarn Courier</a>").contains("News from the Sarn valley")
                    .contains("<img class=\"logo\" src=\"/assets/sample/comet-archive.svg\"").contains("Buscar");
            // Feeds were kept in memory before the change; new settings drop them at once.
            assertThat(site.get("/feed.atom").body()).contains("<title>The Sarn Courier</title>");
            // A republished article's canonical link now names the partner's original.
            var republished = site.site().articles().latest(100, 0).articles().stream()
                    .filter(a -> a.byline().isRepublished() && a.byline().originalUrl() != null).findFirst().orElseThrow();
            assertThat(site.get(republished.path()).body())
                    .contains("<link rel=\"canonical\" href=\"" + republished.byline().originalUrl() + "\">");
        } finally {
            admin.post("/admin/settings", settings("Gazette", "en", "UTC", "", "self"));
        }
        String home = site.get("/").body();
        assertThat(home).contains("<html lang=\"en\">").contains("<a href=\"/\">Gazette</a>");
        int stored = site.site().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from site_setting where name = 'site.name'").mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void editorsManageSectionsTagsSourcesAndAuthorsAndReadersSeeTheChange() throws Exception {
        assertThat(author.get("/admin/catalog").statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/catalog/section", Map.of("name", "Sneaky")).statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/catalog").statusCode()).isEqualTo(200);

        assertThat(editor.post("/admin/catalog/section", Map.of("name", "Harbour Life", "description", "Life on the quays"))
                .statusCode()).isEqualTo(302);
        assertThat(site.get("/").body()).contains("<a href=\"/section/harbour-life\"");
        HttpResponse<String> duplicate = editor.post("/admin/catalog/section", Map.of("name", "Harbour life"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Another one already has this name.");

        long world = site.site().catalog().section("world").orElseThrow().id();
        assertThat(editor.post("/admin/catalog/section/" + world, Map.of("name", "World News", "description", "Beyond our borders",
                "position", "0")).statusCode()).isEqualTo(302);
        assertThat(site.get("/section/world").body()).contains("World News");

        long water = site.site().catalog().tag("water").orElseThrow().id();
        assertThat(editor.post("/admin/catalog/tag/" + water, Map.of("name", "Water Supply")).statusCode()).isEqualTo(302);
        assertThat(site.get("/tag/water").body()).contains("Water Supply");

        var sample = site.site().articles().bySlug("veloria-and-castrane-reopen-talks-on-the-sarn-river-dam").orElseThrow();
        var writer = sample.byline().authors().get(0);
        assertThat(editor.post("/admin/catalog/author/" + writer.id(), Map.of("name", writer.name() + " Okafor", "bio", "Covers water.",
                "image", "not-a-media-url")).statusCode()).isEqualTo(422);
        assertThat(editor.post("/admin/catalog/author/" + writer.id(), Map.of("name", writer.name() + " Okafor", "bio", "Covers water."))
                .statusCode()).isEqualTo(302);
        assertThat(site.get(sample.path()).body()).contains(writer.name() + " Okafor</a>");
        long photo = new org.gazette.media.MediaStore(site.site().database().jdbi()).save("face.jpg",
                new org.gazette.media.ImageProcessor().process(org.gazette.media.MediaHttpTest.jpeg(600, 600)), null, null,
                java.time.Instant.now());
        assertThat(editor.post("/admin/catalog/author/" + writer.id(), Map.of("name", writer.name() + " Okafor", "bio", "Covers water.",
                "image", "/media/" + photo + "/600")).statusCode()).isEqualTo(302);
        assertThat(site.get(writer.path()).body()).contains("<img class=\"listing-picture\" src=\"/media/" + photo + "/320\"")
                .contains("Covers water.");
        assertThat(site.get("/search?q=Okafor").body()).contains(sample.path());

        assertThat(editor.post("/admin/catalog/source", Map.of("name", "Valley Wire", "home_url", "https://valley-wire.example/"))
                .statusCode()).isEqualTo(302);
        assertThat(editor.post("/admin/catalog/author", Map.of("name", "Ines Varga", "bio", "Harbour reporter")).statusCode())
                .isEqualTo(302);
        String editorPage = editor.get("/admin/articles/new").body();
        assertThat(editorPage).contains("Valley Wire").contains("Ines Varga");
    }
}
