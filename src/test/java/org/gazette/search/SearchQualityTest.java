package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.gazette.article.Article;
import org.gazette.bench.ArchiveGenerator;
import org.gazette.bench.InMemoryArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Does search find the story a reader remembers? For 200 articles of a generated archive, a few
 * distinctive words from the middle of the body must bring the article up first (90%) or on the
 * first page (99%); with a typing mistake in one word, on the first page (80%).
 */
class SearchQualityTest {

    static final int ARCHIVE = 2000;
    static final int PROBES = 200;

    @TempDir
    static Path dir;

    static SearchIndex index;
    static ArticleSearch search;
    static List<Article> articles;
    static Map<String, Integer> documentFrequency = new HashMap<>();

    @BeforeAll
    static void build() throws Exception {
        articles = new InMemoryArticles().publish(new ArchiveGenerator(42).next(ARCHIVE));
        index = SearchIndex.open(dir);
        index.apply(articles, List.of(), 1);
        search = new ArticleSearch(index);
        for (Article a : articles) {
            for (String w : new HashSet<>(words(a.bodyMarkdown() + " " + a.headline()))) {
                documentFrequency.merge(w, 1, Integer::sum);
            }
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (w.length() >= 4 && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The three rarest words of the middle third of the body, in body order. */
    static List<String> distinctiveWords(Article a) {
        List<String> body = words(a.bodyMarkdown());
        List<String> middle = new ArrayList<>(new java.util.LinkedHashSet<>(body.subList(body.size() / 3, 2 * body.size() / 3)));
        List<String> rarest = new ArrayList<>(middle);
        rarest.sort(Comparator.comparingInt(w -> documentFrequency.getOrDefault(w, 0)));
        Set<String> chosen = new HashSet<>(rarest.subList(0, Math.min(3, rarest.size())));
        return middle.stream().filter(chosen::contains).toList();
    }

    /** One typing mistake: two letters swapped, one dropped, or one replaced; never the first letter. */
    static String typo(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            default -> word.substring(0, at) + (char) ('a' + (word.charAt(at) - 'a' + 1 + random.nextInt(24)) % 26) + word.substring(at + 1);
        };
    }

    int rank(String query, long id) throws Exception {
        List<SearchHit> hits = search.search(query, 0, 10).hits();
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).articleId() == id) {
                return i + 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    @Test
    void distinctiveWordsFindTheirArticle() throws Exception {
        int first = 0;
        int topTen = 0;
        int typoTopTen = 0;
        Random random = new Random(7);
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            Article a = articles.get(i * (ARCHIVE / PROBES));
            List<String> words = distinctiveWords(a);
            String query = String.join(" ", words);
            int rank = rank(query, a.id());
            first += rank == 1 ? 1 : 0;
            topTen += rank <= 10 ? 1 : 0;
            if (rank > 1) {
                misses.add(query + " -> " + rank);
            }
            List<String> mistyped = new ArrayList<>(words);
            int which = random.nextInt(mistyped.size());
            mistyped.set(which, typo(mistyped.get(which), random));
            String typoQuery = String.join(" ", mistyped);
            int typoRank = rank(typoQuery, a.id());
            typoTopTen += typoRank <= 10 ? 1 : 0;
            if (typoRank > 10) {
                misses.add("typo: " + typoQuery + " (" + query + ") -> " + typoRank);
            }
        }
        System.out.printf("Search quality over %d probes: first %d%%, top 10 %d%%, with a typo top 10 %d%%%n",
                PROBES, 100 * first / PROBES, 100 * topTen / PROBES, 100 * typoTopTen / PROBES);
        assertThat(first).as("ranked first; misses: %s", misses).isGreaterThanOrEqualTo(PROBES * 90 / 100);
        assertThat(topTen).as("in the top 10; misses: %s", misses).isGreaterThanOrEqualTo(PROBES * 99 / 100);
        assertThat(typoTopTen).as("in the top 10 with a typo; misses: %s", misses).isGreaterThanOrEqualTo(PROBES * 80 / 100);
    }
}
