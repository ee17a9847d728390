package org.gazette.support;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gazette.Site;
import org.gazette.WebServer;
import org.gazette.config.Settings;
import org.gazette.sample.SampleContent;

/**
 * A real Gazette for tests: H2 file database and Lucene index in a temporary folder,
 * the real web server on a free port on 127.0.0.1, real HTTP.
 */
public final class TestSite implements AutoCloseable {

    private final Site site;
    private final Javalin app;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestSite(Site site, Javalin app) {
        this.site = site;
        this.app = app;
    }

    /** Starts a site with the sample articles loaded. */
    public static TestSite start(Path dataDir) throws IOException {
        return start(dataDir, Map.of());
    }

    public static TestSite start(Path dataDir, Map<String, String> extraSettings) throws IOException {
        int port = FreePort.find();
        Map<String, String> values = new HashMap<>();
        values.put("data.dir", dataDir.toString());
        values.put("server.host", "127.0.0.1");
        values.put("server.port", Integer.toString(port));
        values.put("site.base-url", "http://127.0.0.1:" + port);
        // The warmer's background requests would make a test's count of renders and hits depend on
        // timing; PageWarmerTest turns it on.
        values.put("cache.prerender", "0");
        values.putAll(extraSettings);
        Settings settings = Settings.of(values);
        Site site = Site.open(settings, true);
        try {
            site.start();
            SampleContent.loadIfEmpty(site);
            Javalin app = WebServer.create(site).start();
            return new TestSite(site, app);
        } catch (IOException | RuntimeException e) {
            site.close();
            throw e;
        }
    }

    public Site site() {
        return site;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        app.stop();
        site.close();
    }
}
