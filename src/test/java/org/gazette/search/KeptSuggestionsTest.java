package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.gazette.article.Article;
import org.gazette.bench.InMemoryArticles;
import org.gazette.publish.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Autocomplete suggestions are kept with the index across restarts, and rebuilt when they fell behind it. */
class KeptSuggestionsTest {

    @TempDir
    Path dir;

    @Test
    void suggestionsCaughtUpWithTheIndexAreTakenUpAtOnceAndOthersRebuilt() throws Exception {
        InMemoryArticles articles = new InMemoryArticles();
        Article quokkas = articles.publish(story("quokka-census", "Quokka Census Finds a Thriving Colony"));
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.awaitSuggestions();
            index.apply(List.of(quokkas), List.of(), 5);
            assertThat(headlines(index, "quokk")).containsExactly("Quokka Census Finds a Thriving Colony");
        }

        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.suggestionsResumed()).isTrue();
            assertThat(headlines(index, "quokk")).containsExactly("Quokka Census Finds a Thriving Colony");
            // The index commits first; a crash before the suggestions commit leaves them behind it.
            Article wallabies = articles.publish(story("wallaby-count", "Wallaby Count Doubles on the Island"));
            index.apply(List.of(wallabies), List.of(), 6);
        }
        Path generation = Files.list(dir).filter(p -> p.getFileName().toString().startsWith("index-")).findFirst().orElseThrow();
        Files.writeString(generation.resolve("suggest.seq"), "5");

        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.suggestionsResumed()).isFalse();
            index.awaitSuggestions();
            assertThat(headlines(index, "walla")).containsExactly("Wallaby Count Doubles on the Island");
            assertThat(headlines(index, "quokk")).containsExactly("Quokka Census Finds a Thriving Colony");
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertThat(index.suggestionsResumed()).as("caught up again by the rebuild").isTrue();
        }
    }

    private static List<String> headlines(SearchIndex index, String prefix) throws Exception {
        return new ArticleSearch(index).suggest(prefix, 5, 1).stream().filter(s -> s.kind().equals("article")).map(Suggestion::text).toList();
    }

    private static Submission story(String slug, String headline) {
        return new Submission(slug, headline, null, "Rangers counted the animals over a week.", "Science",
                List.of("Wildlife"), List.of("Jonas Weir"), null, null, null, Instant.parse("2026-11-20T10:00:00Z"), "en", null);
    }
}
