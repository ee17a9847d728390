package org.gazette.change;

/** One entry of the outbox: article {@code articleId} changed, as the {@code seq}-th change overall. */
public record Change(long seq, long articleId) {

    /** The article id of a change that touches every page, such as new site settings. */
    public static final long SITE_WIDE = 0;

    public boolean isSiteWide() {
        return articleId == SITE_WIDE;
    }
}
