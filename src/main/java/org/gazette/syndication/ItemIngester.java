package org.gazette.syndication;

import org.gazette.article.ArticleStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gazette.article.ArticleStatus;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Slugs;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files a parsed feed's items as articles, one transaction per item (the article, its outbox
 * entry and the item's record together), so a bad item is refused alone and nothing is half-stored.
 *
 * <ul>
 *   <li>New item: a new article under the outlet's byline, linking to the original; a draft in review mode.</li>
 *   <li>Known item, changed upstream: the article is updated, unless an editor changed it since
 *       we last wrote it (its content hash no longer matches ours); then the editor's version stays.</li>
 *   <li>The same story from a second outlet: recorded in {@code article_also_from}, no second article.</li>
 *   <li>Items that vanish from the feed: nothing happens; their articles stay published.</li>
 * </ul>
 */
final class ItemIngester {

    private static final Logger LOG = LoggerFactory.getLogger(ItemIngester.class);
    private static final int MAX_LISTED_PROBLEMS = 3;

    private final Jdbi jdbi;
    private final Publisher publisher;
    private final CatalogStore catalog;
    private final ItemCleaner cleaner;

    ItemIngester(Jdbi jdbi, Publisher publisher, CatalogStore catalog, ItemCleaner cleaner) {
        this.jdbi = jdbi;
        this.publisher = publisher;
        this.catalog = catalog;
        this.cleaner = cleaner;
    }

    /** What one pass over a feed did, with the item-level problems in words. */
    record Outcome(SubscriptionStore.Counts counts, List<String> problems, int kept, int storageFailures) {
        String note(int skipped) {
            List<String> parts = new ArrayList<>();
            if (!problems.isEmpty()) {
                parts.add(problems.size() + " item(s) refused: " + String.join("; ", problems.subList(0, Math.min(MAX_LISTED_PROBLEMS, problems.size())))
                        + (problems.size() > MAX_LISTED_PROBLEMS ? "; …" : ""));
            }
            if (kept > 0) {
                parts.add(kept + " item(s) changed upstream but were edited here; the editors' versions were kept");
            }
            if (skipped > 0) {
                parts.add("the feed had " + skipped + " more item(s) than the per-poll limit; they were skipped");
            }
            return parts.isEmpty() ? null : String.join(". ", parts);
        }
    }

    private enum Result { SEEN, ADDED, UPDATED, DUPLICATE, KEPT }

    /** Items stored per transaction; each item has its own savepoint, so a failing item is undone alone. */
    static final int CHUNK = 50;

    /** An item cleaned and fingerprinted, or the reason it was refused. */
    private record Prepared(FeedItem item, ItemCleaner.CleanItem clean, int[] fingerprint, String problem) {
    }

    /** What a chunk did; merged into the poll's totals only once its transaction has committed. */
    private static final class Tally {
        int added;
        int updated;
        int duplicates;
        int kept;
        int storageFailures;
        final List<String> problems = new ArrayList<>();

        void count(Result result) {
            switch (result) {
                case ADDED -> added++;
                case UPDATED -> updated++;
                case DUPLICATE -> duplicates++;
                case KEPT -> kept++;
                default -> { }
            }
        }

        void add(Tally other) {
            added += other.added;
            updated += other.updated;
            duplicates += other.duplicates;
            kept += other.kept;
            storageFailures += other.storageFailures;
            problems.addAll(other.problems);
        }
    }

    /**
     * Cleaning runs on all cores; storing is serialized (two feeds storing at once could both
     * miss that they carry the same story) and goes in chunks of {@link #CHUNK} items per transaction.
     */
    Outcome ingest(FeedSubscription sub, ParsedFeed feed, String feedBase, Instant now) {
        List<Prepared> prepared = feed.items().parallelStream().map(item -> prepare(item, feedBase)).toList();
        synchronized (this) {
            long sourceId = jdbi.inTransaction(h -> catalog.sourceNamed(h, sub.sourceName(), sub.sourceUrl()).id());
            Deduplicator dedupe = jdbi.withHandle(h -> new Deduplicator(h, now));
            Tally total = new Tally();
            for (int from = 0; from < prepared.size(); from += CHUNK) {
                List<Prepared> chunk = prepared.subList(from, Math.min(prepared.size(), from + CHUNK));
                try {
                    total.add(jdbi.inTransaction(h -> storeChunk(h, sub, sourceId, chunk, dedupe, now)));
                } catch (RuntimeException e) {
                    // The commit itself failed: nothing of this chunk was stored; the next poll tries again.
                    LOG.warn("Feed {}: could not store {} items", sub.id(), chunk.size(), e);
                    total.storageFailures += chunk.size();
                    total.problems.add(chunk.size() + " items could not be stored (" + FeedParser.abbreviate(FeedFetcher.messageOf(e), 200) + ")");
                }
            }
            var counts = new SubscriptionStore.Counts(feed.items().size(), total.added, total.updated, total.duplicates,
                    total.problems.size());
            return new Outcome(counts, total.problems, total.kept, total.storageFailures);
        }
    }

    private Prepared prepare(FeedItem item, String feedBase) {
        try {
            ItemCleaner.CleanItem clean = cleaner.clean(item, feedBase);
            return new Prepared(item, clean, MinHash.of(clean.plainText()), null);
        } catch (FeedProblem e) {
            return new Prepared(item, null, null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Could not clean an item ({})", item.link(), e);
            return new Prepared(item, null, null, "an item could not be cleaned (" + FeedParser.abbreviate(FeedFetcher.messageOf(e), 200) + ")");
        }
    }

    private Tally storeChunk(Handle h, FeedSubscription sub, long sourceId, List<Prepared> chunk, Deduplicator dedupe, Instant now) {
        Tally tally = new Tally();
        for (Prepared p : chunk) {
            if (p.problem() != null) {
                tally.problems.add(p.problem());
                continue;
            }
            h.savepoint("item");
            try {
                tally.count(store(h, sub, sourceId, p.item(), p.clean(), p.fingerprint(), dedupe, now));
                h.releaseSavepoint("item");
            } catch (RuntimeException e) {
                h.rollbackToSavepoint("item");
                h.releaseSavepoint("item");
                LOG.warn("Feed {}: could not store an item ({})", sub.id(), p.item().link(), e);
                tally.storageFailures++;
                tally.problems.add("an item could not be stored (" + FeedParser.abbreviate(FeedFetcher.messageOf(e), 200) + ")");
            }
        }
        return tally;
    }

    private Result store(Handle h, FeedSubscription sub, long sourceId, FeedItem item, ItemCleaner.CleanItem clean, int[] fingerprint,
                         Deduplicator dedupe, Instant now) {
        // An item with neither GUID nor link is known by its content, so polling it again adds nothing.
        String guidKey = Links.sha256(clean.guid() != null ? clean.guid()
                : clean.linkKey() != null ? "link:" + clean.linkKey() : "text:" + clean.contentHash());
        Optional<Deduplicator.Known> known = dedupe.find(h, sourceId, guidKey, clean.linkKey(), fingerprint);
        if (known.isEmpty()) {
            Instant published = item.published() == null || item.published().isAfter(now) ? now : item.published();
            ArticleStatus status = sub.mode() == FeedSubscription.Mode.REVIEW ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
            var done = publisher.publish(h, submission(sub, clean, uniqueSlug(h, clean.headline()), published), status);
            long rowId = insertRow(h, sub, sourceId, done.id(), guidKey, clean, fingerprint, item.rawDate(), false, now);
            dedupe.remember(rowId, fingerprint);
            return Result.ADDED;
        }
        Deduplicator.Known k = known.get();
        if (k.articleId() == 0) {
            return Result.SEEN; // an editor deleted the article this item became; it stays deleted
        }
        if (k.sourceId() != sourceId) {
            // The same story, first taken from another outlet: credit this one too, keep one article.
            boolean credited = h.createQuery("select count(*) from article_also_from where article_id = :a and source_id = :s")
                    .bind("a", k.articleId()).bind("s", sourceId).mapTo(Integer.class).one() > 0;
            if (!credited) {
                h.createUpdate("insert into article_also_from (article_id, source_id, original_url, recorded_at) values (:a, :s, :u, :now)")
                        .bind("a", k.articleId()).bind("s", sourceId).bind("u", clean.originalUrl()).bind("now", SubscriptionStore.utc(now))
                        .execute();
                // The article's page names the outlets that ran it: the kept copy must go.
                ArticleStore.recordChange(h, k.articleId(), now);
            }
            insertRow(h, sub, sourceId, k.articleId(), guidKey, clean, fingerprint, item.rawDate(), true, now);
            return Result.DUPLICATE;
        }
        boolean sameItem = k.matchedBy().equals("guid");
        if (k.copy() || (sameItem && k.itemHash().equals(clean.contentHash()))) {
            touch(h, k.rowId(), guidKey, clean.linkKey(), now);
            return Result.SEEN;
        }
        record Current(String slug, String hash, String status, java.time.OffsetDateTime published) {
        }
        Optional<Current> current = h.createQuery("select slug, content_hash, status, published_at from article where id = :id")
                .bind("id", k.articleId())
                .map((rs, ctx) -> new Current(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, java.time.OffsetDateTime.class)))
                .findOne();
        if (current.isEmpty()) {
            return Result.SEEN; // the article was deleted here; an upstream change does not bring it back
        }
        long rowId = k.rowId();
        if (!sameItem) {
            // Another item of this outlet with the same story (a new GUID, or the story listed twice): it gets its
            // own row, so each item is compared with its own last version and two variants cannot take turns.
            rowId = insertRow(h, sub, sourceId, k.articleId(), guidKey, clean, fingerprint, item.rawDate(), false, now);
            dedupe.remember(rowId, fingerprint);
            if (k.itemHash().equals(clean.contentHash())) {
                return Result.SEEN;
            }
        }
        if (!current.get().hash().equals(k.articleHash())) {
            // An editor changed the article after we last wrote it: theirs wins. Remember the upstream state
            // so the same upstream version is not reported again.
            h.createUpdate("update ingest_item set item_hash = :hash, last_seen_at = :now where id = :id")
                    .bind("hash", clean.contentHash()).bind("now", SubscriptionStore.utc(now)).bind("id", rowId).execute();
            return Result.KEPT;
        }
        Instant published = current.get().published() == null ? now : current.get().published().toInstant();
        publisher.publish(h, submission(sub, clean, current.get().slug(), published), ArticleStatus.valueOf(current.get().status()));
        h.createUpdate("update ingest_item set item_hash = :hash, fingerprint = :fingerprint, last_seen_at = :now where id = :id")
                .bind("hash", clean.contentHash()).bind("fingerprint", MinHash.encode(fingerprint))
                .bind("now", SubscriptionStore.utc(now)).bind("id", rowId).execute();
        // Every item of ours behind this article now knows the article as we left it.
        h.createUpdate("update ingest_item set article_hash = :articleHash where article_id = :article and is_copy = false")
                .bind("articleHash", articleHash(h, k.articleId())).bind("article", k.articleId()).execute();
        return Result.UPDATED;
    }

    private static Submission submission(FeedSubscription sub, ItemCleaner.CleanItem clean, String slug, Instant published) {
        return new Submission(slug, clean.headline(), clean.deck(), clean.bodyHtml(), sub.section(), sub.tags(), List.of(),
                sub.sourceName(), sub.sourceUrl(), clean.originalUrl(), published, sub.language(), clean.image());
    }

    private static long insertRow(Handle h, FeedSubscription sub, long sourceId, long articleId, String guidKey,
                                  ItemCleaner.CleanItem clean, int[] fingerprint, String rawDate, boolean copy, Instant now) {
        return h.createUpdate("""
                        insert into ingest_item (subscription_id, source_id, article_id, guid_key, link_key, item_hash, article_hash,
                            fingerprint, is_copy, raw_date, first_seen_at, last_seen_at)
                        values (:sub, :source, :article, :guid, :link, :hash, :articleHash, :fingerprint, :copy, :raw, :now, :now)
                        """)
                .bind("sub", sub.id()).bind("source", sourceId).bind("article", articleId).bind("guid", guidKey)
                .bind("link", clean.linkKey()).bind("hash", clean.contentHash()).bind("articleHash", articleHash(h, articleId))
                .bind("fingerprint", MinHash.encode(fingerprint)).bind("copy", copy).bind("raw", rawDate == null ? null : FeedParser.abbreviate(rawDate, 190))
                .bind("now", SubscriptionStore.utc(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static void touch(Handle h, long rowId, String guidKey, String linkKey, Instant now) {
        h.createUpdate("update ingest_item set guid_key = coalesce(guid_key, :guid), link_key = coalesce(link_key, :link), "
                        + "last_seen_at = :now where id = :id")
                .bind("guid", guidKey).bind("link", linkKey).bind("now", SubscriptionStore.utc(now)).bind("id", rowId).execute();
    }

    private static String articleHash(Handle h, long articleId) {
        return h.createQuery("select content_hash from article where id = :id").bind("id", articleId).mapTo(String.class).one();
    }

    /** A slug of the headline no other article uses: "-2", "-3"... appended when needed. */
    private static String uniqueSlug(Handle h, String headline) {
        String base = Slugs.of(headline);
        String slug = base;
        for (int n = 2; taken(h, slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static boolean taken(Handle h, String slug) {
        return h.createQuery("select count(*) from article where slug = :slug").bind("slug", slug).mapTo(Integer.class).one() > 0;
    }
}
