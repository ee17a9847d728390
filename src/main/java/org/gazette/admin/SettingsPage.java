package org.gazette.admin;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gazette.account.Role;
import org.gazette.config.SiteSettingsStore;

/** Site settings for admins: name, tagline, language, time zone, logo and the canonical policy for republished articles. */
public final class SettingsPage {

    private final SiteSettingsStore store;
    private final Runnable settle;
    private final AdminPages pages;

    public SettingsPage(SiteSettingsStore store, AdminPages pages, Runnable settle) {
        this.settle = settle;
        this.store = store;
        this.pages = pages;
    }

    public void show(Context ctx) {
        AdminGuard.require(ctx, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        SiteSettingsStore.EDITABLE.forEach(key -> values.put(key, store.effective().get(key)));
        render(ctx, values, Map.of(), false);
    }

    public void save(Context ctx) {
        AdminGuard.require(ctx, Role.ADMIN);
        Map<String, String> values = new LinkedHashMap<>();
        SiteSettingsStore.EDITABLE.forEach(key -> values.put(key, ctx.formParam(key) == null ? "" : ctx.formParam(key).strip()));
        Map<String, String> errors = problems(values);
        if (!errors.isEmpty()) {
            ctx.status(422);
            render(ctx, values, errors, false);
            return;
        }
        // A value equal to the config file's is not stored, so changing the file later still takes effect.
        Map<String, String> overrides = new LinkedHashMap<>();
        values.forEach((key, value) -> overrides.put(key, value.equals(store.base().get(key)) ? "" : value));
        store.save(overrides);
        settle.run();
        render(ctx, values, Map.of(), true);
    }

    private static Map<String, String> problems(Map<String, String> v) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (v.get("site.name").isEmpty() || v.get("site.name").length() > 200) {
            errors.put("site.name", "settings.error.name");
        }
        if (v.get("site.tagline").length() > 300) {
            errors.put("site.tagline", "editor.error.tooLong");
        }
        if (!v.get("site.language").matches("en|es")) {
            errors.put("site.language", "editor.error.languageInvalid");
        }
        try {
            ZoneId.of(v.get("site.time-zone"));
        } catch (DateTimeException e) {
            errors.put("site.time-zone", "settings.error.zone");
        }
        if (!v.get("site.logo").isEmpty() && !ArticleChecks.isSafeUrl(v.get("site.logo"))) {
            errors.put("site.logo", "editor.error.urlInvalid");
        }
        if (!v.get("site.republished-canonical").matches("original|self")) {
            errors.put("site.republished-canonical", "settings.error.canonical");
        }
        return errors;
    }

    private void render(Context ctx, Map<String, String> values, Map<String, String> errors, boolean saved) {
        pages.show(ctx, "admin/settings.jte", pages.frame(ctx, "settings.title", "settings"), "values", values, "errors", errors,
                "saved", saved, "defaults", store.base());
    }
}
