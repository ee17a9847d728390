package org.gazette.syndication;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import org.gazette.site.Pages;

/**
 * A read-only view of every partner feed's status for the newsroom, until the back office has its own.
 * It names partners' feed addresses and errors, so it is off unless {@code ingest.status-page} is true.
 */
public final class StatusPage {

    private final Syndication syndication;
    private final Pages pages;
    private final boolean enabled;

    public StatusPage(Syndication syndication, Pages pages, boolean enabled) {
        this.syndication = syndication;
        this.pages = pages;
        this.enabled = enabled;
    }

    public void show(Context ctx) {
        if (!enabled) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        pages.html(ctx, "syndication/status.jte", Map.of(
                "frame", pages.frame(pages.messages().t("feeds.heading"), null, null, null, null),
                "feeds", syndication.list()));
    }
}
