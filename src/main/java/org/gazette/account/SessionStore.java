package org.gazette.account;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Login sessions in the database, so any server can serve any request. The cookie carries a random
 * token; the table keeps only its SHA-256, so a leaked table does not hand out live sessions.
 */
public final class SessionStore {

    /** A session ends after this long without a request, and in any case after {@link #MAX_AGE}. */
    public static final Duration IDLE = Duration.ofHours(12);
    public static final Duration MAX_AGE = Duration.ofDays(7);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final AccountStore accounts;

    public SessionStore(Jdbi jdbi, AccountStore accounts) {
        this.jdbi = jdbi;
        this.accounts = accounts;
    }

    /** A session as its owner sees it: the cookie token and the token every form must carry. */
    public record Session(String token, String csrfToken, Account account) {
    }

    public Session start(Account account, Instant now) {
        String token = Tokens.random();
        String csrf = Tokens.random();
        jdbi.useHandle(h -> h.createUpdate("insert into login_session (token_hash, account_id, csrf_token, created_at, seen_at) "
                        + "values (:hash, :account, :csrf, :now, :now)")
                .bind("hash", Tokens.sha256(token)).bind("account", account.id()).bind("csrf", csrf)
                .bind("now", now.atOffset(ZoneOffset.UTC)).execute());
        return new Session(token, csrf, account);
    }

    public Optional<Session> find(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        record Row(long accountId, String csrf, Instant created, Instant seen) {
        }
        Optional<Row> row = jdbi.withHandle(h -> h.createQuery(
                        "select account_id, csrf_token, created_at, seen_at from login_session where token_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (r.seen().plus(IDLE).isBefore(now) || r.created().plus(MAX_AGE).isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        if (r.seen().plus(TOUCH_EVERY).isBefore(now)) {
            jdbi.useHandle(h -> h.createUpdate("update login_session set seen_at = :now where token_hash = :hash")
                    .bind("now", now.atOffset(ZoneOffset.UTC)).bind("hash", hash).execute());
        }
        return accounts.byId(r.accountId()).map(account -> new Session(token, r.csrf(), account));
    }

    public void end(String token) {
        if (token != null) {
            jdbi.useHandle(h -> h.createUpdate("delete from login_session where token_hash = :hash")
                    .bind("hash", Tokens.sha256(token)).execute());
        }
    }

    /** Ends every session of an account, as when an admin resets its password. */
    public void endAll(long accountId) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_session where account_id = :id").bind("id", accountId).execute());
    }

    /** Ends the account's other sessions, keeping the one that changed the password. */
    public void endOthers(long accountId, String keepToken) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_session where account_id = :id and token_hash <> :keep")
                .bind("id", accountId).bind("keep", Tokens.sha256(keepToken)).execute());
    }
}
