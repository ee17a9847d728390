package org.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import org.gazette.account.Account;
import org.gazette.account.AccountStore;
import org.gazette.account.Passwords;
import org.gazette.account.Role;
import org.gazette.account.SessionStore;

/** One's own password, and (for admins) the list of users: add, change role, reset password. */
public final class AccountPages {

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final AdminPages pages;
    private final Clock clock;

    public AccountPages(AccountStore accounts, SessionStore sessions, AdminPages pages, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
        this.clock = clock;
    }

    public void passwordForm(Context ctx) {
        AdminGuard.account(ctx);
        showPassword(ctx, null, null);
    }

    public void changePassword(Context ctx) {
        Account me = AdminGuard.account(ctx);
        String fresh = ctx.formParam("new_password");
        if (accounts.authenticate(me.username(), ctx.formParam("current_password")).isEmpty()) {
            ctx.status(422);
            showPassword(ctx, "password.wrongCurrent", null);
            return;
        }
        String problem = Passwords.problem(fresh);
        if (problem == null && !fresh.equals(ctx.formParam("repeat_password"))) {
            problem = "password.mismatch";
        }
        if (problem != null) {
            ctx.status(422);
            showPassword(ctx, problem, null);
            return;
        }
        accounts.setPassword(me.id(), fresh);
        sessions.endOthers(me.id(), AdminGuard.session(ctx).token());
        showPassword(ctx, null, "password.changed");
    }

    private void showPassword(Context ctx, String error, String notice) {
        pages.show(ctx, "admin/password.jte", pages.frame(ctx, "password.title", "password"),
                "error", error, "notice", notice, "min", Passwords.MIN_LENGTH);
    }

    public void users(Context ctx) {
        AdminGuard.require(ctx, Role.ADMIN);
        showUsers(ctx, null, null, "");
    }

    public void addUser(Context ctx) {
        AdminGuard.require(ctx, Role.ADMIN);
        String name = ctx.formParam("username");
        Role role = Role.parse(ctx.formParam("role"));
        try {
            if (role == null) {
                throw new AccountStore.AccountException("users.error.role", null, "Choose a role");
            }
            accounts.create(name, role, ctx.formParam("password"), clock.instant());
        } catch (AccountStore.AccountException e) {
            ctx.status(422);
            showUsers(ctx, pages.site().messages().t(e.key(), e.argument()), null, name == null ? "" : name);
            return;
        }
        showUsers(ctx, null, pages.t("users.added"), "");
    }

    public void setRole(Context ctx) {
        Account me = AdminGuard.require(ctx, Role.ADMIN);
        Account target = target(ctx);
        Role role = Role.parse(ctx.formParam("role"));
        if (role == null || target.id() == me.id()) {
            // An admin cannot demote themselves, so the site is never left without one by accident.
            ctx.status(422);
            showUsers(ctx, pages.t("users.roleRefused"), null, "");
            return;
        }
        accounts.setRole(target.id(), role);
        ctx.redirect("/admin/users");
    }

    public void resetPassword(Context ctx) {
        AdminGuard.require(ctx, Role.ADMIN);
        Account target = target(ctx);
        try {
            accounts.setPassword(target.id(), ctx.formParam("password"));
        } catch (AccountStore.AccountException e) {
            ctx.status(422);
            showUsers(ctx, pages.site().messages().t(e.key(), e.argument()), null, "");
            return;
        }
        sessions.endAll(target.id());
        showUsers(ctx, null, pages.t("users.reset"), "");
    }

    private Account target(Context ctx) {
        try {
            return accounts.byId(Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private void showUsers(Context ctx, String error, String notice, String name) {
        pages.show(ctx, "admin/users.jte", pages.frame(ctx, "users.title", "users"),
                "users", accounts.all(), "roles", Role.values(), "error", error, "notice", notice, "name", name);
    }
}
