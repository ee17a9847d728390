package org.gazette.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.account.AccountStore;
import org.gazette.account.Role;

/** A person using the back office over real HTTP: keeps cookies, and sends the page's CSRF token with each form. */
public final class AdminClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern BODY_CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");

    private final TestSite site;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private String issued;

    public AdminClient(TestSite site) {
        this.site = site;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Creates a user with the role and a known password ("password-" + name), logged in. */
    public static AdminClient as(TestSite site, String name, Role role) throws Exception {
        var accounts = new AccountStore(site.site().database().jdbi());
        if (accounts.byUsername(name).isEmpty()) {
            accounts.create(name, role, "password-" + name, Instant.now());
        }
        AdminClient client = new AdminClient(site);
        HttpResponse<String> response = client.login(name, "password-" + name);
        if (response.statusCode() != 302) {
            throw new IllegalStateException("Login failed: " + response.statusCode() + " " + response.body());
        }
        client.refreshCsrf();
        return client;
    }

    public HttpResponse<String> login(String name, String password) throws Exception {
        HttpResponse<String> form = get("/admin/login");
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", m.group(1));
        fields.put("username", name);
        fields.put("password", password);
        HttpResponse<String> response = postRaw("/admin/login", fields);
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gazette_session="))
                .findFirst().ifPresent(c -> issued = c.substring("gazette_session=".length(), c.indexOf(';')));
        return response;
    }

    public void refreshCsrf() throws Exception {
        Matcher m = BODY_CSRF.matcher(get("/admin/password").body());
        csrf = m.find() ? m.group(1) : null;
    }

    public String csrf() {
        return csrf;
    }

    /** The session token the server last issued to this client at login. */
    public String sessionCookie() {
        if (issued != null) {
            return issued;
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("gazette_session"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public void setSessionCookie(String value) {
        HttpCookie cookie = new HttpCookie("gazette_session", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(site.baseUrl()), cookie);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with this session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        return postRaw(path, all);
    }

    public HttpResponse<String> postRaw(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> {
            if (v != null) {
                body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpClient http() {
        return http;
    }
}
