package org.gazette.seo;

import java.util.List;
import org.gazette.article.Article;
import org.gazette.catalog.Tag;
import org.gazette.feed.AbsoluteUrls;
import org.gazette.feed.FeedLink;
import org.gazette.site.Pages;
import org.gazette.site.SiteFrame;

/**
 * What an article page tells crawlers and sharing cards: its canonical URL, Open Graph article facts
 * and image, its section's feeds, and NewsArticle and BreadcrumbList JSON-LD.
 */
public final class ArticleSharing {

    private final Pages pages;
    private final String base;
    private final AbsoluteUrls urls;

    public ArticleSharing(Pages pages) {
        this.pages = pages;
        this.base = pages.settings().baseUrl();
        this.urls = new AbsoluteUrls(base);
    }

    public SiteFrame frame(SiteFrame frame, Article article) {
        // Read per page: the back office may change the site's name, logo or canonical policy at any time.
        SiteIdentity site = SiteIdentity.of(pages.settings());
        NewsArticleData newsArticle = new NewsArticleData(site, urls);
        CanonicalPolicy canonical = new CanonicalPolicy(pages.settings());
        String pageUrl = base + article.path();
        var facts = new PageMeta.ArticleFacts(article.publishedAt(), article.modifiedAt(), article.section().name(),
                article.tags().stream().map(Tag::name).toList());
        PageMeta meta = frame.meta()
                .plusFeeds(FeedLink.of(pages.feeds().section(article.section())))
                .asArticle(facts, article.image() == null ? null : urls.of(article.image().url()),
                        article.image() == null ? null : article.image().alt())
                .withJsonLd(List.of(newsArticle.of(article, pageUrl),
                        BreadcrumbData.of(site, pages.messages().t("nav.home"), article, pageUrl)));
        return frame.withMeta(meta).withCanonicalUrl(canonical.of(article));
    }
}
