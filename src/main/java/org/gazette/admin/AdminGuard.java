package org.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.gazette.account.Account;
import org.gazette.account.Role;
import org.gazette.account.SessionStore;
import org.gazette.account.Tokens;

/**
 * Runs before every back-office request: no caching, a live session (else the login page),
 * and on every form post the session's CSRF token. Handlers then ask {@link #require} for a role.
 */
public final class AdminGuard {

    public static final String COOKIE = "gazette_session";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "gazette.session";

    private final SessionStore sessions;
    private final Clock clock;

    public AdminGuard(SessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    public void before(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String path = ctx.path();
        if (path.equals("/admin/login")) {
            return;
        }
        var session = sessions.find(ctx.cookie(COOKIE), clock.instant());
        if (session.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/admin/login?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse("Log in first");
        }
        ctx.attribute(ATTRIBUTE, session.get());
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null) {
                sent = ctx.formParam(CSRF_FIELD);
            }
            if (!Tokens.same(sent, session.get().csrfToken())) {
                throw new ForbiddenResponse("The form has expired or did not come from this site; reload the page and try again");
            }
        }
    }

    private static String pathWithQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    public static SessionStore.Session session(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    public static Account account(Context ctx) {
        SessionStore.Session session = session(ctx);
        if (session == null) {
            throw new UnauthorizedResponse("Log in first");
        }
        return session.account();
    }

    /** The logged-in account, if it has at least the role; otherwise the request is refused with 403. */
    public static Account require(Context ctx, Role role) {
        Account account = account(ctx);
        if (!account.can(role)) {
            throw new ForbiddenResponse("Your role does not allow this");
        }
        return account;
    }

    /** Refuses the request with 403 unless the rule holds. */
    public static void check(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenResponse("Your role does not allow this");
        }
    }
}
