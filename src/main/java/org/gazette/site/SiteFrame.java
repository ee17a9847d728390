package org.gazette.site;

import java.util.List;
import org.gazette.catalog.Section;

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
        String logoUrl) {

    public String t(String key) {
        return messages.t(key);
    }

    public String t(String key, Object... args) {
        return messages.t(key, args);
    }

    /** The same frame with another canonical address, as for a republished article (issue 5). */
    public SiteFrame withCanonical(String url) {
        return new SiteFrame(siteName, tagline, language, sections, messages, dates, title, description, url, query,
                currentSection, logoUrl);
    }

    /** The document title: the page's own title first, then the site's name. */
    public String documentTitle() {
        return title == null || title.isBlank() ? siteName + " - " + tagline : title + " | " + siteName;
    }
}
