package org.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.gazette.account.AccountStore;
import org.gazette.account.Role;
import org.gazette.config.Settings;
import org.gazette.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette user add NAME --role ROLE}, with the password on standard input. */
class UserCommandTest {

    @TempDir
    Path data;

    private int run(String stdin, ByteArrayOutputStream err, String... args) {
        InputStream in = System.in;
        PrintStream oldErr = System.err;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return Gazette.commandLine().execute(args);
        } finally {
            System.setIn(in);
            System.setErr(oldErr);
        }
    }

    @Test
    void createsAUserWhoseHashedPasswordWorks() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("first-editor-password\n", err, "user", "add", "Mara", "--role", "editor", "--data", data.toString()))
                .as(err.toString()).isZero();
        try (Database db = Database.open(Settings.of(java.util.Map.of("data.dir", data.toString())))) {
            var accounts = new AccountStore(db.jdbi());
            assertThat(accounts.authenticate("mara", "first-editor-password")).hasValueSatisfying(a ->
                    assertThat(a.role()).isEqualTo(Role.EDITOR));
            String hash = db.jdbi().withHandle(h -> h.createQuery("select password_hash from account").mapTo(String.class).one());
            assertThat(hash).startsWith("$argon2id$").doesNotContain("first-editor-password");
        }
    }

    @Test
    void refusesBadRolesShortPasswordsAndDuplicates() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run("long-enough-password\n", err, "user", "add", "x1", "--role", "chief", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown role 'chief'");
        assertThat(run("short\n", err, "user", "add", "x2", "--role", "admin", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("at least 10 characters");
        assertThat(run("", err, "user", "add", "x3", "--role", "admin", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no password given");
        assertThat(run("long-enough-password\n", err, "user", "add", "dup", "--role", "admin", "--data", data.toString())).isZero();
        assertThat(run("long-enough-password\n", err, "user", "add", "DUP", "--role", "admin", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already a user named dup");
    }
}
