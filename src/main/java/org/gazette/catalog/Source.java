package org.gazette.catalog;

/** A partner outlet whose articles the site republishes. */
public record Source(long id, String slug, String name, String homeUrl) {
    public String path() {
        return "/source/" + slug;
    }
}
