package org.gazette.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.gazette.db.Database;

/**
 * The two databases Gazette supports, for tests that must pass on both.
 *
 * <p>PostgreSQL is reached at {@code GAZETTE_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:55432/gazette_test}, user and password {@code gazette});
 * {@code scripts/test-postgres.sh} starts such a server. Each test gets a schema of its own.
 * Without a server the PostgreSQL tests are skipped with a message, except under CI, where they fail.
 */
public final class TestDatabases {

    public static final String PG_URL = envOr("GAZETTE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:55432/gazette_test");
    public static final String PG_USER = envOr("GAZETTE_TEST_PG_USER", "gazette");
    public static final String PG_PASSWORD = envOr("GAZETTE_TEST_PG_PASSWORD", "gazette");

    private TestDatabases() {
    }

    public static Database h2(Path dir) {
        return Database.open("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", "gazette", "", 4, null);
    }

    public static Database postgres() {
        String reason = pgUnreachable();
        if (reason != null) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set but PostgreSQL is unreachable at " + PG_URL + ": " + reason);
            }
            assumeTrue(false, "PostgreSQL tests skipped: no server at " + PG_URL + " (" + reason
                    + "); run scripts/test-postgres.sh to start one");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return Database.open(PG_URL, PG_USER, PG_PASSWORD, 4, schema);
    }

    /**
     * A fresh, empty schema on the test server, as settings for a whole site ({@code db.url} and credentials).
     * Skips (or fails under CI) like {@link #postgres()} when no server answers.
     */
    public static java.util.Map<String, String> postgresSiteSettings() throws SQLException {
        try (Database probe = postgres()) {
            String schema = probe.schema();
            probe.jdbi().useHandle(h -> h.execute("drop schema " + schema + " cascade"));
            probe.jdbi().useHandle(h -> h.execute("create schema " + schema));
            String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return java.util.Map.of("db.url", url, "db.user", PG_USER, "db.password", PG_PASSWORD);
        }
    }

    /** Drops a test schema once the test is done with it. */
    public static void dropSchema(Database database) {
        if (database.schema() != null) {
            database.jdbi().useHandle(h -> h.execute("drop schema if exists " + database.schema() + " cascade"));
        }
    }

    private static String pgUnreachable() {
        try (Connection ignored = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
