package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gazette.Site;
import org.gazette.config.Settings;
import org.gazette.publish.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long publish, as {@code gazette publish} and imports run it: stored in slices, then the index
 * catches up in batches. Each article must end up in the index exactly once, new and edited alike.
 */
class BulkPublishIndexTest {

    private static final int ARTICLES = 600;

    @TempDir
    Path data;

    private static Submission article(int i, String word) {
        return new Submission("bulk-" + i, "Harbour notice number " + i, null,
                "The harbour office posted notice " + word + " for berth " + i + ".", "World", List.of("Harbours"),
                List.of("Ada Reporter"), null, null, null, Instant.parse("2026-11-01T12:00:00Z").plusSeconds(i), "en", null);
    }

    /** A word no other article holds: letters only, ending so that stemming leaves it whole. */
    private static String word(String prefix, int i) {
        StringBuilder word = new StringBuilder(prefix);
        for (int n = i; ; n /= 26) {
            word.append((char) ('a' + n % 26));
            if (n < 26) {
                return word.append("xq").toString();
            }
        }
    }

    /** Articles holding exactly this word (not a spelling correction's or a relaxed search's). */
    private static long found(Site site, String word) throws java.io.IOException {
        SearchResults results = site.search().search(word, 0, 10);
        return results.corrected() || results.relaxed() ? 0 : results.total();
    }

    @Test
    void theIndexTakesArticlesInWhileAPublishIsStillStoringThem() throws Exception {
        Settings settings = Settings.of(Map.of("data.dir", data.toString(), "site.sample-content", "false"));
        try (Site site = Site.open(settings, true)) {
            site.start();
            site.indexWhilePublishing();
            List<Submission> first = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                first.add(article(i, word("zorvex", i)));
            }
            site.publisher().publishAll(first);
            // No settle(): only the background thread can bring the index up to the outbox's end
            // (and record it, once the index has committed).
            boolean caughtUp = site.changeFeed().awaitProgress(SearchIndexer.progressName(settings.searchDir()),
                    site.changeLog().latestSeq(), java.time.Duration.ofSeconds(30));
            assertThat(caughtUp).isTrue();
            assertThat(found(site, word("zorvex", ARTICLES - 1))).isEqualTo(1);
        }
    }

    @Test
    void everyArticleOfALongPublishIsFoundOnceAndEditsReplaceWhatTheyChanged() throws Exception {
        try (Site site = Site.open(Settings.of(Map.of("data.dir", data.toString(), "site.sample-content", "false")), true)) {
            site.start();
            // As `gazette publish` runs it: the index takes articles in while later ones are stored.
            site.indexWhilePublishing();
            List<Submission> first = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i++) {
                first.add(article(i, word("zorvex", i)));
            }
            // In slices, as BulkImport hands them over.
            for (int from = 0; from < ARTICLES; from += 150) {
                site.publisher().publishAll(first.subList(from, from + 150));
            }
            site.settle();
            assertThat(site.index().size()).isEqualTo(ARTICLES);

            List<Submission> edits = new ArrayList<>();
            for (int i = 0; i < ARTICLES; i += 2) {
                edits.add(article(i, word("quillop", i)));
            }
            site.publisher().publishAll(edits);
            site.settle();

            assertThat(site.index().size()).as("edits replace, never add").isEqualTo(ARTICLES);
            for (int i = 0; i < ARTICLES; i++) {
                boolean edited = i % 2 == 0;
                assertThat(found(site, word("zorvex", i))).as("old word of %d", i).isEqualTo(edited ? 0 : 1);
                assertThat(found(site, word("quillop", i))).as("new word of %d", i).isEqualTo(edited ? 1 : 0);
            }
        }
    }
}
