package org.gazette;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.gazette.article.ArticleStore;
import org.gazette.article.BodyRenderer;
import org.gazette.catalog.CatalogStore;
import org.gazette.change.ChangeFeed;
import org.gazette.change.ChangeLog;
import org.gazette.config.Settings;
import org.gazette.db.Database;
import org.gazette.publish.Publisher;
import org.gazette.publish.Submission;
import org.gazette.search.ArticleSearch;
import org.gazette.search.ReindexRequests;
import org.gazette.search.SearchIndex;
import org.gazette.search.SearchIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running Gazette, assembled and started in one place at boot:
 * the database (source of truth), the stores over it, and the derived copies that follow it.
 *
 * <p>A process either owns the search index (the site, or a command run while the site is down)
 * or finds it in use by the running site; then it writes to the database and waits for the
 * site to catch up through the change feed.
 */
public final class Site implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Site.class);
    private static final Duration REMOTE_WAIT = Duration.ofSeconds(15);
    private static final Duration REINDEX_WAIT = Duration.ofMinutes(30);
    /** How often the index looks for stored articles while a command publishes (see indexWhilePublishing). */
    private static final Duration INDEX_ALONG = Duration.ofMillis(100);

    private final Settings settings;
    private final Database database;
    private final ArticleStore articles;
    private final CatalogStore catalog;
    private final ChangeLog changeLog;
    private final ChangeFeed changeFeed;
    private final Publisher publisher;
    private final BodyRenderer renderer = new BodyRenderer();
    private final SearchIndex index;
    private final SearchIndexer indexer;
    private final ArticleSearch search;
    private final ReindexRequests reindexRequests;

    private Site(Settings settings, Database database, SearchIndex index) {
        this.settings = settings;
        this.database = database;
        this.articles = new ArticleStore(database.jdbi());
        this.catalog = new CatalogStore(database.jdbi());
        this.changeLog = new ChangeLog(database.jdbi());
        this.changeFeed = new ChangeFeed(changeLog);
        this.publisher = new Publisher(articles, catalog, renderer, Clock.systemUTC());
        this.index = index;
        this.indexer = index == null ? null : new SearchIndexer(index, articles, changeLog, SearchIndexer.progressName(settings.searchDir()));
        this.search = index == null ? null
                : new ArticleSearch(index, settings.timeZone(), Double.parseDouble(settings.get("search.recency-boost")));
        this.reindexRequests = new ReindexRequests(database.jdbi());
        if (indexer != null) {
            changeFeed.follow(indexer);
        }
    }

    /** Opens the site's parts; {@code requireIndex} is for the server, which cannot run without it. */
    public static Site open(Settings settings, boolean requireIndex) throws IOException {
        Database database = Database.open(settings);
        SearchIndex index;
        try {
            index = SearchIndex.open(settings.searchDir());
        } catch (SearchIndex.InUseException e) {
            if (requireIndex) {
                database.close();
                throw new IOException(e.getMessage() + ": is the site already running on this data folder?", e);
            }
            index = null;
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        return new Site(settings, database, index);
    }

    /** Brings derived copies up to date: rebuilds a missing index, then applies pending changes. */
    public void start() throws IOException {
        if (index != null) {
            if (index.needsRebuild() || index.appliedSeq() > changeLog.latestSeq()) {
                indexer.rebuild();
            }
            changeFeed.catchUp();
        }
    }

    /**
     * From now until this site closes, the search index takes in stored articles on a background
     * thread. A command publishing many articles then indexes them beside storing them, on the
     * other core, rather than all after: an import of 100,000 took 47 s instead of 52. Only where
     * this process owns the index; a running site follows a command's changes by itself.
     */
    public void indexWhilePublishing() {
        if (index != null) {
            changeFeed.startPolling(INDEX_ALONG);
        }
    }

    public Publisher.Published publish(Submission submission) throws IOException {
        Publisher.Published published = publisher.publish(submission);
        settle();
        return published;
    }

    /**
     * Returns once every derived copy reflects all changes made so far: at once here if this
     * process owns them, or when the running site reports it has caught up.
     */
    public void settle() throws IOException {
        if (index != null) {
            changeFeed.catchUp();
            return;
        }
        long seq = changeLog.latestSeq();
        try {
            if (!changeFeed.awaitProgress(SearchIndexer.progressName(settings.searchDir()), seq, REMOTE_WAIT)) {
                LOG.warn("The running site has not caught up with this change after {} s; it will as soon as it can",
                        REMOTE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the running site", e);
        }
    }

    /**
     * Rebuilds the search index into a new copy and swaps it in: here if this process owns the
     * index, otherwise by asking the running site, which keeps serving searches meanwhile.
     */
    public int reindex() throws IOException {
        if (indexer != null) {
            return indexer.rebuild();
        }
        long id = reindexRequests.request();
        try {
            ReindexRequests.Outcome outcome = reindexRequests.await(id, REINDEX_WAIT)
                    .orElseThrow(() -> new IOException("The running site has not finished the rebuild after "
                            + REINDEX_WAIT.toMinutes() + " minutes; it goes on, check its log"));
            if (outcome.error() != null) {
                throw new IOException("The running site could not rebuild the index: " + outcome.error());
            }
            return outcome.indexed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the running site", e);
        }
    }

    /** In the serving process: carry out rebuilds requested by {@code gazette reindex}. */
    public void followReindexRequests() {
        if (indexer != null) {
            reindexRequests.follow(indexer, Duration.ofMillis(500));
        }
    }

    public boolean ownsIndex() {
        return index != null;
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public ArticleStore articles() {
        return articles;
    }

    public CatalogStore catalog() {
        return catalog;
    }

    public ChangeLog changeLog() {
        return changeLog;
    }

    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    public Publisher publisher() {
        return publisher;
    }

    public BodyRenderer renderer() {
        return renderer;
    }

    public SearchIndex index() {
        return index;
    }

    public ArticleSearch search() {
        return search;
    }

    @Override
    public void close() {
        reindexRequests.close();
        changeFeed.close();
        if (index != null) {
            index.close();
        }
        database.close();
    }
}
