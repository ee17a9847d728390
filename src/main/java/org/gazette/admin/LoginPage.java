package org.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Instant;
import org.gazette.account.Account;
import org.gazette.account.AccountStore;
import org.gazette.account.LoginThrottle;
import org.gazette.account.SessionStore;
import org.gazette.account.Tokens;

/**
 * Logging in and out. The login form has no session yet, so its CSRF token is a cookie that the
 * form repeats (double submit). Every login starts a new session: a session id planted before
 * login is never promoted.
 */
public final class LoginPage {

    static final String LOGIN_COOKIE = "gazette_login";

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AdminPages pages;
    private final Clock clock;
    private final boolean httpsSite;

    public LoginPage(AccountStore accounts, SessionStore sessions, LoginThrottle throttle, AdminPages pages, Clock clock,
                     boolean httpsSite) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pages = pages;
        this.clock = clock;
        this.httpsSite = httpsSite;
    }

    public void form(Context ctx) {
        String token = Tokens.random();
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, token, -1, "/admin"));
        render(ctx, token, ctx.queryParam("next"), "", null);
    }

    public void submit(Context ctx) {
        String username = AccountStore.normalize(ctx.formParam("username"));
        String next = ctx.formParam("next");
        String cookieToken = ctx.cookie(LOGIN_COOKIE);
        if (!Tokens.same(cookieToken, ctx.formParam(AdminGuard.CSRF_FIELD))) {
            ctx.status(403);
            form(ctx);
            return;
        }
        Instant now = clock.instant();
        String address = ctx.ip();
        if (!throttle.allows(username, address, now)) {
            ctx.status(429).header("Retry-After", String.valueOf(throttle.window().toSeconds()));
            render(ctx, cookieToken, next, username, pages.t("login.throttled"));
            return;
        }
        var account = accounts.authenticate(username, ctx.formParam("password"));
        if (account.isEmpty()) {
            throttle.failed(username, address, now);
            ctx.status(401);
            render(ctx, cookieToken, next, username, pages.t("login.wrong"));
            return;
        }
        throttle.succeeded(username);
        sessions.end(ctx.cookie(AdminGuard.COOKIE));
        startSession(ctx, account.get(), now);
        ctx.removeCookie(LOGIN_COOKIE, "/admin");
        ctx.redirect(safeNext(next));
    }

    void startSession(Context ctx, Account account, Instant now) {
        SessionStore.Session session = sessions.start(account, now);
        ctx.cookie(cookie(ctx, AdminGuard.COOKIE, session.token(), -1, "/"));
    }

    public void logout(Context ctx) {
        sessions.end(ctx.cookie(AdminGuard.COOKIE));
        ctx.removeCookie(AdminGuard.COOKIE, "/");
        ctx.redirect("/admin/login");
    }

    private void render(Context ctx, String token, String next, String username, String error) {
        AdminFrame frame = pages.frame(ctx, "login.title", "login");
        pages.show(ctx, "admin/login.jte", frame, "token", token, "next", safeNext(next), "username", username,
                "error", error);
    }

    /** Only back-office paths on this site, so the login form cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/admin/login")) {
            return "/admin";
        }
        return next;
    }

    private Cookie cookie(Context ctx, String name, String value, int maxAge, String path) {
        boolean secure = httpsSite || "https".equals(ctx.scheme());
        return new Cookie(name, value, path, maxAge, secure, true, null, SameSite.LAX);
    }
}
