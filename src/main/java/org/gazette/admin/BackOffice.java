package org.gazette.admin;

import java.time.Clock;
import java.time.Duration;
import org.gazette.Site;
import org.gazette.account.AccountStore;
import org.gazette.account.LoginThrottle;
import org.gazette.account.SessionStore;
import org.gazette.config.Settings;
import org.gazette.revision.Corrections;
import org.gazette.revision.RevisionStore;
import org.gazette.site.Pages;

/** The back office's parts, assembled once from the running site; WebServer routes requests to them. */
public final class BackOffice {

    private final AdminGuard guard;
    private final LoginPage login;
    private final AccountPages accounts;
    private final ArticleList list;
    private final ArticleEditor editor;
    private final WorkflowActions workflow;
    private final TagSuggestions tags;
    private final RevisionPages revisionPages;
    private final org.gazette.media.MediaPages media;

    private final AdminPages adminPages;
    private final SettingsPage settingsPage;
    private final CatalogPages catalogPages;

    public BackOffice(Site site, Pages sitePages, org.gazette.config.SiteSettingsStore siteSettings) {
        Settings settings = site.settings();
        Clock clock = Clock.systemUTC();
        var jdbi = site.database().jdbi();
        AccountStore accountStore = new AccountStore(jdbi);
        SessionStore sessions = new SessionStore(jdbi, accountStore);
        LoginThrottle throttle = new LoginThrottle(jdbi, settings.getInt("admin.login-max-failures"),
                settings.getInt("admin.login-max-address-failures"),
                Duration.ofMinutes(settings.getInt("admin.login-window-minutes")));
        AdminPages pages = new AdminPages(sitePages);
        this.adminPages = pages;
        this.guard = new AdminGuard(sessions, clock);
        this.login = new LoginPage(accountStore, sessions, throttle, pages, clock, settings.baseUrl().startsWith("https:"));
        this.accounts = new AccountPages(accountStore, sessions, pages, clock);
        Runnable settle = () -> {
            try {
                site.settle();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        var revisions = new RevisionStore(jdbi);
        var corrections = new Corrections(jdbi);
        var store = new EditorialStore(site.articles(), site.catalog(), revisions, site.renderer());
        this.list = new ArticleList(jdbi, site.catalog(), pages);
        var mediaStore = new org.gazette.media.MediaStore(jdbi);
        var view = new EditorView(pages, site.catalog(), corrections, site.renderer(), mediaStore);
        this.editor = new ArticleEditor(store, site.catalog(), view, site.renderer(), siteSettings::effective, settle, clock);
        this.revisionPages = new RevisionPages(revisions, site.catalog(), store, editor, new ArticleChecks(site.catalog()), view, pages,
                siteSettings::effective, settle, clock);
        this.workflow = new WorkflowActions(store, editor, corrections, settle, clock);
        this.tags = new TagSuggestions(site.catalog());
        this.settingsPage = new SettingsPage(siteSettings, pages, settle);
        this.catalogPages = new CatalogPages(site.catalog(), new CatalogEdits(jdbi), pages, settle, clock);
        this.media = new org.gazette.media.MediaPages(mediaStore, pages,
                settings.getInt("admin.upload-max-bytes"), clock);
    }

    public AdminGuard guard() {
        return guard;
    }

    public LoginPage login() {
        return login;
    }

    public AccountPages accounts() {
        return accounts;
    }

    public ArticleList list() {
        return list;
    }

    public ArticleEditor editor() {
        return editor;
    }

    public WorkflowActions workflow() {
        return workflow;
    }

    public RevisionPages revisions() {
        return revisionPages;
    }

    public org.gazette.media.MediaPages media() {
        return media;
    }

    public SettingsPage settings() {
        return settingsPage;
    }

    public CatalogPages catalog() {
        return catalogPages;
    }

    public TagSuggestions tags() {
        return tags;
    }

    /** A refused request (401, 403): a page that says why, or plain words for scripts. */
    public void refused(io.javalin.http.HttpResponseException e, io.javalin.http.Context ctx) {
        ctx.status(e.getStatus()).header("Cache-Control", "no-store");
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/html")) {
            ctx.contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        String key = e.getStatus() == 401 ? "refused.login" : e.getStatus() == 403 ? "refused.forbidden" : "refused.other";
        adminPages.show(ctx, "admin/refused.jte", adminPages.frame(ctx, "refused.title", ""), "message", key,
                "loggedIn", AdminGuard.session(ctx) != null);
    }
}
