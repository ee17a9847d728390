package org.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gazette.account.Role;
import org.gazette.support.AdminClient;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each role against each back-office action on someone else's work: allowed where the rules say,
 * refused with 403 everywhere else, and a refusal changes nothing.
 */
class PermissionMatrixHttpTest {

    @TempDir
    static Path data;

    static TestSite site;
    static final Map<Role, AdminClient> clients = new LinkedHashMap<>();
    static AdminClient owner;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        ArticleWorkflowHttpTest.site = site;
        ArticleWorkflowHttpTest.sectionId = String.valueOf(site.site().catalog().section("world").orElseThrow().id());
        ArticleWorkflowHttpTest.authorId = String.valueOf(site.site().catalog().authors().get(0).id());
        for (Role role : Role.values()) {
            clients.put(role, AdminClient.as(site, "matrix-" + role.id(), role));
        }
        owner = AdminClient.as(site, "matrix-owner", Role.AUTHOR);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** One action, run by each role on a fresh target; returns whether it was allowed. */
    interface Action {
        HttpResponse<String> run(AdminClient client, String tag) throws Exception;
    }

    private static void check(String name, Role lowestAllowed, Action action) throws Exception {
        for (var entry : clients.entrySet()) {
            HttpResponse<String> response = action.run(entry.getValue(), name.replaceAll("\\W", "") + entry.getKey().id());
            boolean allowed = entry.getKey().atLeast(lowestAllowed);
            if (allowed) {
                assertThat(response.statusCode()).as(name + " as " + entry.getKey()).isIn(200, 302);
            } else {
                assertThat(response.statusCode()).as(name + " as " + entry.getKey()).isEqualTo(403);
            }
        }
    }

    static long ownersArticle(String headline, String action) throws Exception {
        return ArticleWorkflowHttpTest.create(owner, headline, action);
    }

    static Map<String, String> form(String headline, String action) {
        return ArticleWorkflowHttpTest.form(headline, action);
    }

    @Test
    void usersAndSettingsAreForAdminsOnly() throws Exception {
        check("list users", Role.ADMIN, (c, t) -> c.get("/admin/users"));
        check("add user", Role.ADMIN, (c, t) -> c.post("/admin/users", Map.of("username", "u" + t, "role", "contributor",
                "password", "a-long-password")));
        long target = new org.gazette.account.AccountStore(site.site().database().jdbi()).byUsername("matrix-owner").orElseThrow().id();
        check("reset password", Role.ADMIN, (c, t) -> c.post("/admin/users/" + target + "/password", Map.of("password", "password-matrix-owner")));
        check("change role", Role.ADMIN, (c, t) -> c.post("/admin/users/" + target + "/role", Map.of("role", "author")));
        check("see settings", Role.ADMIN, (c, t) -> c.get("/admin/settings"));
        check("save settings", Role.ADMIN, (c, t) -> c.post("/admin/settings", SettingsAndCatalogHttpTest.settings("Gazette", "en", "UTC", "", "self")));
        owner = AdminClient.as(site, "matrix-owner", Role.AUTHOR);
        for (Role role : List.of(Role.CONTRIBUTOR, Role.AUTHOR, Role.EDITOR)) {
            assertThat(new org.gazette.account.AccountStore(site.site().database().jdbi()).byUsername("uadduser" + role.id())).isEmpty();
        }
    }

    @Test
    void catalogAndTrashAreForEditorsAndUp() throws Exception {
        long tag = site.site().catalog().tag("water").orElseThrow().id();
        check("see catalog", Role.EDITOR, (c, t) -> c.get("/admin/catalog"));
        check("rename tag", Role.EDITOR, (c, t) -> c.post("/admin/catalog/tag/" + tag, Map.of("name", "Water")));
        check("add section", Role.EDITOR, (c, t) -> c.post("/admin/catalog/section", Map.of("name", "Section " + t)));
        check("add source", Role.EDITOR, (c, t) -> c.post("/admin/catalog/source", Map.of("name", "Source " + t)));
        check("add author", Role.EDITOR, (c, t) -> c.post("/admin/catalog/author", Map.of("name", "Author " + t)));
        check("see trash", Role.EDITOR, (c, t) -> c.get("/admin/trash"));
        assertThat(site.site().catalog().section("section-addsectioncontributor")).isEmpty();
        assertThat(site.site().catalog().section("section-addsectioneditor")).isPresent();
    }

    @Test
    void writingAndUploadingAreForEveryone() throws Exception {
        check("save a new draft", Role.CONTRIBUTOR, (c, t) -> c.post("/admin/articles", form("Draft " + t, "save")));
        check("submit a new article", Role.CONTRIBUTOR, (c, t) -> c.post("/admin/articles", form("Submitted " + t, "submit")));
        check("open the editor", Role.CONTRIBUTOR, (c, t) -> c.get("/admin/articles/new"));
        check("list articles", Role.CONTRIBUTOR, (c, t) -> c.get("/admin/articles"));
        check("preview", Role.CONTRIBUTOR, (c, t) -> c.post("/admin/preview", Map.of("body", "*hi*")));
        check("media library", Role.CONTRIBUTOR, (c, t) -> c.get("/admin/media"));
    }

    @Test
    void publishingNewArticlesNeedsAnAuthor() throws Exception {
        check("publish a new article", Role.AUTHOR, (c, t) -> c.post("/admin/articles", form("Published " + t, "publish")));
        String later = LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withSecond(0).withNano(0).toString();
        check("schedule a new article", Role.AUTHOR, (c, t) -> {
            Map<String, String> f = form("Scheduled " + t, "schedule");
            f.put("publish_at", later);
            return c.post("/admin/articles", f);
        });
        assertThat(site.site().articles().bySlug("published-publishanewarticlecontributor")).isEmpty();
    }

    @Test
    void someoneElsesArticleIsForEditorsAndUp() throws Exception {
        check("open another's draft", Role.EDITOR, (c, t) -> c.get("/admin/articles/" + ownersArticle("Open " + t, "save")));
        check("save another's draft", Role.EDITOR, (c, t) -> c.post("/admin/articles/" + ownersArticle("Save " + t, "save"),
                form("Save " + t + " changed", "save")));
        check("publish another's draft", Role.EDITOR, (c, t) -> c.post("/admin/articles/" + ownersArticle("Pub " + t, "save"),
                form("Pub " + t, "publish")));
        check("unpublish another's article", Role.EDITOR, (c, t) ->
                c.post("/admin/articles/" + ownersArticle("Unpub " + t, "publish") + "/unpublish", Map.of()));
        check("trash another's article", Role.EDITOR, (c, t) ->
                c.post("/admin/articles/" + ownersArticle("Trash " + t, "publish") + "/trash", Map.of()));
        check("correct another's article", Role.EDITOR, (c, t) -> c.post("/admin/articles/" + ownersArticle("Note " + t, "publish")
                + "/notes", Map.of("kind", "correction", "text", "Fixed a name.")));
        check("see another's revisions", Role.EDITOR, (c, t) ->
                c.get("/admin/articles/" + ownersArticle("Revs " + t, "save") + "/revisions"));
        check("restore from the trash", Role.EDITOR, (c, t) -> {
            long id = ownersArticle("Restore " + t, "save");
            clients.get(Role.EDITOR).post("/admin/articles/" + id + "/trash", Map.of());
            return c.post("/admin/articles/" + id + "/restore", Map.of());
        });
        // Refusals changed nothing.
        assertThat(site.site().articles().bySlug("pub-publishanothersdraftauthor").orElseThrow().status().name()).isEqualTo("DRAFT");
        assertThat(site.site().articles().bySlug("unpub-unpublishanothersarticlecontributor").orElseThrow().status().name())
                .isEqualTo("PUBLISHED");
        assertThat(site.site().articles().bySlug("save-saveanothersdraftauthor").orElseThrow().headline())
                .isEqualTo("Save saveanothersdraftauthor");
    }

    @Test
    void ownArticlesFollowTheWritersRole() throws Exception {
        check("publish own draft", Role.AUTHOR, (c, t) -> c.post("/admin/articles/" + ArticleWorkflowHttpTest.create(c, "Own " + t, "save"),
                form("Own " + t, "publish")));
        check("unpublish own article", Role.AUTHOR, (c, t) -> {
            long id = ArticleWorkflowHttpTest.create(c, "Mine " + t, "save");
            clients.get(Role.EDITOR).post("/admin/articles/" + id, form("Mine " + t, "publish"));
            return c.post("/admin/articles/" + id + "/unpublish", Map.of());
        });
        check("trash own article", Role.EDITOR, (c, t) ->
                c.post("/admin/articles/" + ArticleWorkflowHttpTest.create(c, "Bin " + t, "save") + "/trash", Map.of()));
        check("see own revisions", Role.CONTRIBUTOR, (c, t) ->
                c.get("/admin/articles/" + ArticleWorkflowHttpTest.create(c, "History " + t, "save") + "/revisions"));
    }
}
