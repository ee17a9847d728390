package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.gazette.article.Article;
import org.gazette.bench.ArchiveGenerator;
import org.gazette.bench.InMemoryArticles;
import org.gazette.publish.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The total and the facet counts of a results page are counted through a cheaper query than the
 * ranked one: they must still be exactly those of the articles the ranked query matches.
 */
class SearchCountsTest {

    @TempDir
    static Path dir;
    @TempDir
    static Path smallDir;
    /** The hand-made stories only, so their figures can be counted by reading them. */
    static SearchIndex small;
    static ArticleSearch smallSearch;
    /** The same stories within a generated archive, for comparing counts at large. */
    static SearchIndex index;
    static ArticleSearch search;
    static QueryBuilder queries;
    static List<Article> archive;

    static Submission story(String headline, String deck, String body, String section, List<String> tags,
                            List<String> authors, String source, String lang, String day) {
        return new Submission(null, headline, deck, body, section, tags, authors, source,
                source == null ? null : "https://example.org", source == null ? null : "https://example.org/" + headline.length(),
                Instant.parse(day + "T10:00:00Z"), lang, null);
    }

    /** Stories made for the counts below (the small index holds the first nine), then a generated archive for counts compared at large. */
    static List<Submission> handMade() {
        return List.of(
                story("Dam Talks Resume", null, "Water ministers met at the Sarn dam on Monday.", "World",
                        List.of("Water"), List.of("Jonas Weir"), null, "en", "2024-03-01"),
                story("River Levels Fall", "Dry weeks on the Sarn", "Covid-19 rules closed the harbour; the dam held.",
                        "World", List.of("Water", "Climate"), List.of("Ana Torres"), null, "en", "2025-06-10"),
                story("Harbour Reopens", null, "Ships returned to the harbour after the storm.", "Business",
                        List.of("Transport"), List.of("Jonas Weir", "Ana Torres"), null, "en", "2025-07-01"),
                story("Acuerdo de paz en el valle", null, "El acuerdo de agua llega a la presa grande del Sarn.", "Mundo",
                        List.of("Agua"), List.of("Ana Torres"), null, "es", "2025-08-01"),
                story("La presa del norte", "Los acuerdos del río", "La presa de Sarn cierra por obras.", "Mundo",
                        List.of("Agua", "Obras"), List.of("Luis Prado"), null, "es", "2026-01-05"),
                story("Storm Closes Ports", null, "Wind and rain kept ships in port; the dam was not affected.", "World",
                        List.of("Transport", "Climate"), List.of(), "Coastal Wire", "en", "2026-02-02"),
                story("Weir Wins Award", null, "A reporter was honoured for her work.", "Culture",
                        List.of("Media"), List.of("Ana Torres"), null, "en", "2026-03-03"),
                story("Covid Figures", null, "In 19 regions covid cases fell.", "Health",
                        List.of("Health"), List.of("Luis Prado"), null, "en", "2026-04-04"),
                story("De la mar", null, "Un poema de la mar, de Torres.", "Cultura",
                        List.of("Poesía"), List.of("Luis Prado"), null, "es", "2026-05-05"),
                // Ten facet values, more than the counter keeps in its fixed-width part; in the large index only.
                story("Harbour Dam Strike Ends", null, "Dock workers at the Sarn dam harbour went back to work.", "Business",
                        List.of("Transport", "Labour", "Water", "Climate", "Media", "Trade"),
                        List.of("Jonas Weir", "Ana Torres"), null, "en", "2026-06-06"));
    }

    @BeforeAll
    static void build() throws Exception {
        InMemoryArticles made = new InMemoryArticles();
        List<Article> all = new ArrayList<>();
        handMade().forEach(s -> all.add(made.publish(s)));
        archive = new ArrayList<>();
        new ArchiveGenerator(7).next(3000).forEach(s -> archive.add(made.publish(s)));
        all.addAll(archive);
        index = SearchIndex.open(dir);
        // Two batches and a removal: several segments and deleted documents, as a live index has.
        index.apply(all.subList(0, 1600), List.of(), 1);
        index.apply(all.subList(1600, all.size()), List.of(), 2);
        index.apply(List.of(), List.of(all.get(20).id(), all.get(2000).id()), 3);
        commonWordTallies(index); // so the counts below go through them
        search = new ArticleSearch(index, java.time.ZoneId.of("UTC"), 1.0);
        small = SearchIndex.open(smallDir);
        small.apply(all.subList(0, 9), List.of(), 1);
        smallSearch = new ArticleSearch(small, java.time.ZoneId.of("UTC"), 1.0);
        queries = new QueryBuilder(index.analyzer(), index.languages());
    }

    @AfterAll
    static void close() {
        index.close();
        small.close();
    }

    @Test
    void handMadeCountsAreTheRealNumberOfMatchingArticles() throws Exception {
        // Each figure counted by reading the stories above.
        assertThat(total("dam")).isEqualTo(3);
        assertThat(total("sarn")).isEqualTo(4);
        assertThat(total("\"sarn dam\"")).isEqualTo(1);
        assertThat(total("harbour")).isEqualTo(2);
        assertThat(total("harbour -storm")).isEqualTo(1);
        assertThat(total("dam OR harbour")).isEqualTo(4);
        assertThat(total("covid-19")).isEqualTo(1);
        assertThat(total("covid 19")).isEqualTo(2);
        assertThat(total("weir")).isEqualTo(3);
        assertThat(total("torres")).isEqualTo(5);
        assertThat(total("acuerdo")).isEqualTo(2);
        // "de" is a Spanish stop word: Spanish stories pass that word, English ones need it.
        assertThat(total("presa de sarn")).isEqualTo(2);
        assertThat(total("\"presa de sarn\"")).isEqualTo(1);
        assertThat(total("acuerdo de paz")).isEqualTo(1);
        assertThat(total("de la mar")).isEqualTo(1);
        assertThat(total("-dam")).isEqualTo(6);
        assertThat(total("sarn", Map.of(IndexFields.DIM_SECTION, List.of("Mundo")))).isEqualTo(2);
        assertThat(total("transport OR agua", Map.of(IndexFields.DIM_YEAR, List.of("2025")))).isEqualTo(2);
    }

    @Test
    void countsEqualThoseOfTheRankedQueryForWordsPhrasesAlternativesAndFilters() throws Exception {
        List<String> asked = new ArrayList<>(List.of("dam", "sarn", "\"sarn dam\"", "harbour -storm", "dam OR harbour",
                "covid-19", "weir", "torres", "acuerdo de paz", "presa de sarn", "\"presa de sarn\"", "-dam", "de la mar",
                "the dam", "\"the harbour\"", "agua -presa", "said", "minister", "government"));
        Random random = new Random(3);
        for (int i = 0; i < 60; i++) {
            String[] words = archive.get(random.nextInt(archive.size())).headline().toLowerCase(java.util.Locale.ROOT).split(" ");
            int at = random.nextInt(words.length);
            String one = words[at];
            String two = words[Math.min(words.length - 1, at + 1)];
            asked.add(switch (i % 6) {
                case 0 -> one;
                case 1 -> one + " " + two;
                case 2 -> "\"" + one + " " + two + "\"";
                case 3 -> one + " OR " + two;
                case 4 -> one + " -" + two;
                default -> one + " " + two + " " + generatedWord(random);
            });
        }
        List<Map<String, List<String>>> filters = List.of(Map.of(),
                Map.of(IndexFields.DIM_SECTION, List.of(archive.get(0).section().name())),
                Map.of(IndexFields.DIM_TAG, List.of(archive.get(1).tags().get(0).name()), IndexFields.DIM_YEAR,
                        List.of(Integer.toString(archive.get(1).publishedAt().atZone(java.time.ZoneOffset.UTC).getYear()))));
        int nonZero = 0;
        boolean most = false;
        for (String q : asked) {
            for (Map<String, List<String>> f : filters) {
                SearchRequest request = request(q, f);
                SearchResults results = search.search(request, 10);
                if (results.corrected() || results.relaxed()) {
                    continue;
                }
                Reference expected = reference(request);
                assertThat(results.total()).as("total of %s %s", q, f).isEqualTo(expected.total());
                assertThat(flat(results.facets())).as("facets of %s %s", q, f).isEqualTo(expected.facets());
                nonZero += expected.total() > 0 ? 1 : 0;
                most |= f.isEmpty() && expected.total() > archive.size() / 2;
            }
        }
        // The comparison is worth something only if many queries found something, some word most
        // articles hold, and common words were counted through their tallies.
        assertThat(nonZero).isGreaterThan(100);
        assertThat(most).as("a word in most articles").isTrue();
        assertThat(commonWordTallies(index)).as("tallies of common words").isGreaterThan(20);
    }

    @Test
    void countsOfAWordMostArticlesHoldFollowDeletions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path own) throws Exception {
        try (SearchIndex one = SearchIndex.open(own)) {
            // Fewer stories than a tally needs: counted through the articles that lack the word.
            one.apply(archive.subList(0, CommonWords.LEAST - 6), List.of(), 1);
            assertThat(commonWordTallies(one)).isZero();
            assertCountsFollowDeletions(one, CommonWords.LEAST - 6);
        }
    }

    @Test
    void countsThroughATallyFollowDeletions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path own) throws Exception {
        try (SearchIndex one = SearchIndex.open(own)) {
            one.apply(archive.subList(0, 1500), List.of(), 1);
            assertThat(commonWordTallies(one)).as("\"said\" and others counted through their tallies").isPositive();
            assertCountsFollowDeletions(one, 1500);
        }
    }

    /** Deleting three stories that say "said" takes three off its count, and off its facet values. */
    private static void assertCountsFollowDeletions(SearchIndex one, int stories) throws Exception {
        ArticleSearch counting = new ArticleSearch(one, java.time.ZoneId.of("UTC"), 1.0);
        SearchResults before = counting.search(SearchRequest.of("said"), 10);
        assertThat(before.total()).as("most of the stories").isGreaterThan(stories / 2);
        List<Long> gone = before.hits().stream().limit(3).map(SearchHit::articleId).toList();
        one.apply(List.of(), gone, 2);
        SearchResults after = counting.search(SearchRequest.of("said"), 10);
        assertThat(after.total()).isEqualTo(before.total() - 3);
        long bySection = after.facets().stream().filter(g -> g.dim().equals(IndexFields.DIM_SECTION))
                .flatMap(g -> g.values().stream()).mapToLong(Facets.Value::count).sum();
        assertThat(bySection).isEqualTo(after.total());
    }

    /** Once the tallies of the index's segments are made (on a thread of their own), how many there are. */
    private static int commonWordTallies(SearchIndex in) throws Exception {
        try (SearchIndex.Lease lease = in.lease()) {
            return lease.searcher().counter().awaitCommonWords();
        }
    }

    @Test
    void topHitsAreThoseOfTheWholeRankingSum() throws Exception {
        Random random = new Random(5);
        List<String> asked = new ArrayList<>(List.of("dam", "sarn dam", "harbour -storm", "dam OR harbour", "\"sarn dam\"",
                "presa de sarn", "covid 19"));
        for (int i = 0; i < 80; i++) {
            String[] words = archive.get(random.nextInt(archive.size())).headline().toLowerCase(java.util.Locale.ROOT).split(" ");
            int at = random.nextInt(words.length);
            int length = 1 + i % 3;
            asked.add(String.join(" ", java.util.Arrays.copyOfRange(words, at, Math.min(words.length, at + length))));
        }
        // A strong preference for recency, so it reorders many pages.
        ArticleSearch ranked = new ArticleSearch(index, java.time.ZoneId.of("UTC"), 5.0);
        int compared = 0;
        for (String q : asked) {
            for (int page = 1; page <= 2; page++) {
                long hour = System.currentTimeMillis() / 3_600_000L;
                SearchResults results = ranked.search(new SearchRequest(q, Map.of(), null, null, false, page), 10);
                List<float[]> expected = referenceTop(q, 5.0, page * 10);
                if (hour != System.currentTimeMillis() / 3_600_000L || results.corrected() || results.relaxed()) {
                    continue;
                }
                List<float[]> pageOf = expected.subList(Math.min(expected.size(), (page - 1) * 10), expected.size());
                assertThat(results.hits()).as("hits of %s page %d", q, page).hasSameSizeAs(pageOf);
                for (int i = 0; i < pageOf.size(); i++) {
                    SearchHit hit = results.hits().get(i);
                    float want = pageOf.get(i)[1];
                    assertThat(hit.score()).as("score %d of %s", i, q).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-4f * Math.max(1, want)));
                    boolean tied = pageOf.stream().filter(e -> Math.abs(e[1] - want) <= 1e-4f * Math.max(1, want)).count() > 1;
                    if (!tied) {
                        assertThat(hit.articleId()).as("hit %d of %s", i, q).isEqualTo((long) pageOf.get(i)[0]);
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(800);
    }

    /**
     * (article id, score) of the best {@code n} by the ranking written as one query, with Lucene's own
     * distance feature for recency, every match scored.
     */
    private static List<float[]> referenceTop(String q, double points, int n) throws Exception {
        QueryBuilder.Parsed parsed = QueryBuilder.parse(q);
        Query text = queries.build(parsed);
        if (text == null) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        var whole = new org.apache.lucene.search.BooleanQuery.Builder()
                .add(text, org.apache.lucene.search.BooleanClause.Occur.MUST)
                .add(org.apache.lucene.document.LongPoint.newDistanceFeatureQuery(IndexFields.PUBLISHED, (float) points,
                        now - now % 3_600_000L, 30L * 86_400_000L), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        if (parsed.isPlain() && parsed.words().size() >= 2) {
            var bonus = new org.apache.lucene.search.BooleanQuery.Builder();
            for (String lang : index.languages()) {
                Query phrase = new org.apache.lucene.util.QueryBuilder(index.analyzer())
                        .createPhraseQuery(IndexFields.field(IndexFields.HEADLINE, lang), String.join(" ", parsed.words()));
                if (phrase != null) {
                    bonus.add(phrase, org.apache.lucene.search.BooleanClause.Occur.SHOULD);
                }
            }
            whole.add(new org.apache.lucene.search.BoostQuery(bonus.build(), 3f), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        }
        try (SearchIndex.Lease lease = index.lease()) {
            var top = lease.searcher().search(whole.build(),
                    new org.apache.lucene.search.TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
            List<float[]> out = new ArrayList<>();
            for (var hit : top.scoreDocs) {
                out.add(new float[] {Highlights.id(lease.searcher(), hit.doc), hit.score});
            }
            return out;
        }
    }

    @Test
    void oneWordIsMarkedAsTheQuerysOwnMatchingWouldMarkIt() throws Exception {
        Random random = new Random(9);
        int marked = 0;
        for (int i = 0; i < 40; i++) {
            String word = generatedWord(random);
            QueryBuilder.Parsed parsed = QueryBuilder.parse(word);
            if (queries.build(parsed) == null) {
                continue;
            }
            try (SearchIndex.Lease lease = index.lease()) {
                FacetSearcher searcher = lease.searcher();
                var page = searcher.search(queries.build(parsed), 10).scoreDocs;
                Query query = queries.highlighting(parsed);
                List<SearchHit> quick = Highlights.of(searcher, index.analyzer(), query, page);
                assertThat(quick).as(word).isEqualTo(Highlights.of(searcher, index.analyzer(), query, page, true));
                marked += (int) quick.stream().filter(h -> h.snippetHtml() != null && h.snippetHtml().contains("<mark>")).count();
            }
        }
        assertThat(marked).isGreaterThan(100);
    }

    @Test
    void datesFilterTheCountsToo() throws Exception {
        SearchRequest request = new SearchRequest("sarn", Map.of(), LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                false, 1);
        assertThat(smallSearch.search(request, 10).total()).isEqualTo(2);
        assertThat(search.search(request, 10).total()).isEqualTo(reference(request).total());
    }

    private static String generatedWord(Random random) {
        Article a = archive.get(random.nextInt(archive.size()));
        String[] body = a.bodyMarkdown().split("\\s+");
        return body[random.nextInt(body.length)].replaceAll("[^\\p{L}]", "");
    }

    private static long total(String q) throws Exception {
        return total(q, Map.of());
    }

    private static long total(String q, Map<String, List<String>> filters) throws Exception {
        SearchResults results = smallSearch.search(request(q, filters), 10);
        assertThat(results.corrected()).isFalse();
        assertThat(results.relaxed()).isFalse();
        return results.total();
    }

    private static SearchRequest request(String q, Map<String, List<String>> filters) {
        return new SearchRequest(q, new LinkedHashMap<>(filters), null, null, false, 1);
    }

    record Reference(long total, List<String> facets) {
    }

    /** Counted the straightforward way: Lucene's own facet counting over every match of the ranked query. */
    private static Reference reference(SearchRequest request) throws Exception {
        try (SearchIndex.Lease lease = index.lease()) {
            FacetSearcher searcher = lease.searcher();
            Query text = queries.build(QueryBuilder.parse(request.query()));
            Query matching = Filters.apply(text, request, java.time.ZoneId.of("UTC"));
            if (text == null && !request.query().isEmpty()) {
                // Nothing searchable typed ("for" alone): no results, whatever the filters.
                return new Reference(0, List.of());
            }
            FacetsCollector hits = searcher.search(new ConstantScoreQuery(matching), new FacetsCollectorManager());
            long total = hits.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            var counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits);
            List<String> out = new ArrayList<>();
            for (String dim : IndexFields.DIMENSIONS) {
                FacetResult result;
                try {
                    result = counts.getTopChildren(dim.equals(IndexFields.DIM_YEAR) ? 50 : Facets.TOP, dim);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        values.add(dim + "/" + lv.label + "=" + lv.value);
                    }
                }
                for (String chosen : request.filters().getOrDefault(dim, List.of())) {
                    if (values.stream().noneMatch(v -> v.startsWith(dim + "/" + chosen + "="))) {
                        values.add(dim + "/" + chosen + "=0");
                    }
                }
                if (dim.equals(IndexFields.DIM_YEAR)) {
                    values.sort(java.util.Comparator.reverseOrder());
                }
                out.addAll(values);
            }
            return new Reference(total, out);
        }
    }

    private static List<String> flat(List<Facets.Group> groups) {
        List<String> out = new ArrayList<>();
        for (Facets.Group g : groups) {
            for (Facets.Value v : g.values()) {
                out.add(g.dim() + "/" + v.label() + "=" + v.count());
            }
        }
        return out;
    }
}
