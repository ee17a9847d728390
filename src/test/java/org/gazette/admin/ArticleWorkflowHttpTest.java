package org.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.gazette.account.Role;
import org.gazette.support.AdminClient;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every workflow step over real HTTP, for each role: allowed where the rules say, refused with 403 elsewhere. */
class ArticleWorkflowHttpTest {

    @TempDir
    static Path data;

    static TestSite site;
    static AdminClient contributor;
    static AdminClient author;
    static AdminClient otherAuthor;
    static AdminClient editor;
    static AdminClient admin;
    static String sectionId;
    static String authorId;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        contributor = AdminClient.as(site, "connie", Role.CONTRIBUTOR);
        author = AdminClient.as(site, "arthur", Role.AUTHOR);
        otherAuthor = AdminClient.as(site, "otto", Role.AUTHOR);
        editor = AdminClient.as(site, "edith", Role.EDITOR);
        admin = AdminClient.as(site, "ada", Role.ADMIN);
        sectionId = String.valueOf(site.site().catalog().section("world").orElseThrow().id());
        authorId = String.valueOf(site.site().catalog().authors().get(0).id());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Map<String, String> form(String headline, String action) {
        Map<String, String> form = new HashMap<>();
        form.put("headline", headline);
        form.put("deck", "A deck for " + headline);
        form.put("body", "First paragraph of **" + headline + "**.\n\nSecond paragraph.");
        form.put("section", sectionId);
        form.put("byline", "staff");
        form.put("authors", authorId);
        form.put("language", "en");
        form.put("tags", "Harbour, Budget");
        form.put("action", action);
        return form;
    }

    static long create(AdminClient client, String headline, String action) throws Exception {
        HttpResponse<String> response = client.post("/admin/articles", form(headline, action));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/admin/articles/(\\d+).*$", "$1"));
    }

    static String status(long id) {
        return site.site().articles().byId(id).orElseThrow().status().name();
    }

    static String slug(long id) {
        return site.site().articles().byId(id).orElseThrow().slug();
    }

    @Test
    void contributorWritesAndSubmitsButCannotPublishOrTouchOthers() throws Exception {
        long id = create(contributor, "Contributor Draft On Ferries", "save");
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(contributor.post("/admin/articles", form("Contributor Tries Publishing", "publish")).statusCode()).isEqualTo(403);
        assertThat(contributor.post("/admin/articles/" + id, form("Contributor Draft On Ferries", "publish")).statusCode()).isEqualTo(403);
        assertThat(contributor.post("/admin/articles/" + id, form("Contributor Draft On Ferries", "schedule")).statusCode()).isEqualTo(403);
        assertThat(contributor.post("/admin/articles/" + id, form("Contributor Draft On Ferries", "submit")).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        // Once submitted it is the editors' turn.
        assertThat(contributor.get("/admin/articles/" + id).statusCode()).isEqualTo(403);
        assertThat(contributor.post("/admin/articles/" + id, form("Changed After Submitting", "save")).statusCode()).isEqualTo(403);
        assertThat(contributor.post("/admin/articles/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(403);

        long others = create(author, "Author Draft Nobody Else Edits", "save");
        assertThat(contributor.get("/admin/articles/" + others).statusCode()).isEqualTo(403);
        assertThat(otherAuthor.get("/admin/articles/" + others).statusCode()).isEqualTo(403);
        assertThat(otherAuthor.post("/admin/articles/" + others, form("Hijacked", "publish")).statusCode()).isEqualTo(403);
        assertThat(status(others)).isEqualTo("DRAFT");
    }

    @Test
    void editorPublishesASubmittedArticleAndItAppearsOnTheSiteAndInSearch() throws Exception {
        long id = create(contributor, "Lighthouse Keepers Return To Castelmar", "save");
        HttpResponse<String> submitted = contributor.post("/admin/articles/" + id, form("Lighthouse Keepers Return To Castelmar", "submit"));
        // The writer can no longer edit it, so the list confirms the step.
        assertThat(submitted.headers().firstValue("Location")).hasValue("/admin/articles?done=submit");
        assertThat(contributor.get("/admin/articles?done=submit").body()).contains("Submitted for review.");
        assertThat(status(id)).isEqualTo("IN_REVIEW");
        assertThat(site.get("/articles/" + slug(id)).statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/articles/" + id).body()).contains("Lighthouse Keepers Return To Castelmar").contains("In review");
        assertThat(editor.post("/admin/articles/" + id, form("Lighthouse Keepers Return To Castelmar", "publish")).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        HttpResponse<String> page = site.get("/articles/lighthouse-keepers-return-to-castelmar");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>Lighthouse Keepers Return To Castelmar</strong>");
        assertThat(site.get("/search?q=lighthouse+keepers").body()).contains("/articles/lighthouse-keepers-return-to-castelmar");

        assertThat(author.post("/admin/articles/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/articles/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(site.get("/articles/lighthouse-keepers-return-to-castelmar").statusCode()).isEqualTo(404);
        assertThat(site.get("/search?q=lighthouse+keepers").body()).doesNotContain("/articles/lighthouse-keepers-return-to-castelmar");
        // Publishing the very same text again puts it back.
        assertThat(editor.post("/admin/articles/" + id, form("Lighthouse Keepers Return To Castelmar", "publish")).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(site.get("/articles/lighthouse-keepers-return-to-castelmar").statusCode()).isEqualTo(200);
    }

    @Test
    void authorPublishesAndUnpublishesOwnButNotOthersAndCannotTrashOrCorrect() throws Exception {
        long id = create(author, "Author Publishes A Tide Table Story", "publish");
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(site.get("/articles/" + slug(id)).statusCode()).isEqualTo(200);
        assertThat(author.post("/admin/articles/" + id + "/trash", Map.of()).statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/articles/" + id + "/notes", Map.of("kind", "correction", "text", "x")).statusCode())
                .isEqualTo(403);
        assertThat(otherAuthor.post("/admin/articles/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(403);
        assertThat(author.post("/admin/articles/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("DRAFT");

        long sample = site.site().articles().bySlug("veloria-and-castrane-reopen-talks-on-the-sarn-river-dam").orElseThrow().id();
        assertThat(author.get("/admin/articles/" + sample).statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/articles/" + sample).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/articles/" + sample).statusCode()).isEqualTo(200);
    }

    @Test
    void editorTrashesAndRestoresOnlyEditorsSeeTheTrash() throws Exception {
        long id = create(editor, "Trash Candidate About Ferry Fares", "publish");
        assertThat(contributor.get("/admin/trash").statusCode()).isEqualTo(403);
        assertThat(author.get("/admin/trash").statusCode()).isEqualTo(403);
        assertThat(editor.post("/admin/articles/" + id + "/trash", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("TRASHED");
        assertThat(site.get("/articles/" + slug(id)).statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/trash").body()).contains("Trash Candidate About Ferry Fares");
        assertThat(editor.get("/admin/articles").body()).doesNotContain("Trash Candidate About Ferry Fares");
        assertThat(author.post("/admin/articles/" + id + "/restore", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/articles/" + id + "/restore", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(site.get("/articles/" + slug(id)).statusCode()).isEqualTo(200);
    }

    @Test
    void everyStatusChangeGoesThroughTheOutbox() throws Exception {
        long before = site.site().changeLog().latestSeq();
        long id = create(editor, "Outbox Follows Every Step", "save");
        editor.post("/admin/articles/" + id, form("Outbox Follows Every Step", "publish"));
        editor.post("/admin/articles/" + id + "/unpublish", Map.of());
        editor.post("/admin/articles/" + id + "/trash", Map.of());
        editor.post("/admin/articles/" + id + "/restore", Map.of());
        int changes = site.site().database().jdbi().withHandle(h -> h.createQuery(
                "select count(*) from content_change where article_id = :id and seq > :seq")
                .bind("id", id).bind("seq", before).mapTo(Integer.class).one());
        assertThat(changes).isEqualTo(5);
    }

    @Test
    void invalidFormComesBackWithTheErrorNextToTheFieldAndNothingLost() throws Exception {
        Map<String, String> bad = form("", "publish");
        bad.put("body", "");
        bad.put("deck", "A deck that must survive the error");
        bad.put("image_url", "/assets/sample/comet-archive.svg");
        HttpResponse<String> response = editor.post("/admin/articles", bad);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("<p class=\"field-error\" id=\"headline-error\">Write a headline.</p>")
                .contains("<p class=\"field-error\" id=\"body-error\">Write the body before submitting or publishing.</p>")
                .contains("<p class=\"field-error\" id=\"image_alt-error\">Describe the image for readers who cannot see it.</p>")
                .contains("A deck that must survive the error")
                .contains("value=\"Harbour, Budget\"");

        create(editor, "Slug Owner Article", "save");
        Map<String, String> clash = form("Another Headline Entirely", "save");
        clash.put("slug", "slug-owner-article");
        HttpResponse<String> taken = editor.post("/admin/articles", clash);
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("Another article already uses this address.").contains("Another Headline Entirely");

        Map<String, String> past = form("Scheduled In The Past", "schedule");
        past.put("publish_at", "2020-01-01T09:00");
        assertThat(editor.post("/admin/articles", past).body()).contains("That time has passed");
    }

    @Test
    void aLongArticleSavesAndATooLongOneComesBackWithItsText() throws Exception {
        Map<String, String> longForm = form("A Very Long Investigation Into The Dam", "save");
        longForm.put("body", "A paragraph of the long investigation into the dam. ".repeat(8_000));
        assertThat(longForm.get("body").length()).isGreaterThan(400_000);
        assertThat(editor.post("/admin/articles", longForm).statusCode()).isEqualTo(302);
        Map<String, String> tooLong = form("An Article Far Too Long", "save");
        tooLong.put("body", "x".repeat(500_001));
        HttpResponse<String> refused = editor.post("/admin/articles", tooLong);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("<p class=\"field-error\" id=\"body-error\">This is too long.</p>").contains("x".repeat(1000));
    }

    @Test
    void scheduledArticleGoesOutWhenItsTimeComes() throws Exception {
        Map<String, String> future = form("Ferry Timetable Announced For Spring", "schedule");
        future.put("publish_at", LocalDateTime.now(ZoneOffset.UTC).plusMinutes(2).withSecond(0).withNano(0).toString());
        assertThat(contributor.post("/admin/articles", future).statusCode()).isEqualTo(403);
        long scheduled = Long.parseLong(editor.post("/admin/articles", future).headers().firstValue("Location").orElseThrow()
                .replaceAll("^/admin/articles/(\\d+).*$", "$1"));
        assertThat(status(scheduled)).isEqualTo("SCHEDULED");
        assertThat(site.get("/articles/" + slug(scheduled)).statusCode()).isEqualTo(404);
        assertThat(editor.get("/admin/articles?status=scheduled").body()).contains("Ferry Timetable Announced For Spring");
        // The release step publishes what is due; move the time back rather than wait.
        site.site().database().jdbi().useHandle(h -> h.createUpdate("update article set published_at = :t where id = :id")
                .bind("t", java.time.OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).bind("id", scheduled).execute());
        assertThat(site.site().publisher().releaseDue()).isGreaterThanOrEqualTo(1);
        site.site().settle();
        assertThat(site.get("/articles/" + slug(scheduled)).statusCode()).isEqualTo(200);
    }

    @Test
    void changedSlugRedirectsTheOldAddressPermanently() throws Exception {
        long id = create(editor, "Harbour Crane Collapses", "publish");
        assertThat(site.get("/articles/harbour-crane-collapses").statusCode()).isEqualTo(200);
        Map<String, String> renamed = form("Harbour Crane Collapses In Storm", "save");
        renamed.put("slug", "harbour-crane-collapses-in-storm");
        assertThat(editor.post("/admin/articles/" + id, renamed).statusCode()).isEqualTo(302);
        HttpResponse<String> old = site.get("/articles/harbour-crane-collapses");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).hasValue("/articles/harbour-crane-collapses-in-storm");
        assertThat(site.get("/articles/harbour-crane-collapses-in-storm").statusCode()).isEqualTo(200);
        assertThat(status(id)).isEqualTo("PUBLISHED");
    }

    @Test
    void autosaveKeepsDraftsButNeverPushesEditsToALiveArticle() throws Exception {
        HttpResponse<String> first = contributor.post("/admin/articles/autosave", form("Autosaved Draft About Tides", ""));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"url\":\"/admin/articles/");
        long id = Long.parseLong(first.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(status(id)).isEqualTo("DRAFT");
        Map<String, String> more = form("Autosaved Draft About Tides", "");
        more.put("body", "A longer body typed later.");
        assertThat(contributor.post("/admin/articles/" + id + "/autosave", more).statusCode()).isEqualTo(200);
        assertThat(site.site().articles().byId(id).orElseThrow().bodyMarkdown()).isEqualTo("A longer body typed later.");

        HttpResponse<String> invalid = contributor.post("/admin/articles/autosave", form("", ""));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Write a headline.");

        long live = create(editor, "Live Article Not Autosaved", "publish");
        Map<String, String> typing = form("Live Article Not Autosaved", "");
        typing.put("body", "Half-typed edit");
        assertThat(editor.post("/admin/articles/" + live + "/autosave", typing).statusCode()).isEqualTo(409);
        assertThat(site.site().articles().byId(live).orElseThrow().bodyMarkdown()).doesNotContain("Half-typed");
    }

    @Test
    void previewIsTheSanitizedPublicRendering() throws Exception {
        HttpResponse<String> preview = contributor.post("/admin/preview", Map.of("body", "Hello **world**<script>alert(1)</script>"));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("<strong>world</strong>").doesNotContain("<script");
        assertThat(new AdminClient(site).postRaw("/admin/preview", Map.of("body", "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void listFiltersByStatusAndWordsAndSuggestsTags() throws Exception {
        create(editor, "Filterable Quay Story", "save");
        String drafts = editor.get("/admin/articles?status=draft&q=quay").body();
        assertThat(drafts).contains("Filterable Quay Story").doesNotContain("Veloria and Castrane Reopen Talks");
        String published = editor.get("/admin/articles?status=published").body();
        assertThat(published).contains("Veloria and Castrane Reopen Talks").doesNotContain("Filterable Quay Story");
        assertThat(editor.get("/admin/articles?page=2").statusCode()).isEqualTo(200);
        assertThat(contributor.get("/admin/api/tags?q=harb").body()).isEqualTo("[\"Harbour\"]");
    }

    @Test
    void adminPagesAreNeverCached() throws Exception {
        for (String path : new String[] {"/admin/articles", "/admin/articles/new", "/admin/password"}) {
            HttpResponse<String> page = editor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }
}
