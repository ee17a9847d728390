package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gazette.article.Article;
import org.gazette.bench.InMemoryArticles;
import org.gazette.publish.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field weights and the recency preference, on a handful of articles made for the purpose. */
class RankingTest {

    static Submission story(String slug, String headline, String body, Instant published) {
        return new Submission(slug, headline, null, body, "World", List.of("Transport"), List.of("Jonas Weir"),
                null, null, null, published, "en", null);
    }

    @Test
    void recencyBreaksTiesButNeverBuriesAnExactHeadlineMatch(@TempDir Path dir) throws Exception {
        Instant now = Instant.now();
        InMemoryArticles made = new InMemoryArticles();
        List<Article> articles = List.of(
                made.publish(story("old-exact", "Harbour Bridge Reopens", "Traffic flowed again on Monday.",
                        now.minus(3000, ChronoUnit.DAYS))),
                made.publish(story("new-mention", "City Council Meets", "The harbour bridge reopens next week, and the "
                        + "bridge over the harbour reopens to cyclists too; harbour traffic will follow the bridge.", now)),
                made.publish(story("tie-old", "Ferry Timetable Changes", "The ferry timetable changes in spring.",
                        now.minus(400, ChronoUnit.DAYS))),
                made.publish(story("tie-new", "Ferry Timetable Changes", "The ferry timetable changes in spring!",
                        now.minus(1, ChronoUnit.DAYS))));
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.apply(articles, List.of(), 1);
            // A strong preference for recent stories, to show even that cannot outrank the exact headline.
            ArticleSearch search = new ArticleSearch(index, java.time.ZoneId.of("UTC"), 5.0);
            assertThat(ids(search, "harbour bridge reopens")).startsWith(1L);
            assertThat(ids(search, "ferry timetable")).containsExactly(4L, 3L);
            // A word in the headline outweighs the same word twice in the body.
            assertThat(ids(new ArticleSearch(index, java.time.ZoneId.of("UTC"), 0), "bridge")).containsExactly(1L, 2L);
        }
    }

    @Test
    void countsKeptForRepeatedQueriesFollowEveryChangeToTheIndex(@TempDir Path dir) throws Exception {
        InMemoryArticles made = new InMemoryArticles();
        Instant when = Instant.parse("2026-11-01T00:00:00Z");
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.apply(List.of(made.publish(story("one", "Bridge One", "A bridge.", when))), List.of(), 1);
            ArticleSearch search = new ArticleSearch(index);
            assertThat(search.search("bridge", 0, 10).total()).isEqualTo(1);
            assertThat(search.search("bridge", 0, 10).total()).isEqualTo(1);
            Article two = made.publish(story("two", "Bridge Two", "Another bridge.", when));
            index.apply(List.of(two), List.of(), 2);
            SearchResults after = search.search("bridge", 0, 10);
            assertThat(after.total()).isEqualTo(2);
            assertThat(after.facets()).anySatisfy(g -> assertThat(g.values()).anySatisfy(v -> {
                assertThat(v.label()).isEqualTo("Transport");
                assertThat(v.count()).isEqualTo(2);
            }));
            index.apply(List.of(), List.of(two.id()), 3);
            assertThat(search.search("bridge", 0, 10).total()).isEqualTo(1);
        }
    }

    static List<Long> ids(ArticleSearch search, String query) throws Exception {
        return search.search(query, 0, 10).hits().stream().map(SearchHit::articleId).toList();
    }
}
