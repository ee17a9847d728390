package org.gazette.article;

/** The picture at the top of an article. The alt text is required: readers who cannot see it get the words. */
public record LeadImage(String url, String alt, String caption) {
}
