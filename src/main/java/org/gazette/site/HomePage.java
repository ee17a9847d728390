package org.gazette.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gazette.article.Article;
import org.gazette.article.ArticleStore;
import org.gazette.cache.CacheTags;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Section;
import org.gazette.seo.SiteIdentity;
import org.gazette.seo.WebSiteData;

/** The front page: the newest story as the lead, then the latest of each section. */
public final class HomePage {

    private static final int PER_SECTION = 4;

    public record SectionFront(Section section, List<Teaser> teasers) {
    }

    private final ArticleStore articles;
    private final CatalogStore catalog;
    private final Pages pages;

    public HomePage(ArticleStore articles, CatalogStore catalog, Pages pages) {
        this.articles = articles;
        this.catalog = catalog;
        this.pages = pages;
    }

    public void show(Context ctx) {
        CacheTags.of(ctx).latest();
        List<Article> latest = articles.latest(1, 0).articles();
        Article lead = latest.isEmpty() ? null : latest.get(0);
        List<SectionFront> fronts = new ArrayList<>();
        for (Section section : catalog.sections()) {
            List<Teaser> teasers = articles.inSection(section.id(), PER_SECTION + 1, 0).articles().stream()
                    .filter(a -> lead == null || a.id() != lead.id())
                    .limit(PER_SECTION)
                    .map(Teaser::of)
                    .toList();
            if (!teasers.isEmpty()) {
                fronts.add(new SectionFront(section, teasers));
            }
        }
        Map<String, Object> params = new HashMap<>();
        SiteFrame frame = pages.frame(null, pages.settings().get("site.tagline"), "/", null, null);
        params.put("frame", frame.withMeta(frame.meta().withJsonLd(
                List.of(WebSiteData.of(SiteIdentity.of(pages.settings()), pages.settings().get("site.language"))))));
        params.put("lead", lead == null ? null : Teaser.of(lead));
        params.put("fronts", fronts);
        pages.html(ctx, "site/home.jte", params);
    }
}
