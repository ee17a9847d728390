package org.gazette.search;

/**
 * One result: the article's id, and HTML-escaped text with the query's terms wrapped in {@code <mark>}.
 * {@code snippetHtml} is null when no passage of the body matched.
 */
public record SearchHit(long articleId, String headlineHtml, String snippetHtml, float score) {
}
