package org.gazette.article;

/** Where an article is in its life: only PUBLISHED articles are on the public site. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED,
    /** Submitted by its writer, waiting for an editor (back office, issue 5). */
    IN_REVIEW,
    /** Deleted to the trash, from which an editor can restore it (back office, issue 5). */
    TRASHED
}
