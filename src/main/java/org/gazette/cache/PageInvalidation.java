package org.gazette.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gazette.article.ArticleFacets;
import org.gazette.article.ArticleStore;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Section;
import org.gazette.change.Change;
import org.gazette.change.ChangeLog;
import org.gazette.change.DerivedCopy;

/**
 * Follows the change feed and drops exactly the cached pages a change can alter: every page
 * showing the article, the pages listing the newest articles and search results, and the
 * listings of the section, tags, authors or source it was filed under before the change and after.
 * A change to the site itself, or to its list of sections (shown on every page), drops everything.
 *
 * <p>The cache lives in memory, so it starts empty and caught up with the outbox.
 */
public final class PageInvalidation implements DerivedCopy {

    public static final String NAME = "page-cache";

    private final PageCache cache;
    private final ArticleStore articles;
    private final CatalogStore catalog;
    private volatile long applied;
    private List<Section> sections;

    public PageInvalidation(PageCache cache, ArticleStore articles, CatalogStore catalog, ChangeLog log) {
        this.cache = cache;
        this.articles = articles;
        this.catalog = catalog;
        this.applied = log.latestSeq();
        this.sections = catalog.sections();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long appliedSeq() {
        return applied;
    }

    @Override
    public void apply(List<Change> changes, long upTo) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CacheTags.LATEST);
        tags.add(CacheTags.SEARCH);
        Set<Long> ids = new LinkedHashSet<>();
        boolean everything = false;
        for (Change change : changes) {
            if (change.isSiteWide()) {
                everything = true;
                continue;
            }
            ids.add(change.articleId());
            tags.add(CacheTags.articleTag(change.articleId()));
            if (change.priorFacets() == null) {
                tags.add(CacheTags.LISTINGS); // where it was filed is unknown: any listing may have shown it
            } else if (!change.priorFacets().isBlank()) {
                tags.addAll(List.of(change.priorFacets().trim().split("\\s+")));
            }
        }
        // Where each article is filed now (no bodies loaded: a batch can hold thousands).
        ArticleFacets.stored(articles.jdbi(), ids).values().forEach(tags::addAll);
        List<Section> now = catalog.sections();
        if (!now.equals(sections)) {
            everything = true; // a new section appears in the navigation of every page
            sections = now;
        }
        if (everything) {
            cache.invalidateAll();
        } else {
            cache.invalidate(tags);
        }
        applied = upTo;
    }
}
