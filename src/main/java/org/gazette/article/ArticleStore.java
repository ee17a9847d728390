package org.gazette.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.gazette.catalog.Author;
import org.gazette.catalog.Section;
import org.gazette.catalog.Source;
import org.gazette.catalog.Tag;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/** Reads and writes articles. Plain SQL that runs unchanged on H2 and PostgreSQL. */
public final class ArticleStore {

    private static final String SELECT = """
            select a.id, a.slug, a.headline, a.deck, a.body_markdown, a.body_html, a.status, a.language,
                   a.original_url, a.image_url, a.image_alt, a.image_caption, a.published_at, a.updated_at,
                   s.id as section_id, s.slug as section_slug, s.name as section_name,
                   s.description as section_description, s.position as section_position,
                   src.id as source_id, src.slug as source_slug, src.name as source_name, src.home_url as source_home
            from article a
            join section s on s.id = a.section_id
            left join source src on src.id = a.source_id
            """;

    private final Jdbi jdbi;

    public ArticleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The fields of an article row, with its catalog records already resolved. */
    public record Row(String slug, String headline, String deck, String bodyMarkdown, String bodyHtml,
                      Section section, List<Tag> tags, List<Author> authors, Source source, String originalUrl,
                      ArticleStatus status, String language, LeadImage image, Instant publishedAt) {

        /** A fingerprint of everything a reader could see, to tell a real change from a repeat. */
        String contentHash() {
            String canonical = String.join("\u0000", slug, headline, String.valueOf(deck), bodyMarkdown,
                    String.valueOf(section.id()), tags.stream().map(t -> String.valueOf(t.id())).toList().toString(),
                    authors.stream().map(a -> String.valueOf(a.id())).toList().toString(),
                    source == null ? "" : String.valueOf(source.id()), String.valueOf(originalUrl), status.name(), language,
                    String.valueOf(image), String.valueOf(publishedAt));
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Inserts the article, or updates the one with the same slug, and records the change
     * in the outbox in the same transaction. Returns the article's id.
     */
    public long save(Handle h, Row row, Instant now) {
        return write(h, h.createQuery("select id, content_hash from article where slug = :slug")
                .bind("slug", row.slug()).map((rs, ctx) -> new Existing(rs.getLong(1), rs.getString(2))).findOne(), row, now);
    }

    /** Updates article {@code id} from the back office, where the slug itself may change. */
    public long update(Handle h, long id, Row row, Instant now) {
        return write(h, h.createQuery("select id, content_hash from article where id = :id")
                .bind("id", id).map((rs, ctx) -> new Existing(rs.getLong(1), rs.getString(2))).findOne(), row, now);
    }

    private record Existing(long id, String hash) {
    }

    private long write(Handle h, Optional<Existing> existing, Row row, Instant now) {
        String hash = row.contentHash();
        if (existing.isPresent() && existing.get().hash().equals(hash)) {
            // Publishing the same file again changes nothing: no "Updated" line, no outbox entry.
            return existing.get().id();
        }
        if (existing.isEmpty()) {
            return insertNew(h, List.of(row), now)[0];
        }
        long id = existing.get().id();
        // Where the article was filed before this change, so caches drop the listings it leaves.
        String priorFacets = ArticleFacets.stored(h, id);
        bindColumns(h.createUpdate("""
                update article set slug = :slug, headline = :headline, deck = :deck, body_markdown = :markdown, body_html = :html,
                    section_id = :section, status = :status, language = :language, source_id = :source,
                    original_url = :original, image_url = :imageUrl, image_alt = :imageAlt,
                    image_caption = :imageCaption, content_hash = :hash, published_at = :published, updated_at = :updated
                where id = :id
                """), row, hash, now, now).bind("id", id).execute();
        h.createUpdate("delete from article_author where article_id = :id").bind("id", id).execute();
        h.createUpdate("delete from article_tag where article_id = :id").bind("id", id).execute();
        attachCatalog(h, List.of(row), new long[] {id});
        recordChange(h, id, now, priorFacets);
        return id;
    }

    /**
     * Saves many rows in the caller's transaction as {@link #save} would one after another, and
     * returns their ids in order. Articles new to the site (all of a bulk import) are written with one
     * statement batch per table instead of five statements each: storing 100,000 took 18 to 20 s
     * instead of 23 to 24 s on H2. A slug that exists already, or comes twice, is saved on its own
     * after them.
     */
    public long[] saveAll(Handle h, List<Row> rows, Instant now) {
        Set<String> known = new HashSet<>();
        for (int from = 0; from < rows.size(); from += IDS_PER_QUERY) {
            List<String> slugs = rows.subList(from, Math.min(rows.size(), from + IDS_PER_QUERY)).stream().map(Row::slug).toList();
            known.addAll(h.createQuery("select slug from article where slug in (<slugs>)")
                    .bindList("slugs", slugs).mapTo(String.class).list());
        }
        Map<String, Integer> times = new HashMap<>();
        rows.forEach(r -> times.merge(r.slug(), 1, Integer::sum));
        List<Integer> fresh = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String slug = rows.get(i).slug();
            (known.contains(slug) || times.get(slug) > 1 ? others : fresh).add(i);
        }
        long[] ids = new long[rows.size()];
        long[] inserted = insertNew(h, fresh.stream().map(rows::get).toList(), now);
        for (int k = 0; k < fresh.size(); k++) {
            ids[fresh.get(k)] = inserted[k];
        }
        for (int i : others) {
            ids[i] = save(h, rows.get(i), now);
        }
        return ids;
    }

    private static final String INSERT = """
            insert into article (slug, headline, deck, body_markdown, body_html, section_id, status, language,
                source_id, original_url, image_url, image_alt, image_caption, content_hash, published_at, updated_at,
                created_at)
            values (:slug, :headline, :deck, :markdown, :html, :section, :status, :language, :source, :original,
                :imageUrl, :imageAlt, :imageCaption, :hash, :published, :updated, :now)
            """;

    /** Inserts articles whose slugs are not taken, with their bylines, tags and outbox entries; returns their ids. */
    private static long[] insertNew(Handle h, List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        var insert = h.prepareBatch(INSERT);
        for (Row row : rows) {
            // A backdated article was last changed when it says it was published, not when it was imported.
            Instant updated = row.publishedAt() != null && row.publishedAt().isBefore(now) ? row.publishedAt() : now;
            bindColumns(insert, row, row.contentHash(), updated, now).add();
        }
        List<Long> keys = insert.executePreparedBatch("id").mapTo(Long.class).list();
        if (keys.size() != rows.size()) {
            throw new IllegalStateException("The database returned " + keys.size() + " ids for " + rows.size() + " new articles");
        }
        long[] ids = keys.stream().mapToLong(Long::longValue).toArray();
        attachCatalog(h, rows, ids);
        // A new article was filed nowhere before: no listing to leave.
        var changes = h.prepareBatch("insert into content_change (article_id, changed_at, facets) values (:id, :now, '')");
        for (long id : ids) {
            changes.bind("id", id).bind("now", utc(now)).add();
        }
        changes.execute();
        return ids;
    }

    private static <S extends SqlStatement<S>> S bindColumns(S statement, Row row, String hash, Instant updated, Instant now) {
        LeadImage image = row.image();
        return statement
                .bind("slug", row.slug())
                .bind("headline", row.headline())
                .bind("deck", row.deck())
                .bind("markdown", row.bodyMarkdown())
                .bind("html", row.bodyHtml())
                .bind("section", row.section().id())
                .bind("status", row.status().name())
                .bind("language", row.language())
                .bind("source", row.source() == null ? null : row.source().id())
                .bind("original", row.originalUrl())
                .bind("imageUrl", image == null ? null : image.url())
                .bind("imageAlt", image == null ? null : image.alt())
                .bind("imageCaption", image == null ? null : image.caption())
                .bind("hash", hash)
                .bind("published", utc(row.publishedAt()))
                .bind("updated", utc(updated))
                .bind("now", utc(now));
    }

    /** The byline's authors and the tags of {@code rows}, whose ids are {@code ids}. */
    private static void attachCatalog(Handle h, List<Row> rows, long[] ids) {
        var authors = h.prepareBatch("insert into article_author (article_id, author_id, position) values (:a, :b, :p)");
        var tags = h.prepareBatch("insert into article_tag (article_id, tag_id) values (:a, :t)");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int i = 0; i < row.authors().size(); i++) {
                authors.bind("a", ids[r]).bind("b", row.authors().get(i).id()).bind("p", i).add();
            }
            for (Tag tag : row.tags()) {
                tags.bind("a", ids[r]).bind("t", tag.id()).add();
            }
        }
        if (authors.size() > 0) {
            authors.execute();
        }
        if (tags.size() > 0) {
            tags.execute();
        }
    }

    /**
     * Appends to the outbox the search index and caches follow. Call it in the same transaction
     * as the change, before deleting an article or moving it to another section, tag or byline
     * (the outbox notes where it was filed, so caches drop those listings).
     */
    public static long recordChange(Handle h, long articleId, Instant now) {
        return recordChange(h, articleId, now, ArticleFacets.stored(h, articleId));
    }

    /** As above, with the article's facets before the change ({@link ArticleFacets}); null if unknown. */
    public static long recordChange(Handle h, long articleId, Instant now, String priorFacets) {
        return h.createUpdate("insert into content_change (article_id, changed_at, facets) values (:id, :now, :facets)")
                .bind("id", articleId).bind("now", utc(now)).bind("facets", priorFacets)
                .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
    }

    public Optional<Article> bySlug(String slug) {
        return jdbi.withHandle(h -> load(h, SELECT + " where a.slug = :slug", Map.of("slug", slug))).stream().findFirst();
    }

    public Optional<Article> byId(long id) {
        return jdbi.withHandle(h -> load(h, SELECT + " where a.id = :id", Map.of("id", id))).stream().findFirst();
    }

    /**
     * H2 checks each row it finds against the whole list of bound ids, one by one: with the 1,000 ids
     * of a catch-up batch, those checks were a sixth of a bulk catch-up. In lists of 100, each row is
     * checked against a tenth as many.
     */
    private static final int IDS_PER_QUERY = 100;

    /** Articles with the given ids, in the order given; ids not found are skipped. */
    public List<Article> byIds(List<Long> ids) {
        return inOrderAsked(ids, (h, some) -> attachPeople(h, h.createQuery(SELECT + " where a.id in (<ids>)")
                .bindList("ids", some).map(ArticleStore::mapRow).list()), Article::id);
    }

    /**
     * What {@code find} gives for {@code ids}, asked {@value #IDS_PER_QUERY} ids at a time on one
     * handle, in the order of {@code ids}; ids it finds nothing for are skipped.
     */
    private <T> List<T> inOrderAsked(List<Long> ids, BiFunction<Handle, List<Long>, List<T>> find, ToLongFunction<T> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, T> byId = new HashMap<>();
        jdbi.useHandle(h -> {
            for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
                find.apply(h, ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                        .forEach(found -> byId.put(idOf.applyAsLong(found), found));
            }
        });
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** What a link to an article needs: its address, headline, and the deck or body its teaser line comes from. */
    public record Link(long id, String path, String headline, String deck, String bodyHtml) {
    }

    /**
     * Links to the published articles among {@code ids}, in the order given: one query, without the
     * section, tags and byline a whole article brings (two more queries), which a related-stories box
     * never shows.
     */
    public List<Link> publishedLinks(List<Long> ids) {
        return inOrderAsked(ids, (h, some) -> h.createQuery(
                        "select id, slug, headline, deck, body_html from article where status = 'PUBLISHED' and id in (<ids>)")
                .bindList("ids", some)
                .map((rs, ctx) -> new Link(rs.getLong(1), Article.pathOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list(), Link::id);
    }

    /** What a listing page shows: a page of published articles newest first, and whether more follow. */
    public record Slice(List<Article> articles, boolean hasMore) {
    }

    // The listings below name their equality columns first in "order by" (it changes nothing, as
    // each holds one value): H2 then reads the newest rows straight off the matching index
    // (see V7) instead of sorting every article of a section, which grows with the archive.

    public Slice latest(int limit, int offset) {
        return slice("", "a.status, ", Map.of(), limit, offset);
    }

    public Slice inSection(long sectionId, int limit, int offset) {
        return slice(" and a.section_id = :sid", "a.section_id, a.status, ", Map.of("sid", sectionId), limit, offset);
    }

    public Slice withTag(long tagId, int limit, int offset) {
        return slice(" and a.id in (select article_id from article_tag where tag_id = :tid)", "", Map.of("tid", tagId), limit, offset);
    }

    public Slice byAuthor(long authorId, int limit, int offset) {
        return slice(" and a.id in (select article_id from article_author where author_id = :aid)", "", Map.of("aid", authorId),
                limit, offset);
    }

    public Slice fromSource(long sourceId, int limit, int offset) {
        return slice(" and a.source_id = :srcid", "a.source_id, a.status, ", Map.of("srcid", sourceId), limit, offset);
    }

    private Slice slice(String condition, String indexOrder, Map<String, Object> params, int limit, int offset) {
        String sql = SELECT + " where a.status = 'PUBLISHED'" + condition
                + " order by " + indexOrder + "a.published_at desc, a.id desc limit :limit offset :offset";
        Map<String, Object> all = new HashMap<>(params);
        all.put("limit", limit + 1);
        all.put("offset", offset);
        List<Article> rows = jdbi.withHandle(h -> load(h, sql, all));
        boolean more = rows.size() > limit;
        return new Slice(more ? rows.subList(0, limit) : rows, more);
    }

    /** Streams every published article in id order, in batches, for rebuilding derived copies. */
    public void forEachPublished(int batchSize, Consumer<List<Article>> batch) {
        long after = 0;
        while (true) {
            long from = after;
            // A walk along the primary key, with unpublished rows left out here: asked to filter by
            // status, H2 walks the status index instead and sorts every published row for each batch.
            List<Article> rows = jdbi.withHandle(h -> load(h,
                    SELECT + " where a.id > :after order by a.id limit :limit",
                    Map.of("after", from, "limit", batchSize)));
            if (rows.isEmpty()) {
                return;
            }
            List<Article> published = rows.stream().filter(Article::isPublished).toList();
            if (!published.isEmpty()) {
                batch.accept(published);
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    public int countPublished() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from article where status = 'PUBLISHED'").mapTo(Integer.class).one());
    }

    private static List<Article> load(Handle h, String sql, Map<String, Object> params) {
        var query = h.createQuery(sql);
        params.forEach(query::bind);
        return attachPeople(h, query.map(ArticleStore::mapRow).list());
    }

    /** Fills in tags and authors for many articles with two queries, not two per article. */
    private static List<Article> attachPeople(Handle h, List<Article> articles) {
        if (articles.isEmpty()) {
            return articles;
        }
        List<Long> ids = articles.stream().map(Article::id).toList();
        Map<Long, List<Tag>> tags = new HashMap<>();
        h.createQuery("select at.article_id, t.id, t.slug, t.name from article_tag at join tag t on t.id = at.tag_id "
                        + "where at.article_id in (<ids>) order by t.name")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Tag(rs.getLong(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Author>> authors = new LinkedHashMap<>();
        h.createQuery("select aa.article_id, au.id, au.slug, au.name, au.bio from article_author aa "
                        + "join author au on au.id = aa.author_id where aa.article_id in (<ids>) order by aa.position")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new Author(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))))
                .forEach(e -> authors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<Article> complete = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Byline byline = a.byline().isRepublished() ? a.byline() : Byline.staff(authors.getOrDefault(a.id(), List.of()));
            complete.add(new Article(a.id(), a.slug(), a.headline(), a.deck(), a.bodyMarkdown(), a.bodyHtml(), a.section(),
                    tags.getOrDefault(a.id(), List.of()), byline, a.status(), a.language(), a.image(), a.publishedAt(), a.updatedAt()));
        }
        return complete;
    }

    private static Article mapRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        Section section = new Section(rs.getLong("section_id"), rs.getString("section_slug"), rs.getString("section_name"),
                rs.getString("section_description"), rs.getInt("section_position"));
        long sourceId = rs.getLong("source_id");
        // Staff authors are attached afterwards; until then a placeholder byline keeps the record valid.
        Byline byline = rs.wasNull()
                ? new Byline(List.of(new Author(0, "", "", null)), null, null)
                : Byline.republished(new Source(sourceId, rs.getString("source_slug"), rs.getString("source_name"),
                        rs.getString("source_home")), rs.getString("original_url"));
        String imageUrl = rs.getString("image_url");
        LeadImage image = imageUrl == null ? null
                : new LeadImage(imageUrl, rs.getString("image_alt"), rs.getString("image_caption"));
        return new Article(rs.getLong("id"), rs.getString("slug"), rs.getString("headline"), rs.getString("deck"),
                rs.getString("body_markdown"), rs.getString("body_html"), section, List.of(), byline,
                ArticleStatus.valueOf(rs.getString("status")), rs.getString("language"), image,
                instant(rs, "published_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
