package org.gazette.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gazette.cache.CacheTags;
import org.gazette.catalog.CatalogStore;
import org.gazette.config.Settings;
import org.gazette.feed.FeedLink;
import org.gazette.feed.FeedScopes;
import org.gazette.seo.PageMeta;

/** Renders pages from the precompiled templates, each inside the site's frame. */
public final class Pages {

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.gazette.templates");
    private final CatalogStore catalog;
    private final Supplier<Settings> settings;
    private volatile Words words;

    /** The interface words and date formats for one language and time zone. */
    private record Words(Locale locale, ZoneId zone, Messages messages, Dates dates) {
    }

    /** Pages whose settings may change while running (the back office's site settings, issue 5). */
    public Pages(Supplier<Settings> settings, CatalogStore catalog) {
        this.settings = settings;
        this.catalog = catalog;
    }

    /** The feeds of the site and its sections, tags, authors and sources, for discovery links. */
    public FeedScopes feeds() {
        return new FeedScopes(catalog, messages(), settings().get("site.name"));
    }

    public Settings settings() {
        return settings.get();
    }

    private Words words() {
        Settings current = settings.get();
        Words now = words;
        if (now == null || !now.locale().equals(current.locale()) || !now.zone().equals(current.timeZone())) {
            now = new Words(current.locale(), current.timeZone(), new Messages(current.locale()),
                    new Dates(current.locale(), current.timeZone()));
            words = now;
        }
        return now;
    }

    public Messages messages() {
        return words().messages();
    }

    public Dates dates() {
        return words().dates();
    }

    /** The frame of a page; {@code path} is the page's own address, used for its canonical link. */
    public SiteFrame frame(String title, String description, String path, String query, String currentSection) {
        Settings current = settings.get();
        Words w = words();
        return new SiteFrame(current.get("site.name"), current.get("site.tagline"), current.get("site.language"),
                catalog.sections(), w.messages(), w.dates(), title, description,
                path == null ? null : current.baseUrl() + path, query == null ? "" : query, currentSection,
                PageMeta.website(FeedLink.of(feeds().site())),
                current.get("site.logo").isBlank() ? null : current.get("site.logo"));
    }

    /** Renders a page as the response; the page cache learns from {@code params} which articles it shows. */
    public void html(Context ctx, String template, Map<String, Object> params) {
        CacheTags.of(ctx).shown(params);
        Utf8ByteOutput output = new Utf8ByteOutput(16_384);
        templates.render(template, params, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toByteArray());
    }
}
