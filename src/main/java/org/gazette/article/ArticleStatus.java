package org.gazette.article;

/** Where an article is in its life: only PUBLISHED articles are on the public site. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED
}
