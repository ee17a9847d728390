package org.gazette.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every setting Gazette reads, resolved once at start-up.
 *
 * <p>Precedence, lowest first: built-in defaults, the config file, {@code GAZETTE_*}
 * environment variables, command-line options. A key {@code a.b-c} is read from the
 * environment as {@code GAZETTE_A_B_C}, so operators never need to guess the spelling.
 */
public final class Settings {

    /** Keys with their defaults and the one-line description the README and {@code gazette settings} show. */
    public static final Map<String, String[]> KNOWN = new TreeMap<>(Map.ofEntries(
            Map.entry("data.dir", new String[] {"./gazette-data", "Folder for the embedded database, search index and other local files."}),
            Map.entry("server.host", new String[] {"0.0.0.0", "Address the web server binds to."}),
            Map.entry("server.port", new String[] {"8080", "Port the web server listens on."}),
            Map.entry("server.threads", new String[] {"32", "Most threads answering requests at once (more wait in a queue); raise it if many readers are slow to read."}),
            Map.entry("db.url", new String[] {"", "JDBC URL of the database; empty means the embedded H2 file database in data.dir."}),
            Map.entry("db.user", new String[] {"gazette", "Database user."}),
            Map.entry("db.password", new String[] {"", "Database password."}),
            Map.entry("db.pool-size", new String[] {"10", "Maximum database connections per process."}),
            Map.entry("search.dir", new String[] {"", "Folder of the Lucene index; empty means data.dir/index."}),
            Map.entry("site.name", new String[] {"Gazette", "The site's name, shown on every page and in feeds."}),
            Map.entry("site.tagline", new String[] {"Delivering the news that matters", "The tagline shown beside the site's name."}),
            Map.entry("site.language", new String[] {"en", "Language of the interface and the default language of articles (en, es)."}),
            Map.entry("site.time-zone", new String[] {"UTC", "Time zone in which dates are shown to readers."}),
            Map.entry("site.base-url", new String[] {"", "Public address of the site, used for absolute links in feeds; empty means http://localhost:PORT."}),
            Map.entry("site.sample-content", new String[] {"true", "Load the sample articles once into an empty database."}),
            Map.entry("metrics.allow-remote", new String[] {"false", "Serve /metrics (Prometheus) to any address, not only to loopback."}),
            Map.entry("site.page-size", new String[] {"10", "Articles per page on listing and search pages."}),
            // Feeds, sitemaps and sharing (issue 4)
            Map.entry("site.republished-canonical", new String[] {"original", "Canonical URL of a republished article: original (the partner's page) or self (its page here)."}),
            Map.entry("site.logo", new String[] {"", "The site's logo, shown in the masthead and named in structured data: a path on this site or an absolute URL; empty for none (structured data then uses /assets/logo.svg)."}),
            Map.entry("sitemap.max-urls", new String[] {"50000", "Most URLs in one sitemap file (at most 50000, the sitemaps.org limit)."}),
            // Syndication (partner feeds)
            Map.entry("ingest.allow-private-addresses", new String[] {"false", "Let partner feeds live on private, loopback or link-local addresses (tests, intranets)."}),
            Map.entry("ingest.max-bytes", new String[] {"10485760", "Largest partner feed Gazette downloads, in bytes (after decompression)."}),
            Map.entry("ingest.connect-timeout", new String[] {"10", "Seconds to wait for a partner feed's server to accept the connection."}),
            Map.entry("ingest.read-timeout", new String[] {"30", "Seconds a partner feed may take to arrive in full."}),
            Map.entry("ingest.max-items", new String[] {"1000", "Items taken from one feed per poll; the rest of a longer feed is skipped."}),
            Map.entry("ingest.workers", new String[] {"4", "Feeds polled at the same time."}),
            Map.entry("ingest.status-page", new String[] {"false", "Serve the partner feeds' status at /syndication/status (it shows feed addresses and errors)."}),
            // Back office (issue 5)
            Map.entry("admin.login-max-failures", new String[] {"5", "Failed logins for one user name within the window before its logins are refused."}),
            Map.entry("admin.login-max-address-failures", new String[] {"20", "Failed logins from one address within the window before its logins are refused."}),
            Map.entry("admin.login-window-minutes", new String[] {"15", "Minutes over which failed logins are counted, and how long a refusal lasts."}),
            Map.entry("admin.upload-max-bytes", new String[] {"10485760", "Largest image the back office accepts, in bytes."}),
            Map.entry("admin.release-poll-seconds", new String[] {"5", "How often the server looks for scheduled articles whose time has come, in seconds."}),
            // Search (issue 3)
            Map.entry("search.recency-boost", new String[] {"1.0", "Score points search adds for a story published today (half for one a month old; 0 turns it off). A word in a headline is worth about 10."}),
            // Page cache (issue 7)
            Map.entry("cache.enabled", new String[] {"true", "Keep rendered public pages and feeds in memory (false renders every request)."}),
            Map.entry("cache.memory-mb", new String[] {"64", "Memory budget of the page cache, in MB of page bytes."}),
            Map.entry("cache.max-age", new String[] {"30", "Seconds browsers and CDNs may reuse a public page (Cache-Control max-age)."}),
            Map.entry("cache.disk", new String[] {"true", "Also keep rendered pages on disk (in the data folder's pages/), where every article page of the archive fits and survives a restart."}),
            Map.entry("cache.prerender", new String[] {"1", "After each start, request every article and listing page once in the background, this many at a time (0: never), so readers are served pages already rendered."})));

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Resolves settings from all layers.
     *
     * @param configFile an explicit config file, or null to use {@code data.dir/gazette.properties} if present
     * @param environment usually {@link System#getenv()}
     * @param overrides values from the command line, already keyed by setting name
     */
    public static Settings resolve(Path configFile, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>();
        KNOWN.forEach((key, spec) -> merged.put(key, spec[0]));

        // The data folder decides where the default config file lives, so resolve it first.
        String dataDir = firstNonNull(overrides.get("data.dir"), environment.get(envName("data.dir")), merged.get("data.dir"));
        Path file = configFile != null ? configFile : Path.of(dataDir, "gazette.properties");
        if (configFile != null || Files.isRegularFile(file)) {
            merged.putAll(readFile(file));
        }
        for (String key : KNOWN.keySet()) {
            String fromEnv = environment.get(envName(key));
            if (fromEnv != null) {
                merged.put(key, fromEnv);
            }
        }
        merged.putAll(overrides);
        for (String key : merged.keySet()) {
            if (!KNOWN.containsKey(key)) {
                throw new IllegalArgumentException("Unknown setting '" + key + "' (see 'gazette settings' for the list)");
            }
        }
        return new Settings(merged);
    }

    /** Settings for tests and tools: defaults plus the given values, no file or environment. */
    public static Settings of(Map<String, String> values) {
        return resolve(null, Map.of(), values);
    }

    public static String envName(String key) {
        return "GAZETTE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put(k.toString().trim(), v.toString().trim()));
        return map;
    }

    private static String firstNonNull(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Unknown setting '" + key + "'");
        }
        return value;
    }

    public int getInt(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a whole number, not '" + get(key) + "'");
        }
    }

    public boolean getBoolean(String key) {
        String value = get(key).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("Setting '" + key + "' must be true or false, not '" + get(key) + "'");
        }
        return Boolean.parseBoolean(value);
    }

    public Path dataDir() {
        return Path.of(get("data.dir")).toAbsolutePath().normalize();
    }

    public Path searchDir() {
        String dir = get("search.dir");
        return dir.isBlank() ? dataDir().resolve("index") : Path.of(dir).toAbsolutePath().normalize();
    }

    public String databaseUrl() {
        String url = get("db.url");
        if (!url.isBlank()) {
            return url;
        }
        // AUTO_SERVER lets a CLI command share the file with a running site.
        return "jdbc:h2:file:" + dataDir().resolve("db").resolve("gazette") + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64";
    }

    public Locale locale() {
        return Locale.forLanguageTag(get("site.language"));
    }

    public ZoneId timeZone() {
        return ZoneId.of(get("site.time-zone"));
    }

    public String baseUrl() {
        String url = get("site.base-url");
        if (url.isBlank()) {
            return "http://localhost:" + get("server.port");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A copy with some values replaced; used by tests and by commands that pick a free port. */
    public Settings with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }
}
