package org.gazette.seo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The home page's WebSite document, with the SearchAction that lets search engines offer the site's search box. */
public final class WebSiteData {

    private WebSiteData() {
    }

    public static String of(SiteIdentity site, String language) {
        ObjectNode doc = JsonLd.document("WebSite").put("name", site.name()).put("url", site.url())
                .put("inLanguage", language);
        doc.set("publisher", site.organization());
        ObjectNode action = JsonLd.node("SearchAction");
        action.set("target", JsonLd.node("EntryPoint").put("urlTemplate", site.url() + "search?q={search_term_string}"));
        action.put("query-input", "required name=search_term_string");
        doc.set("potentialAction", action);
        return JsonLd.script(doc);
    }
}
