package org.gazette.admin;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.account.Role;
import org.gazette.catalog.CatalogStore;

/** Sections, tags, sources and staff author profiles, for editors. */
public final class CatalogPages {

    private static final Pattern MEDIA = Pattern.compile("/media/(\\d+)(/\\d+)?");

    private final CatalogStore catalog;
    private final CatalogEdits edits;
    private final AdminPages pages;
    private final Runnable settle;
    private final Clock clock;

    public CatalogPages(CatalogStore catalog, CatalogEdits edits, AdminPages pages, Runnable settle, Clock clock) {
        this.catalog = catalog;
        this.edits = edits;
        this.pages = pages;
        this.settle = settle;
        this.clock = clock;
    }

    public void show(Context ctx) {
        AdminGuard.require(ctx, Role.EDITOR);
        render(ctx, null, ctx.queryParam("saved") != null);
    }

    private void render(Context ctx, String error, boolean saved) {
        pages.show(ctx, "admin/catalog.jte", pages.frame(ctx, "catalog.title", "catalog"), "sections", catalog.sections(),
                "tags", catalog.tags(), "sources", catalog.sources(), "authors", catalog.authors(), "error", error, "saved", saved,
                "catalog", catalog);
    }

    /** Handles every catalog form: {@code kind} is section, tag, source or author; no id means a new one. */
    public void save(Context ctx) {
        AdminGuard.require(ctx, Role.EDITOR);
        String kind = ctx.pathParam("kind");
        Long id = ctx.pathParamMap().containsKey("id") ? ArticleChecks.id(ctx.pathParam("id")).orElse(-1L) : null;
        String name = text(ctx, "name");
        String error = null;
        Long image = null;
        if (name.isEmpty() || name.length() > 200) {
            error = "catalog.error.name";
        } else if (!text(ctx, "image").isEmpty()) {
            Matcher m = MEDIA.matcher(text(ctx, "image"));
            image = m.matches() ? Long.valueOf(m.group(1)) : null;
            if (image == null) {
                error = "catalog.error.image";
            }
        }
        if (error == null && !text(ctx, "home_url").isEmpty() && !text(ctx, "home_url").matches("(?i)https?://\\S+")) {
            error = "editor.error.urlInvalid";
        }
        if (error == null) {
            try {
                apply(kind, id, name, ctx, image);
                settle.run();
                ctx.redirect("/admin/catalog?saved=" + kind + "#" + kind + "s");
                return;
            } catch (CatalogEdits.NameTaken e) {
                error = "catalog.error.taken";
            }
        }
        ctx.status(422);
        render(ctx, pages.t(error), false);
    }

    private void apply(String kind, Long id, String name, Context ctx, Long image) {
        var now = clock.instant();
        switch (kind) {
            case "section" -> {
                if (id == null) {
                    edits.addSection(name, text(ctx, "description"));
                } else {
                    edits.updateSection(id, name, text(ctx, "description"), ArticleChecks.id(text(ctx, "position")).orElse(0L).intValue(), now);
                }
            }
            case "tag" -> edits.renameTag(id == null ? -1 : id, name, now);
            case "source" -> {
                if (id == null) {
                    edits.addSource(name, text(ctx, "home_url"), image);
                } else {
                    edits.updateSource(id, name, text(ctx, "home_url"), image, now);
                }
            }
            case "author" -> {
                if (id == null) {
                    edits.addAuthor(name, text(ctx, "bio"), image);
                } else {
                    edits.updateAuthor(id, name, text(ctx, "bio"), image, now);
                }
            }
            default -> throw new io.javalin.http.NotFoundResponse();
        }
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
