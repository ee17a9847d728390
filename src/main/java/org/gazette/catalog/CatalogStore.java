package org.gazette.catalog;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Sections, tags, authors and sources. Publishing names them by their display name;
 * the store finds the existing record or files a new one.
 */
public final class CatalogStore {

    private final Jdbi jdbi;

    public CatalogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Section sectionNamed(Handle handle, String name) {
        String slug = Slugs.of(name);
        return findSection(handle, slug).orElseGet(() -> {
            int position = handle.createQuery("select coalesce(max(position), 0) + 1 from section").mapTo(Integer.class).one();
            handle.createUpdate("insert into section (slug, name, position) values (:slug, :name, :position)")
                    .bind("slug", slug).bind("name", name.strip()).bind("position", position).execute();
            return findSection(handle, slug).orElseThrow();
        });
    }

    public Tag tagNamed(Handle handle, String name) {
        String slug = Slugs.of(name);
        return findTag(handle, slug).orElseGet(() -> {
            handle.createUpdate("insert into tag (slug, name) values (:slug, :name)")
                    .bind("slug", slug).bind("name", name.strip()).execute();
            return findTag(handle, slug).orElseThrow();
        });
    }

    public Author authorNamed(Handle handle, String name) {
        String slug = Slugs.of(name);
        return findAuthor(handle, slug).orElseGet(() -> {
            handle.createUpdate("insert into author (slug, name) values (:slug, :name)")
                    .bind("slug", slug).bind("name", name.strip()).execute();
            return findAuthor(handle, slug).orElseThrow();
        });
    }

    /** Finds a source by name, recording its home page when it is first seen or has changed. */
    public Source sourceNamed(Handle handle, String name, String homeUrl) {
        String slug = Slugs.of(name);
        Optional<Source> existing = findSource(handle, slug);
        if (existing.isEmpty()) {
            handle.createUpdate("insert into source (slug, name, home_url) values (:slug, :name, :home)")
                    .bind("slug", slug).bind("name", name.strip()).bind("home", homeUrl).execute();
        } else if (homeUrl != null && !homeUrl.equals(existing.get().homeUrl())) {
            handle.createUpdate("update source set home_url = :home where id = :id")
                    .bind("home", homeUrl).bind("id", existing.get().id()).execute();
        }
        return findSource(handle, slug).orElseThrow();
    }

    public Optional<Section> section(String slug) {
        return jdbi.withHandle(h -> findSection(h, slug));
    }

    public Optional<Tag> tag(String slug) {
        return jdbi.withHandle(h -> findTag(h, slug));
    }

    public Optional<Author> author(String slug) {
        return jdbi.withHandle(h -> findAuthor(h, slug));
    }

    public Optional<Source> source(String slug) {
        return jdbi.withHandle(h -> findSource(h, slug));
    }

    public List<Section> sections() {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name, description, position from section order by position, name")
                .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("position")))
                .list());
    }

    private Optional<Section> findSection(Handle h, String slug) {
        return h.createQuery("select id, slug, name, description, position from section where slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("position")))
                .findOne();
    }

    private Optional<Tag> findTag(Handle h, String slug) {
        return h.createQuery("select id, slug, name from tag where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name")))
                .findOne();
    }

    private Optional<Author> findAuthor(Handle h, String slug) {
        return h.createQuery("select id, slug, name, bio from author where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio")))
                .findOne();
    }

    private Optional<Source> findSource(Handle h, String slug) {
        return h.createQuery("select id, slug, name, home_url from source where slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new Source(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("home_url")))
                .findOne();
    }

    // Back office (issue 5): look-ups by id and full lists for the editor's pickers.

    public Optional<Section> sectionById(long id) {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name, description, position from section where id = :id")
                .bind("id", id).map((rs, ctx) -> new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        rs.getString("description"), rs.getInt("position"))).findOne());
    }

    public List<Author> authors() {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name, bio from author order by name")
                .map((rs, ctx) -> new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio")))
                .list());
    }

    public List<Source> sources() {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name, home_url from source order by name")
                .map((rs, ctx) -> new Source(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("home_url")))
                .list());
    }

    public List<Tag> tags() {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name from tag order by name")
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
    }

    /** Tags whose name starts with the typed text, for type-ahead. */
    public List<Tag> tagsStartingWith(String prefix, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select id, slug, name from tag where lower(name) like :p order by name limit :limit")
                .bind("p", prefix.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%")
                .bind("limit", limit)
                .map((rs, ctx) -> new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))).list());
    }

    /** The address of an author's photo or a source's logo from the media library, if one was set (issue 5). */
    public Optional<String> pictureOf(Author author) {
        return picture("select photo_media_id from author where id = :id", author.id());
    }

    public Optional<String> pictureOf(Source source) {
        return picture("select logo_media_id from source where id = :id", source.id());
    }

    private Optional<String> picture(String sql, long id) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).findOne()).map(media -> "/media/" + media + "/320");
    }
}
