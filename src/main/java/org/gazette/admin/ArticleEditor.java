package org.gazette.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gazette.account.Account;
import org.gazette.account.Role;
import org.gazette.article.ArticleStatus;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.config.Settings;

/** The article editor: new and existing articles, saving with each workflow step, autosave and preview. */
public final class ArticleEditor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EditorialStore store;
    private final CatalogStore catalog;
    private final ArticleChecks checks;
    private final EditorView view;
    private final BodyRenderer renderer;
    private final Supplier<Settings> settings;
    private final Runnable settle;
    private final Clock clock;

    public ArticleEditor(EditorialStore store, CatalogStore catalog, EditorView view, BodyRenderer renderer,
                         Supplier<Settings> settings, Runnable settle, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.checks = new ArticleChecks(catalog);
        this.view = view;
        this.renderer = renderer;
        this.settings = settings;
        this.settle = settle;
        this.clock = clock;
    }

    public void newArticle(Context ctx) {
        Account me = AdminGuard.account(ctx);
        String section = catalog.sections().stream().findFirst().map(s -> String.valueOf(s.id())).orElse("");
        view.show(ctx, null, ArticleForm.blank(settings.get().get("site.language"), section, me.authorId()), Map.of(), null);
    }

    public void edit(Context ctx) {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned article = owned(ctx);
        AdminGuard.check(Permissions.canEdit(me, article));
        var full = store.article(article.id()).orElseThrow(NotFoundResponse::new);
        view.show(ctx, article, ArticleForm.of(full, settings.get().timeZone()), Map.of(), ctx.queryParam("done"));
    }

    public void create(Context ctx) {
        save(ctx, null);
    }

    public void update(Context ctx) {
        save(ctx, owned(ctx));
    }

    private void save(Context ctx, EditorialStore.Owned current) {
        Account me = AdminGuard.account(ctx);
        ArticleChecks.Intent intent = intent(ctx.formParam("action"));
        allow(me, current, intent);
        ArticleForm form = ArticleForm.from(ctx);
        Map<String, String> errors = new LinkedHashMap<>(checks.problems(form, intent, clock.instant(), settings.get().timeZone()));
        Long id = current == null ? null : current.id();
        if (errors.isEmpty()) {
            try {
                id = store.save(id, form, status(current, intent), publishedAt(current, intent, form), me, clock.instant());
            } catch (EditorialStore.SlugTaken e) {
                errors.put("slug", "editor.error.slugTaken");
            }
        }
        if (!errors.isEmpty()) {
            ctx.status(422);
            view.show(ctx, current, form, errors, null);
            return;
        }
        settle.run();
        String done = "?done=" + intent.name().toLowerCase(java.util.Locale.ROOT);
        // A contributor who has just submitted may no longer edit; the list then confirms the step.
        boolean stillEditable = store.owned(id).map(a -> Permissions.canEdit(me, a)).orElse(false);
        ctx.redirect(stillEditable ? "/admin/articles/" + id + done : "/admin/articles" + done);
    }

    /** Saves a draft in the background; answers JSON so the page can say when it was saved. */
    public void autosave(Context ctx) throws java.io.IOException {
        Account me = AdminGuard.account(ctx);
        EditorialStore.Owned current = ctx.pathParamMap().containsKey("id") ? owned(ctx) : null;
        allow(me, current, ArticleChecks.Intent.SAVE);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (current != null && !Permissions.autosaves(current.status())) {
            ctx.status(409);
            answer.put("skipped", true);
        } else {
            ArticleForm form = ArticleForm.from(ctx);
            Map<String, String> errors = checks.problems(form, ArticleChecks.Intent.SAVE, clock.instant(), settings.get().timeZone());
            try {
                if (errors.isEmpty()) {
                    long id = store.save(current == null ? null : current.id(), form, status(current, ArticleChecks.Intent.SAVE),
                            current == null ? null : current.publishedAt(), me, clock.instant());
                    answer.put("id", id);
                    answer.put("url", "/admin/articles/" + id);
                    answer.put("savedAt", ArticleForm.localMinute(clock.instant(), settings.get().timeZone()).substring(11));
                }
            } catch (EditorialStore.SlugTaken e) {
                errors = Map.of("slug", "editor.error.slugTaken");
            }
            if (!errors.isEmpty()) {
                ctx.status(422);
                Map<String, String> messages = new LinkedHashMap<>();
                errors.forEach((field, key) -> messages.put(field, view.text(key)));
                answer.put("errors", messages);
            }
        }
        ctx.contentType("application/json").result(JSON.writeValueAsString(answer));
    }

    /** The body rendered exactly as the public article page renders it. */
    public void preview(Context ctx) {
        AdminGuard.account(ctx);
        String body = ctx.formParam("body");
        ctx.contentType("text/html; charset=utf-8").result(renderer.toHtml(body == null ? "" : body));
    }

    private static void allow(Account me, EditorialStore.Owned current, ArticleChecks.Intent intent) {
        if (current != null) {
            AdminGuard.check(Permissions.canEdit(me, current));
        }
        switch (intent) {
            case SUBMIT -> AdminGuard.check(current == null || Permissions.canSubmit(me, current));
            case PUBLISH, SCHEDULE -> AdminGuard.check(current == null ? me.can(Role.AUTHOR) : Permissions.canPublish(me, current));
            default -> {
            }
        }
    }

    private static ArticleStatus status(EditorialStore.Owned current, ArticleChecks.Intent intent) {
        return switch (intent) {
            case SAVE -> current == null ? ArticleStatus.DRAFT : current.status();
            case SUBMIT -> ArticleStatus.IN_REVIEW;
            case PUBLISH -> ArticleStatus.PUBLISHED;
            case SCHEDULE -> ArticleStatus.SCHEDULED;
        };
    }

    private Instant publishedAt(EditorialStore.Owned current, ArticleChecks.Intent intent, ArticleForm form) {
        Instant before = current == null ? null : current.publishedAt();
        return switch (intent) {
            case PUBLISH -> current != null && current.status() == ArticleStatus.PUBLISHED ? before : clock.instant();
            case SCHEDULE -> ArticleChecks.publishAt(form, settings.get().timeZone());
            default -> before;
        };
    }

    private static ArticleChecks.Intent intent(String action) {
        if (action == null) {
            return ArticleChecks.Intent.SAVE;
        }
        return switch (action) {
            case "submit" -> ArticleChecks.Intent.SUBMIT;
            case "publish" -> ArticleChecks.Intent.PUBLISH;
            case "schedule" -> ArticleChecks.Intent.SCHEDULE;
            default -> ArticleChecks.Intent.SAVE;
        };
    }

    EditorialStore.Owned owned(Context ctx) {
        return ArticleChecks.id(ctx.pathParam("id")).flatMap(store::owned).orElseThrow(NotFoundResponse::new);
    }
}
