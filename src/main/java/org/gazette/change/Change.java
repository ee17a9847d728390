package org.gazette.change;

/**
 * One entry of the outbox: article {@code articleId} changed, as the {@code seq}-th change overall.
 * {@code priorFacets} tells where the article was filed before the change (see
 * {@link org.gazette.article.ArticleFacets}), space-separated; null when unknown.
 * Article id {@link #SITE} stands for a change to the whole site, such as its settings.
 */
public record Change(long seq, long articleId, String priorFacets) {

    /** The article id of a site-wide change: every derived page depends on it. */
    public static final long SITE = 0;

    public Change(long seq, long articleId) {
        this(seq, articleId, null);
    }

    public boolean isSiteWide() {
        return articleId == SITE;
    }
}
