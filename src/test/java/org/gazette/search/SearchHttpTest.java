package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gazette.article.ArticleStore;
import org.gazette.publish.Submission;
import org.gazette.support.SampleSite;
import org.junit.jupiter.api.Test;

/** The search experience over real HTTP against the sample site. */
class SearchHttpTest extends SampleSite {

    static String search(String query) throws Exception {
        HttpResponse<String> response = site.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return response.body();
    }

    static List<String> headlines(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"result\">\\s*<h2><a href=\"[^\"]+\">(.*?)</a></h2>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group(1).replaceAll("</?mark>", ""));
        }
        return out;
    }

    static int count(String html) {
        Matcher m = Pattern.compile("<p class=\"result-count\" role=\"status\">(?:(\\d+) articles|One article) found").matcher(html);
        return m.find() ? (m.group(1) == null ? 1 : Integer.parseInt(m.group(1))) : 0;
    }

    @Test
    void resultsHighlightTheQueryInHeadlineAndBody() throws Exception {
        String html = search("Halden reservoir");
        assertThat(headlines(html).get(0)).contains("Halden Reservoir");
        assertThat(html).contains("<mark>Halden</mark>").containsPattern("class=\"snippet\">[^<]*(<mark>|.*<mark>)");
    }

    @Test
    void facetsCountTheResultsAndFiltersCombine() throws Exception {
        String html = search("water");
        int all = count(html);
        assertThat(all).isGreaterThan(3);
        assertThat(html).contains("<h2 id=\"facets-heading\">Refine the results</h2>")
                .contains("data-facet=\"section\"").contains("data-facet=\"tag\"").contains("data-facet=\"author\"")
                .contains("data-facet=\"source\"").contains("data-facet=\"year\"")
                .contains("<a href=\"/search?q=water&amp;section=Science\">Science</a>")
                .contains("<a href=\"/search?q=water&amp;year=2026\">2026</a> <span class=\"count\">(" + all + ")</span>");
        Matcher science = Pattern.compile("section=Science\">Science</a> <span class=\"count\">\\((\\d+)\\)").matcher(html);
        assertThat(science.find()).isTrue();
        int inScience = Integer.parseInt(science.group(1));

        String filtered = site.get("/search?q=water&section=Science").body();
        assertThat(count(filtered)).isEqualTo(inScience).isLessThan(all);
        assertThat(filtered).contains("aria-label=\"Remove filter: Science\"");

        // A second filter narrows further; both stay in every link, so the page is a plain bookmarkable URL.
        String both = site.get("/search?q=water&section=Science&tag=Glaciers").body();
        assertThat(headlines(both)).containsExactly("Vanishing Teral Glaciers Leave the Sarn River Without a Safety Net");
        assertThat(both).contains("href=\"/search?q=water&amp;tag=Glaciers\"");
    }

    @Test
    void filtersAloneBrowseNewestFirstAndDatesLimitTheRange() throws Exception {
        String html = site.get("/search?tag=Shipping").body();
        assertThat(headlines(html)).containsExactly(
                "Oduya Brokers Deal to End Castelmar Port Strike After 24 Days",
                "Port Strike Pushes Up Prices for Food, Fuel &amp; Spare Parts",
                "Shipping Lines Reroute Cargo as Castelmar Strike Enters Second Week",
                "Dockworkers Walk Out at Castelmar, Halting Veloria's Busiest Port");
        String september = site.get("/search?tag=Shipping&from=2026-09-01&to=2026-09-30").body();
        assertThat(headlines(september)).hasSize(2).allMatch(h -> h.contains("Castelmar"));
        assertThat(september).contains("name=\"from\" value=\"2026-09-01\"");
    }

    @Test
    void sortByNewestOrdersByDate() throws Exception {
        String html = site.get("/search?q=water&sort=newest").body();
        List<String> dates = new ArrayList<>();
        Matcher m = Pattern.compile("<time datetime=\"([^\"]+)\"").matcher(html.substring(html.indexOf("<ol class=\"results\">")));
        while (m.find()) {
            dates.add(m.group(1));
        }
        assertThat(dates).hasSizeGreaterThan(3);
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(html).contains("<strong aria-current=\"true\">Newest first</strong>");
    }

    @Test
    void phrasesExclusionsAndOr() throws Exception {
        // As a phrase the words must stand together, so fewer articles match than with the words anywhere.
        int phrase = count(search("\"runs low\""));
        assertThat(phrase).isPositive().isLessThan(count(search("runs low")));
        assertThat(search("\"runs low\"")).contains("<mark>Runs Low</mark>");
        assertThat(headlines(search("strike -Oduya"))).isNotEmpty().noneMatch(h -> h.contains("Oduya"));
        List<String> either = headlines(search("Brennerman OR Oduya"));
        assertThat(either).anyMatch(h -> h.contains("Brennerman")).anyMatch(h -> h.contains("Oduya"));
    }

    @Test
    void englishStemmingSpanishStemmingAndAccentFolding() throws Exception {
        assertThat(headlines(search("glacier"))).contains("Vanishing Teral Glaciers Leave the Sarn River Without a Safety Net");
        // "acuerdos" and "rio" find the Spanish article's "acuerdo" and "río".
        String spanish = "Veloria y Castrane alcanzan un acuerdo preliminar sobre el caudal del río Sarn";
        assertThat(headlines(search("acuerdos"))).contains(spanish);
        assertThat(headlines(search("caudal del rio"))).contains(spanish);
    }

    @Test
    void misspelledQueriesOfferAndShowTheCorrection() throws Exception {
        String html = search("Brenerman");
        assertThat(html).contains("No articles match “Brenerman”. Showing results for:")
                .contains("<a href=\"/search?q=Brennerman\"><strong>Brennerman</strong></a>");
        assertThat(headlines(html).get(0)).startsWith("Brennerman Defends Sarn Water Pact");

        String twoWords = search("Brenerman parliament");
        assertThat(headlines(twoWords).get(0)).startsWith("Brennerman Defends Sarn Water Pact");
        assertThat(twoWords).contains("<strong>Brennerman parliament</strong>");
    }

    @Test
    void nonsenseStaysFriendlyWithoutSuggestions() throws Exception {
        String html = search("zzqxv");
        assertThat(html).contains("No articles match").doesNotContain("Did you mean").doesNotContain("Showing results for");
    }

    @Test
    void suggestReturnsHeadlinesAndTopicsAsJson() throws Exception {
        HttpResponse<String> response = site.get("/search/suggest?q=bren");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("query").asText()).isEqualTo("bren");
        JsonNode first = json.get("suggestions").get(0);
        assertThat(first.get("text").asText()).startsWith("Brennerman Defends");
        assertThat(first.get("kind").asText()).isEqualTo("article");
        assertThat(first.get("url").asText()).isEqualTo("/articles/brennerman-defends-sarn-water-pact-before-sceptical-parliament-committee");

        JsonNode topics = new ObjectMapper().readTree(site.get("/search/suggest?q=glac").body()).get("suggestions");
        List<String> kinds = new ArrayList<>();
        topics.forEach(t -> kinds.add(t.get("kind").asText() + ":" + t.get("text").asText()));
        assertThat(kinds).contains("tag:Glaciers");

        JsonNode opensearch = new ObjectMapper().readTree(site.get("/search/suggest?format=opensearch&q=castel").body());
        assertThat(opensearch.get(0).asText()).isEqualTo("castel");
        assertThat(opensearch.get(1).toString()).contains("Castelmar");
    }

    @Test
    void theSearchBoxLoadsSuggestionsFromAnExternalScriptAndWorksWithout() throws Exception {
        String html = site.get("/").body();
        assertThat(html).contains("<script src=\"/assets/search-suggest.js\" defer></script>")
                .contains("<form class=\"site-search\" role=\"search\" action=\"/search\" method=\"get\">")
                .doesNotContainPattern("<script>[^<]");
        HttpResponse<String> script = site.get("/assets/search-suggest.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/search/suggest?q=");
    }

    @Test
    void eachResultsPageLinksAFeedOfThatSearchNewestFirst() throws Exception {
        String html = search("water");
        assertThat(html).contains("<a href=\"/search.rss?q=water\" type=\"application/rss+xml\">Follow this search (RSS)</a>");
        HttpResponse<String> feed = site.get("/search.rss?q=water");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        String xml = feed.body();
        assertThat(xml).contains("<rss").contains("version=\"2.0\"").contains("Search results for “water”");
        List<ZonedDateTime> dates = new ArrayList<>();
        Matcher m = Pattern.compile("<pubDate>([^<]+)</pubDate>").matcher(xml.substring(xml.indexOf("<item>")));
        while (m.find()) {
            dates.add(ZonedDateTime.parse(m.group(1), DateTimeFormatter.RFC_1123_DATE_TIME));
        }
        assertThat(dates).hasSize(count(html));
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        String filtered = site.get("/search.rss?q=water&tag=Glaciers").body();
        assertThat(filtered.split("<item>")).hasSize(2);
    }

    @Test
    void openSearchDescriptionIsLinkedFromEveryPage() throws Exception {
        for (String path : new String[] {"/", "/section/world", "/search?q=dam",
                "/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam"}) {
            assertThat(site.get(path).body()).as(path)
                    .contains("<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"Gazette\" href=\"/opensearch.xml\">");
        }
        HttpResponse<String> xml = site.get("/opensearch.xml");
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/opensearchdescription+xml"));
        assertThat(xml.body()).contains("<ShortName>Gazette</ShortName>")
                .contains("template=\"" + site.site().settings().baseUrl() + "/search?q={searchTerms}\"")
                .contains("/search.rss?q={searchTerms}");
    }

    @Test
    void relatedStoriesExcludeTheArticleAndItsDuplicates() throws Exception {
        ArticleSearch search = site.site().search();
        long dam = site.site().articles().bySlug("veloria-and-castrane-reopen-talks-on-the-sarn-river-dam").orElseThrow().id();
        var copy = site.site().articles().byId(dam).orElseThrow();
        site.site().publish(new Submission("copy-of-the-dam-story", copy.headline(), copy.deck(), copy.bodyMarkdown(), "World",
                List.of("Water"), List.of("Mara Ekwueme"), null, null, null, Instant.parse("2026-10-24T00:00:00Z"), "en", null));
        long copyId = site.site().articles().bySlug("copy-of-the-dam-story").orElseThrow().id();
        try {
            List<Long> related = search.related(dam, 5);
            assertThat(related).isNotEmpty().doesNotContain(dam, copyId);
        } finally {
            site.site().articles().jdbi().useTransaction(h -> {
                h.createUpdate("delete from article where id = :id").bind("id", copyId).execute();
                ArticleStore.recordChange(h, copyId, Instant.now());
            });
            site.site().settle();
        }
    }

    @Test
    void publishEditAndDeleteAreSearchableAtOnce() throws Exception {
        Submission story = new Submission("quokka-census", "Quokka Census Finds Thriving Colony", null,
                "Rangers counted the marsupials over a week.", "Science", List.of("Wildlife"), List.of("Jonas Weir"),
                null, null, null, Instant.parse("2026-11-20T10:00:00Z"), "en", null);
        site.site().publish(story);
        assertThat(headlines(search("quokka"))).containsExactly("Quokka Census Finds Thriving Colony");

        site.site().publish(new Submission("quokka-census", "Wallaby Census Finds Thriving Colony", null,
                story.bodyMarkdown(), "Science", List.of("Wildlife"), List.of("Jonas Weir"),
                null, null, null, story.published(), "en", null));
        assertThat(headlines(search("wallaby"))).containsExactly("Wallaby Census Finds Thriving Colony");
        assertThat(headlines(search("quokka"))).isEmpty();

        long id = site.site().articles().bySlug("quokka-census").orElseThrow().id();
        site.site().articles().jdbi().useTransaction(h -> {
            h.createUpdate("delete from article where id = :id").bind("id", id).execute();
            ArticleStore.recordChange(h, id, Instant.now());
        });
        site.site().settle();
        assertThat(headlines(search("wallaby"))).isEmpty();
        assertThat(site.get("/search/suggest?q=wallab").body()).doesNotContain("Wallaby");
    }
}
