package org.gazette.search;

/** One autocomplete suggestion: the text shown, what it is ("article", "tag", "section") and where choosing it leads. */
public record Suggestion(String text, String kind, String url) {
}
