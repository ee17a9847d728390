package org.gazette.catalog;

/** A staff writer who can be named in a byline. */
public record Author(long id, String slug, String name, String bio) {
    public String path() {
        return "/author/" + slug;
    }
}
