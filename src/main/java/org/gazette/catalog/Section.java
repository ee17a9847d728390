package org.gazette.catalog;

/** A part of the site an editor files articles under, such as World or Business. */
public record Section(long id, String slug, String name, String description, int position) {
    public String path() {
        return "/section/" + slug;
    }
}
