package org.gazette.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import org.gazette.cache.CacheTags;
import org.gazette.catalog.CatalogStore;
import org.gazette.config.Settings;

/** Renders pages from the precompiled templates, each inside the site's frame. */
public final class Pages {

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html, null, "org.gazette.templates");
    private final CatalogStore catalog;
    private final Settings settings;
    private final Messages messages;
    private final Dates dates;

    public Pages(Settings settings, CatalogStore catalog) {
        this.settings = settings;
        this.catalog = catalog;
        this.messages = new Messages(settings.locale());
        this.dates = new Dates(settings.locale(), settings.timeZone());
    }

    public Messages messages() {
        return messages;
    }

    public Dates dates() {
        return dates;
    }

    /** The frame of a page; {@code path} is the page's own address, used for its canonical link. */
    public SiteFrame frame(String title, String description, String path, String query, String currentSection) {
        return new SiteFrame(settings.get("site.name"), settings.get("site.tagline"), settings.get("site.language"),
                catalog.sections(), messages, dates, title, description,
                path == null ? null : settings.baseUrl() + path, query == null ? "" : query, currentSection);
    }

    public String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput(8192);
        templates.render(template, params, output);
        return output.toString();
    }

    /** Renders a page as the response; the page cache learns from {@code params} which articles it shows. */
    public void html(Context ctx, String template, Map<String, Object> params) {
        CacheTags.of(ctx).shown(params);
        ctx.contentType("text/html; charset=utf-8").result(render(template, params));
    }
}
