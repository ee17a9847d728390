package org.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gazette.db.Database;
import org.gazette.media.ImageProcessor;
import org.gazette.media.MediaStore;
import org.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back office's tables (V5 migration) and stores behave the same on H2 and PostgreSQL. */
class BackOfficeStoresDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void onH2() {
        try (Database db = TestDatabases.h2(dir)) {
            exercise(db);
        }
    }

    @Test
    void onPostgres() {
        Database db = TestDatabases.postgres();
        try {
            exercise(db);
        } finally {
            TestDatabases.dropSchema(db);
            db.close();
        }
    }

    private static void exercise(Database db) {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        var accounts = new AccountStore(db.jdbi());
        Account mara = accounts.create("Mara", Role.EDITOR, "correct horse battery", now);
        assertThat(mara.username()).isEqualTo("mara");
        assertThat(accounts.authenticate("MARA", "correct horse battery")).contains(mara);
        assertThat(accounts.authenticate("mara", "wrong password!")).isEmpty();
        assertThat(accounts.authenticate("nobody", "correct horse battery")).isEmpty();
        assertThatThrownBy(() -> accounts.create("mara", Role.ADMIN, "another long one", now))
                .hasMessageContaining("already a user named mara");
        assertThatThrownBy(() -> accounts.create("x y", Role.ADMIN, "another long one", now)).hasMessageContaining("2 to 50");
        assertThatThrownBy(() -> accounts.create("short", Role.ADMIN, "short", now)).hasMessageContaining("at least 10");

        var sessions = new SessionStore(db.jdbi(), accounts);
        var session = sessions.start(mara, now);
        assertThat(sessions.find(session.token(), now.plusSeconds(60))).hasValueSatisfying(s -> assertThat(s.account()).isEqualTo(mara));
        assertThat(sessions.find(session.token(), now.plus(SessionStore.IDLE).plusSeconds(120))).isEmpty();
        assertThat(sessions.find(session.token(), now)).isEmpty();

        var throttle = new LoginThrottle(db.jdbi(), 2, 10, Duration.ofMinutes(15));
        throttle.failed("mara", "10.0.0.1", now);
        assertThat(throttle.allows("mara", "10.0.0.1", now)).isTrue();
        throttle.failed("mara", "10.0.0.1", now);
        assertThat(throttle.allows("mara", "10.0.0.2", now)).isFalse();
        assertThat(throttle.allows("mara", "10.0.0.2", now.plus(Duration.ofMinutes(16)))).isTrue();

        var media = new MediaStore(db.jdbi());
        byte[] bytes = {1, 2, 3, (byte) 0xFF, 0};
        long id = media.save("a.jpg", new ImageProcessor.Processed(640, 360, List.of(
                new ImageProcessor.Rendition(320, 180, "image/jpeg", bytes),
                new ImageProcessor.Rendition(640, 360, "image/jpeg", new byte[] {9}))), "alt", mara.id(), now);
        assertThat(media.rendition(id, 320)).hasValueSatisfying(r -> assertThat(r.data()).containsExactly(bytes));
        assertThat(media.rendition(id, 400)).hasValueSatisfying(r -> assertThat(r.data()).containsExactly(9));
        assertThat(media.rendition(id, 5000)).hasValueSatisfying(r -> assertThat(r.data()).containsExactly(9));
        assertThat(media.byId(id)).hasValueSatisfying(m -> assertThat(m.url()).isEqualTo("/media/" + id + "/640"));
    }
}
