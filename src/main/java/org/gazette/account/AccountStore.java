package org.gazette.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The people who can log in, with their argon2id password hashes. */
public final class AccountStore {

    private static final String COLUMNS = "select id, username, role, author_id from account";

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Thrown when a name or password cannot be used: English words, and the message key and argument for the interface. */
    public static final class AccountException extends RuntimeException {
        private final String key;
        private final Object argument;

        public AccountException(String key, Object argument, String message) {
            super(message);
            this.key = key;
            this.argument = argument;
        }

        public String key() {
            return key;
        }

        public Object argument() {
            return argument;
        }
    }

    private static AccountException shortPassword() {
        return new AccountException("password.tooShort", Passwords.MIN_LENGTH,
                "A password needs at least " + Passwords.MIN_LENGTH + " characters");
    }

    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isValidName(String username) {
        return normalize(username).matches("[a-z0-9][a-z0-9._-]{1,49}");
    }

    public Account create(String username, Role role, String password, Instant now) {
        String name = normalize(username);
        if (!isValidName(name)) {
            throw new AccountException("users.error.name", null, "A user name is 2 to 50 letters, digits, dots, dashes or underscores");
        }
        if (Passwords.problem(password) != null) {
            throw shortPassword();
        }
        if (byUsername(name).isPresent()) {
            throw new AccountException("users.error.taken", name, "There is already a user named " + name);
        }
        String hash = Passwords.hash(password);
        jdbi.useHandle(h -> h.createUpdate("insert into account (username, role, password_hash, created_at) "
                        + "values (:name, :role, :hash, :now)")
                .bind("name", name).bind("role", role.name()).bind("hash", hash)
                .bind("now", now.atOffset(ZoneOffset.UTC)).execute());
        return byUsername(name).orElseThrow();
    }

    public Optional<Account> byUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " where username = :name")
                .bind("name", normalize(username)).map(AccountStore::map).findOne());
    }

    public Optional<Account> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " where id = :id").bind("id", id).map(AccountStore::map).findOne());
    }

    public List<Account> all() {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " order by username").map(AccountStore::map).list());
    }

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from account").mapTo(Integer.class).one()) == 0;
    }

    /** The account if the password is right; the check costs the same whether or not the name exists. */
    public Optional<Account> authenticate(String username, String password) {
        Optional<String> hash = jdbi.withHandle(h -> h.createQuery("select password_hash from account where username = :name")
                .bind("name", normalize(username)).mapTo(String.class).findOne());
        return Passwords.matches(password, hash.orElse(null)) ? byUsername(username) : Optional.empty();
    }

    public void setPassword(long accountId, String password) {
        if (Passwords.problem(password) != null) {
            throw shortPassword();
        }
        String hash = Passwords.hash(password);
        jdbi.useHandle(h -> h.createUpdate("update account set password_hash = :hash where id = :id")
                .bind("hash", hash).bind("id", accountId).execute());
    }

    public void setRole(long accountId, Role role) {
        jdbi.useHandle(h -> h.createUpdate("update account set role = :role where id = :id")
                .bind("role", role.name()).bind("id", accountId).execute());
    }

    public void linkAuthor(long accountId, Long authorId) {
        jdbi.useHandle(h -> h.createUpdate("update account set author_id = :author where id = :id")
                .bind("author", authorId).bind("id", accountId).execute());
    }

    private static Account map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        long author = rs.getLong("author_id");
        return new Account(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.wasNull() ? null : author);
    }
}
