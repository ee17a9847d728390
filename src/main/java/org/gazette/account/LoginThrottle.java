package org.gazette.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing: after too many failures within the window, logins for that
 * account name, or from that address, are refused until the window has passed. Failures are
 * kept in the database, so every server sees the same count.
 */
public final class LoginThrottle {

    private final Jdbi jdbi;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;

    public LoginThrottle(Jdbi jdbi, int perAccount, int perAddress, Duration window) {
        this.jdbi = jdbi;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Whether a login for this name from this address may be tried now. */
    public boolean allows(String username, String address, Instant now) {
        return failures(accountKey(username), now) < perAccount && failures(addressKey(address), now) < perAddress;
    }

    public void failed(String username, String address, Instant now) {
        jdbi.useHandle(h -> {
            for (String subject : new String[] {accountKey(username), addressKey(address)}) {
                h.createUpdate("insert into login_failure (subject, failed_at) values (:s, :t)")
                        .bind("s", subject).bind("t", now.atOffset(ZoneOffset.UTC)).execute();
            }
            h.createUpdate("delete from login_failure where failed_at < :old")
                    .bind("old", now.minus(window).atOffset(ZoneOffset.UTC)).execute();
        });
    }

    /** A right password clears the account's count; the address keeps its count. */
    public void succeeded(String username) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_failure where subject = :s").bind("s", accountKey(username)).execute());
    }

    private int failures(String subject, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from login_failure where subject = :s and failed_at > :since")
                .bind("s", subject).bind("since", now.minus(window).atOffset(ZoneOffset.UTC)).mapTo(Integer.class).one());
    }

    private static String accountKey(String username) {
        return "account:" + AccountStore.normalize(username);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
