package org.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gazette.account.Account;
import org.gazette.config.Settings;
import org.gazette.revision.LineDiff;
import org.gazette.revision.RevisionStore;

/** An article's revisions: the list, a side-by-side diff of any two, and putting an older one back. */
public final class RevisionPages {

    private final RevisionStore revisions;
    private final org.gazette.catalog.CatalogStore catalog;
    private final EditorialStore store;
    private final ArticleEditor editor;
    private final ArticleChecks checks;
    private final EditorView view;
    private final AdminPages pages;
    private final Supplier<Settings> settings;
    private final Runnable settle;
    private final Clock clock;

    public RevisionPages(RevisionStore revisions, org.gazette.catalog.CatalogStore catalog, EditorialStore store, ArticleEditor editor, ArticleChecks checks, EditorView view,
                         AdminPages pages, Supplier<Settings> settings, Runnable settle, Clock clock) {
        this.revisions = revisions;
        this.catalog = catalog;
        this.store = store;
        this.editor = editor;
        this.checks = checks;
        this.view = view;
        this.pages = pages;
        this.settings = settings;
        this.settle = settle;
        this.clock = clock;
    }

    public void list(Context ctx) {
        EditorialStore.Owned article = allowed(ctx);
        var all = revisions.of(article.id());
        pages.show(ctx, "admin/revisions.jte", pages.frame(ctx, "revisions.title", "articles"), "article", article,
                "revisions", all, "headline", store.article(article.id()).orElseThrow().headline());
    }

    public void diff(Context ctx) {
        EditorialStore.Owned article = allowed(ctx);
        var a = revision(article, ctx.queryParam("a"));
        var b = revision(article, ctx.queryParam("b"));
        List<LineDiff.Row> rows = LineDiff.of(lines(a), lines(b));
        pages.show(ctx, "admin/diff.jte", pages.frame(ctx, "revisions.diffTitle", "articles"), "article", article,
                "a", a, "b", b, "rows", rows);
    }

    public void restore(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = allowed(ctx);
        var revision = revision(article, ctx.pathParam("rid"));
        ArticleForm form = EditorialStore.fromSnapshot(revision.snapshot());
        Map<String, String> errors = checks.problems(form, ArticleChecks.Intent.SAVE, clock.instant(), settings.get().timeZone());
        if (errors.isEmpty()) {
            try {
                store.save(article.id(), form, article.status(), article.publishedAt(), me, clock.instant());
                settle.run();
                ctx.redirect("/admin/articles/" + article.id() + "?done=revision");
                return;
            } catch (EditorialStore.SlugTaken e) {
                errors = Map.of("slug", "editor.error.slugTaken");
            }
        }
        // The old revision no longer fits (a section was removed, its slug was taken): show it in the editor to fix.
        ctx.status(422);
        view.show(ctx, article, form, errors, null);
    }

    /** A revision as lines to compare, naming the section, authors and source rather than their ids. */
    private List<String> lines(RevisionStore.Revision revision) {
        Map<String, String> sections = new java.util.HashMap<>();
        catalog.sections().forEach(s -> sections.put(String.valueOf(s.id()), s.name()));
        Map<String, String> authors = new java.util.HashMap<>();
        catalog.authors().forEach(a -> authors.put(String.valueOf(a.id()), a.name()));
        Map<String, String> sources = new java.util.HashMap<>();
        catalog.sources().forEach(s -> sources.put(String.valueOf(s.id()), s.name()));
        return EditorialStore.fromSnapshot(revision.snapshot()).asLines(id -> sections.getOrDefault(id, id),
                id -> authors.getOrDefault(id, id), id -> sources.getOrDefault(id, id));
    }

    private EditorialStore.Owned allowed(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = editor.owned(ctx);
        AdminGuard.check(Permissions.canEdit(me, article));
        return article;
    }

    private RevisionStore.Revision revision(EditorialStore.Owned article, String id) {
        return ArticleChecks.id(id).flatMap(r -> revisions.byId(article.id(), r)).orElseThrow(NotFoundResponse::new);
    }
}
