package org.gazette.admin;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.gazette.account.SessionStore;
import org.gazette.site.Pages;

/** Renders back-office pages inside the back-office frame. */
public final class AdminPages {

    private final Pages pages;

    public AdminPages(Pages pages) {
        this.pages = pages;
    }

    public Pages site() {
        return pages;
    }

    public String t(String key) {
        return pages.messages().t(key);
    }

    public AdminFrame frame(Context ctx, String titleKey, String current) {
        SessionStore.Session session = AdminGuard.session(ctx);
        return new AdminFrame(pages.settings().get("site.name"), pages.messages().locale().getLanguage(),
                pages.messages(), pages.dates(), t(titleKey), session == null ? null : session.account(),
                session == null ? null : session.csrfToken(), current);
    }

    /** Renders a page; {@code params} must hold the frame under "f". */
    public void show(Context ctx, String template, Map<String, Object> params) {
        pages.html(ctx, template, params);
    }

    public void show(Context ctx, String template, AdminFrame frame, Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("f", frame);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        pages.html(ctx, template, params);
    }
}
