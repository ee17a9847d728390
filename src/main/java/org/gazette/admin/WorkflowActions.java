package org.gazette.admin;

import io.javalin.http.Context;
import java.time.Clock;
import org.gazette.account.Account;
import org.gazette.article.ArticleStatus;
import org.gazette.revision.Corrections;

/** The workflow steps taken outside the editor form: back to draft, trash, restore, and correction notes. */
public final class WorkflowActions {

    private final EditorialStore store;
    private final ArticleEditor editor;
    private final Corrections corrections;
    private final Runnable settle;
    private final Clock clock;

    public WorkflowActions(EditorialStore store, ArticleEditor editor, Corrections corrections, Runnable settle, Clock clock) {
        this.store = store;
        this.editor = editor;
        this.corrections = corrections;
        this.settle = settle;
        this.clock = clock;
    }

    /** Takes an article off the site (or out of review, or off the schedule) back to a draft. */
    public void unpublish(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = editor.owned(ctx);
        AdminGuard.check(Permissions.canUnpublish(me, article));
        store.setStatus(article.id(), ArticleStatus.DRAFT, article.publishedAt(), clock.instant());
        done(ctx, "/admin/articles/" + article.id() + "?done=unpublish");
    }

    public void trash(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = editor.owned(ctx);
        AdminGuard.check(Permissions.canTrash(me, article));
        store.trash(article.id(), clock.instant());
        done(ctx, "/admin/trash");
    }

    public void restore(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = editor.owned(ctx);
        AdminGuard.check(Permissions.canRestore(me, article));
        store.restore(article.id(), clock.instant());
        done(ctx, "/admin/articles/" + article.id() + "?done=restore");
    }

    public void addNote(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = editor.owned(ctx);
        AdminGuard.check(Permissions.canAddNote(me, article));
        String text = ctx.formParam("text") == null ? "" : ctx.formParam("text").strip();
        if (text.isEmpty() || text.length() > Corrections.MAX_LENGTH) {
            ctx.status(422).contentType("text/plain; charset=utf-8").result("A note needs 1 to " + Corrections.MAX_LENGTH + " characters");
            return;
        }
        var kind = "update".equals(ctx.formParam("kind")) ? Corrections.Kind.UPDATE : Corrections.Kind.CORRECTION;
        corrections.add(article.id(), kind, text, me.id(), clock.instant());
        done(ctx, "/admin/articles/" + article.id() + "?done=note");
    }

    private void done(Context ctx, String next) {
        settle.run();
        ctx.redirect(next);
    }
}
