package org.gazette.seo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gazette.config.Settings;
import org.gazette.feed.AbsoluteUrls;

/** The publisher as structured data names it: the site's name, address and logo. */
public record SiteIdentity(String name, String url, String logoUrl) {

    /** Structured data wants a publisher logo even when the masthead shows none. */
    static final String DEFAULT_LOGO = "/assets/logo.svg";

    public static SiteIdentity of(Settings settings) {
        String base = settings.baseUrl();
        String logo = settings.get("site.logo").isBlank() ? DEFAULT_LOGO : settings.get("site.logo");
        return new SiteIdentity(settings.get("site.name"), base + "/", new AbsoluteUrls(base).of(logo));
    }

    /** The schema.org Organization that publishes the site, with its logo. */
    public ObjectNode organization() {
        ObjectNode org = JsonLd.node("Organization").put("name", name).put("url", url);
        org.set("logo", JsonLd.node("ImageObject").put("url", logoUrl));
        return org;
    }
}
