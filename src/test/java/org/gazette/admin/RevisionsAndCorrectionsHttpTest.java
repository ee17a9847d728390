package org.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.gazette.account.Role;
import org.gazette.revision.RevisionStore;
import org.gazette.support.AdminClient;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions kept on every save, compared and restored; corrections shown under the public article. */
class RevisionsAndCorrectionsHttpTest {

    @TempDir
    static Path data;

    static TestSite site;
    static AdminClient writer;
    static AdminClient editor;
    static AdminClient stranger;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        ArticleWorkflowHttpTest.site = site;
        ArticleWorkflowHttpTest.sectionId = String.valueOf(site.site().catalog().section("world").orElseThrow().id());
        ArticleWorkflowHttpTest.authorId = String.valueOf(site.site().catalog().authors().get(0).id());
        writer = AdminClient.as(site, "wendy", Role.AUTHOR);
        editor = AdminClient.as(site, "eli", Role.EDITOR);
        stranger = AdminClient.as(site, "sam", Role.AUTHOR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void everySaveKeepsARevisionThatCanBeComparedAndRestored() throws Exception {
        long id = ArticleWorkflowHttpTest.create(writer, "Quarry Reopens After Floods", "save");
        Map<String, String> second = ArticleWorkflowHttpTest.form("Quarry Reopens After Spring Floods", "save");
        second.put("slug", "quarry-reopens-after-floods");
        second.put("body", "First paragraph of **Quarry Reopens After Floods**.\n\nA new second paragraph.");
        assertThat(writer.post("/admin/articles/" + id, second).statusCode()).isEqualTo(302);
        // Saving the same again adds nothing.
        assertThat(writer.post("/admin/articles/" + id, second).statusCode()).isEqualTo(302);

        var revisions = new RevisionStore(site.site().database().jdbi()).of(id);
        assertThat(revisions).hasSize(2);
        assertThat(revisions).allSatisfy(r -> assertThat(r.savedBy()).isEqualTo("wendy"));
        long older = revisions.get(1).id();
        long newer = revisions.get(0).id();

        String list = writer.get("/admin/articles/" + id + "/revisions").body();
        assertThat(list).contains("wendy").contains("/admin/articles/" + id + "/revisions/" + older + "/restore");
        String diff = writer.get("/admin/articles/" + id + "/diff?a=" + older + "&b=" + newer).body();
        assertThat(diff)
                .contains("<td class=\"del\">Headline: Quarry Reopens After Floods</td>")
                .contains("<td class=\"ins\">Headline: Quarry Reopens After Spring Floods</td>")
                .contains("<td class=\"del\">Second paragraph.</td>")
                .contains("<td class=\"ins\">A new second paragraph.</td>")
                .contains("<td>Section: World</td>")
                .contains("<td>Byline: " + site.site().catalog().authors().get(0).name() + "</td>");

        assertThat(stranger.get("/admin/articles/" + id + "/revisions").statusCode()).isEqualTo(403);
        assertThat(stranger.get("/admin/articles/" + id + "/diff?a=" + older + "&b=" + newer).statusCode()).isEqualTo(403);
        assertThat(stranger.post("/admin/articles/" + id + "/revisions/" + older + "/restore", Map.of()).statusCode()).isEqualTo(403);

        assertThat(writer.post("/admin/articles/" + id + "/revisions/" + older + "/restore", Map.of()).statusCode()).isEqualTo(302);
        var restored = site.site().articles().byId(id).orElseThrow();
        assertThat(restored.headline()).isEqualTo("Quarry Reopens After Floods");
        assertThat(restored.bodyMarkdown()).endsWith("Second paragraph.");
        assertThat(new RevisionStore(site.site().database().jdbi()).of(id)).hasSize(3);
        assertThat(writer.get("/admin/articles/" + id + "/diff?a=" + older + "&b=999999").statusCode()).isEqualTo(404);
    }

    @Test
    void correctionShowsUnderThePublishedArticleAndMovesItsDateModified() throws Exception {
        long id = ArticleWorkflowHttpTest.create(editor, "Bridge Tolls Rise In March", "publish");
        String path = "/articles/bridge-tolls-rise-in-march";
        var before = site.site().articles().byId(id).orElseThrow().updatedAt();
        assertThat(site.get(path).body()).doesNotContain("Corrections and updates");

        Thread.sleep(20);
        HttpResponse<String> added = editor.post("/admin/articles/" + id + "/notes",
                Map.of("kind", "correction", "text", "An earlier version gave the wrong month for the rise."));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(site.site().articles().byId(id).orElseThrow().updatedAt()).isAfter(before);
        String page = site.get(path).body();
        assertThat(page).contains("<h2 id=\"notes-heading\">Corrections and updates</h2>")
                .contains("<strong>Correction</strong>")
                .contains("An earlier version gave the wrong month for the rise.");
        assertThat(page.indexOf("An earlier version")).isGreaterThan(page.indexOf("class=\"article-body\""));

        assertThat(editor.post("/admin/articles/" + id + "/notes", Map.of("kind", "correction", "text", " ")).statusCode())
                .isEqualTo(422);
        long draft = ArticleWorkflowHttpTest.create(editor, "Draft Cannot Carry Corrections", "save");
        assertThat(editor.post("/admin/articles/" + draft + "/notes", Map.of("kind", "update", "text", "x")).statusCode())
                .isEqualTo(403);
    }
}
