package org.gazette.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>The memory starts empty and caught up with the outbox; the pages kept on disk start from
 * where their clock was saved, and are not read until it has caught up.
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
        this.applied = cache.caughtUpTo(log.latestSeq());
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
        // Each tag at the position of the last change that touched it, for the pages kept on disk.
        Map<String, Long> tags = new LinkedHashMap<>();
        tags.put(CacheTags.LATEST, upTo);
        tags.put(CacheTags.SEARCH, upTo);
        Map<Long, Long> ids = new LinkedHashMap<>();
        boolean everything = false;
        for (Change change : changes) {
            if (change.isSiteWide()) {
                everything = true;
                continue;
            }
            long at = change.seq();
            ids.put(change.articleId(), at);
            tags.put(CacheTags.articleTag(change.articleId()), at);
            if (change.priorFacets() == null) {
                tags.put(CacheTags.LISTINGS, at); // where it was filed is unknown: any listing may have shown it
            } else if (!change.priorFacets().isBlank()) {
                for (String facet : change.priorFacets().trim().split("\\s+")) {
                    tags.put(facet, at);
                }
            }
        }
        // Where each article is filed now (no bodies loaded: a batch can hold thousands).
        ArticleFacets.stored(articles.jdbi(), ids.keySet()).forEach((id, facets) ->
                facets.forEach(facet -> tags.merge(facet, ids.get(id), Math::max)));
        List<Section> now = catalog.sections();
        if (!now.equals(sections)) {
            everything = true; // a new section appears in the navigation of every page
            sections = now;
        }
        if (everything) {
            cache.invalidateAll(upTo);
        } else {
            cache.invalidate(tags, upTo);
        }
        applied = upTo;
    }
}
