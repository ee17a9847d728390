package org.gazette.admin;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.gazette.account.Account;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.media.MediaStore;
import org.gazette.revision.Corrections;

/** Puts the editor page together: the form, its errors, the pickers and what the user may do next. */
public final class EditorView {

    /** How many of the latest uploads the editor offers to reuse; the library has them all. */
    static final int RECENT_MEDIA = 12;

    private final AdminPages pages;
    private final CatalogStore catalog;
    private final Corrections corrections;
    private final BodyRenderer renderer;
    private final MediaStore media;

    public EditorView(AdminPages pages, CatalogStore catalog, Corrections corrections, BodyRenderer renderer, MediaStore media) {
        this.pages = pages;
        this.catalog = catalog;
        this.corrections = corrections;
        this.renderer = renderer;
        this.media = media;
    }

    String text(String key) {
        return pages.t(key);
    }

    /** {@code article} is null for a new article; {@code done} names the step just completed, if any. */
    void show(Context ctx, EditorialStore.Owned article, ArticleForm form, Map<String, String> errors, String done) {
        Account me = AdminGuard.account(ctx);
        AdminFrame frame = pages.frame(ctx, article == null ? "editor.titleNew" : "editor.title", article == null ? "new" : "articles");
        Map<String, Object> params = new HashMap<>();
        params.put("f", frame);
        params.put("article", article);
        params.put("form", form);
        params.put("errors", errors);
        params.put("done", ArticleList.doneKey(done));
        params.put("sections", catalog.sections());
        params.put("authors", catalog.authors());
        params.put("sources", catalog.sources());
        params.put("previewHtml", renderer.toHtml(form.body()));
        params.put("may", article == null ? EditorActions.forNew(me) : EditorActions.of(me, article));
        params.put("recentMedia", media.page(RECENT_MEDIA, 0));
        params.put("notes", article == null ? java.util.List.of() : corrections.of(article.id()));
        pages.show(ctx, "admin/editor.jte", params);
    }
}
