package org.gazette.seo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gazette.article.Article;

/** An article's place in the site as a BreadcrumbList: front page, section, article. */
public final class BreadcrumbData {

    private BreadcrumbData() {
    }

    public static String of(SiteIdentity site, String homeName, Article article, String pageUrl) {
        ObjectNode doc = JsonLd.document("BreadcrumbList");
        ArrayNode items = doc.putArray("itemListElement");
        crumb(items, homeName, site.url());
        crumb(items, article.section().name(), site.url() + article.section().path().substring(1));
        crumb(items, article.headline(), pageUrl);
        return JsonLd.script(doc);
    }

    private static void crumb(ArrayNode items, String name, String url) {
        items.addObject().put("@type", "ListItem").put("position", items.size()).put("name", name).put("item", url);
    }
}
