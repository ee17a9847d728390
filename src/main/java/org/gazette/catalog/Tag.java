package org.gazette.catalog;

/** A subject label shared by articles across sections. */
public record Tag(long id, String slug, String name) {
    public String path() {
        return "/tag/" + slug;
    }
}
