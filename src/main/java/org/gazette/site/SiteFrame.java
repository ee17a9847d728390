package org.gazette.site;

import java.util.List;
import org.gazette.catalog.Section;
import org.gazette.seo.PageMeta;

/**
 * What every page shows around its content: the masthead, the search box, section navigation,
 * and the page's own title, canonical address and feed links.
 */
public record SiteFrame(
        String siteName,
        String tagline,
        String language,
        List<Section> sections,
        Messages messages,
        Dates dates,
        String title,
        String description,
        String canonicalUrl,
        String query,
        String currentSection,
        PageMeta meta,
        String logoUrl) {

    public String t(String key) {
        return messages.t(key);
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    /** The same frame with other sharing and discovery facts (feeds, Open Graph, JSON-LD). */
    public SiteFrame withMeta(PageMeta newMeta) {
        return new SiteFrame(siteName, tagline, language, sections, messages, dates, title, description, canonicalUrl,
                query, currentSection, newMeta, logoUrl);
    }

    /** The same frame naming another canonical address, such as a republished article's original. */
    public SiteFrame withCanonicalUrl(String url) {
        return new SiteFrame(siteName, tagline, language, sections, messages, dates, title, description, url,
                query, currentSection, meta, logoUrl);
    }

    /** The title sharing cards show: the page's own, or the site's name on the front page. */
    public String shareTitle() {
        return title == null || title.isBlank() ? siteName : title;
    }

    /** The document title: the page's own title first, then the site's name. */
    public String documentTitle() {
        return title == null || title.isBlank() ? siteName + " - " + tagline : title + " | " + siteName;
    }
}
