package org.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.gazette.account.Role;
import org.gazette.support.AdminClient;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in and out, sessions, CSRF, throttling and the headers every page carries, over real HTTP. */
class LoginSecurityHttpTest {

    @TempDir
    static Path data;

    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        // Low limits so the throttling test is quick; each test uses its own user names.
        site = TestSite.start(data, Map.of("admin.login-max-failures", "3", "admin.login-max-address-failures", "12"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void backOfficeAsksAnonymousVisitorsToLogInAndRefusesTheirPosts() throws Exception {
        HttpResponse<String> page = site.get("/admin/articles?status=draft");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%2Farticles%3Fstatus%3Ddraft");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new AdminClient(site).postRaw("/admin/users", Map.of("username", "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void securityHeadersOnPublicAndAdminPagesAndAssets() throws Exception {
        for (String path : new String[] {"/", "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam",
                "/admin/login", "/assets/site.css", "/no-such-page"}) {
            var headers = site.get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
        assertThat(site.get("/admin/login").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void loginSetsAnHttpOnlySameSiteCookieAndRotatesThePlantedOne() throws Exception {
        AdminClient.as(site, "rotator", Role.AUTHOR);
        AdminClient client = new AdminClient(site);
        client.setSessionCookie("planted-by-an-attacker");
        HttpResponse<String> login = client.login("rotator", "password-rotator");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue("/admin");
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gazette_session="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
        String first = client.sessionCookie();
        assertThat(first).isNotEqualTo("planted-by-an-attacker").hasSizeGreaterThan(40);

        // Logging in again from a browser that holds a live session gets a new session and ends the old one.
        AdminClient again = new AdminClient(site);
        again.setSessionCookie(first);
        assertThat(again.get("/admin/password").statusCode()).isEqualTo(200);
        again.login("rotator", "password-rotator");
        String second = again.sessionCookie();
        assertThat(second).isNotEqualTo(first);
        AdminClient stale = new AdminClient(site);
        stale.setSessionCookie(first);
        assertThat(stale.get("/admin/password").statusCode()).isEqualTo(302);
        AdminClient fresh = new AdminClient(site);
        fresh.setSessionCookie(second);
        assertThat(fresh.get("/admin/password").statusCode()).isEqualTo(200);
        client = fresh;
        assertThat(client.get("/admin/password").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionOnTheServer() throws Exception {
        AdminClient client = AdminClient.as(site, "leaver", Role.CONTRIBUTOR);
        String token = client.sessionCookie();
        assertThat(client.post("/admin/logout", Map.of()).headers().firstValue("Location")).hasValue("/admin/login");
        AdminClient replay = new AdminClient(site);
        replay.setSessionCookie(token);
        assertThat(replay.get("/admin/articles").statusCode()).isEqualTo(302);
    }

    @Test
    void formsWithoutTheRightCsrfTokenAreRefused() throws Exception {
        AdminClient client = AdminClient.as(site, "forged", Role.ADMIN);
        Map<String, String> form = Map.of("current_password", "password-forged", "new_password", "a-new-password-1",
                "repeat_password", "a-new-password-1");
        assertThat(client.postRaw("/admin/password", form).statusCode()).isEqualTo(403);
        Map<String, String> wrong = new java.util.HashMap<>(form);
        wrong.put("_csrf", "guessed");
        assertThat(client.postRaw("/admin/password", wrong).statusCode()).isEqualTo(403);
        // The login form's own token: a post without the matching cookie is refused too.
        assertThat(new AdminClient(site).postRaw("/admin/login", Map.of("_csrf", "x", "username", "forged",
                "password", "password-forged")).statusCode()).isEqualTo(403);
        // Nothing changed: the old password still works.
        assertThat(new AdminClient(site).login("forged", "password-forged").statusCode()).isEqualTo(302);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        AdminClient.as(site, "guessed", Role.EDITOR);
        AdminClient attacker = new AdminClient(site);
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.login("guessed", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = attacker.login("guessed", "password-guessed");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed attempts");
        assertThat(new AdminClient(site).login("guessed", "password-guessed").statusCode()).isEqualTo(429);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryName() throws Exception {
        AdminClient.as(site, "bystander", Role.EDITOR);
        AdminClient attacker = new AdminClient(site);
        int before = 0;
        // Spread over many names, so no single account reaches its own limit.
        for (int i = 0; i < 12; i++) {
            int status = attacker.login("nobody" + i, "wrong").statusCode();
            if (status == 429) {
                break;
            }
            before++;
        }
        assertThat(before).isLessThanOrEqualTo(12);
        assertThat(new AdminClient(site).login("bystander", "password-bystander").statusCode()).isEqualTo(429);
        site.site().database().jdbi().useHandle(h -> h.execute("delete from login_failure"));
        assertThat(new AdminClient(site).login("bystander", "password-bystander").statusCode()).isEqualTo(302);
    }

    @Test
    void ownPasswordChangeNeedsTheCurrentOneAndEndsOtherSessions() throws Exception {
        AdminClient phone = AdminClient.as(site, "changer", Role.CONTRIBUTOR);
        AdminClient laptop = AdminClient.as(site, "changer", Role.CONTRIBUTOR);
        HttpResponse<String> wrong = laptop.post("/admin/password", Map.of("current_password", "nope",
                "new_password", "brand-new-secret", "repeat_password", "brand-new-secret"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("The current password is not right.");
        HttpResponse<String> tooShort = laptop.post("/admin/password", Map.of("current_password", "password-changer",
                "new_password", "short", "repeat_password", "short"));
        assertThat(tooShort.body()).contains("at least 10 characters");
        HttpResponse<String> ok = laptop.post("/admin/password", Map.of("current_password", "password-changer",
                "new_password", "brand-new-secret", "repeat_password", "brand-new-secret"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(laptop.get("/admin/password").statusCode()).isEqualTo(200);
        assertThat(phone.get("/admin/password").statusCode()).isEqualTo(302);
        assertThat(new AdminClient(site).login("changer", "brand-new-secret").statusCode()).isEqualTo(302);
    }

    @Test
    void onlyAdminsManageUsersAndAResetEndsTheUsersSessions() throws Exception {
        AdminClient admin = AdminClient.as(site, "boss", Role.ADMIN);
        AdminClient editor = AdminClient.as(site, "chief", Role.EDITOR);
        assertThat(editor.get("/admin/users").statusCode()).isEqualTo(403);
        HttpResponse<String> page = editor.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.baseUrl() + "/admin/users"))
                .header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("<h1>Not allowed</h1>").contains("Your role does not allow this");
        assertThat(editor.post("/admin/users", Map.of("username", "sneaky", "role", "admin", "password", "sneaky-password"))
                .statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);

        assertThat(admin.post("/admin/users", Map.of("username", "newbie", "role", "author", "password", "newbie-password"))
                .body()).contains("The user was added.").contains("newbie");
        HttpResponse<String> duplicate = admin.post("/admin/users", Map.of("username", "newbie", "role", "author",
                "password", "newbie-password"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("There is already a user named newbie");

        long chiefId = new org.gazette.account.AccountStore(site.site().database().jdbi()).byUsername("chief").orElseThrow().id();
        assertThat(editor.post("/admin/users/" + chiefId + "/role", Map.of("role", "admin")).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/users/" + chiefId + "/password", Map.of("password", "reset-by-the-boss")).statusCode())
                .isEqualTo(200);
        assertThat(editor.get("/admin/articles").statusCode()).isEqualTo(302);
        assertThat(new AdminClient(site).login("chief", "reset-by-the-boss").statusCode()).isEqualTo(302);
    }
}
