package org.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gazette.support.SampleSite;
import org.junit.jupiter.api.Test;

class ArticleApiHttpTest extends SampleSite {

    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode get(String path, int status) throws Exception {
        var response = site.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void listsTheLatestArticlesNewestFirstInPages() throws Exception {
        JsonNode first = get("/api/articles", 200);
        assertThat(first.get("articles")).hasSize(15);
        assertThat(first.get("next").isNull()).isTrue();
        JsonNode lead = first.get("articles").get(0);
        assertThat(lead.get("headline").asText()).startsWith("Forgotten Logbooks");
        assertThat(lead.get("url").asText()).startsWith(site.baseUrl() + "/articles/");
        assertThat(lead.get("image").get("url").asText()).isEqualTo(site.baseUrl() + "/assets/sample/comet-archive.svg");
        assertThat(lead.has("bodyHtml")).isFalse();
    }

    @Test
    void oneArticleCarriesItsBodyAndByline() throws Exception {
        JsonNode article = get("/api/articles/castrane-begins-filling-halden-reservoir-drawing-sharp-protest-from-veloria", 200);
        assertThat(article.get("byline").get("source").asText()).isEqualTo("Meridian Wire");
        assertThat(article.get("byline").get("originalUrl").asText()).startsWith("https://");
        assertThat(article.get("bodyHtml").asText()).contains("<p>");
        assertThat(article.get("published").asText()).isEqualTo("2026-09-07T14:10:00Z");
        assertThat(get("/api/articles/no-such-story", 404).get("error").asText()).isEqualTo("not found");
    }

    @Test
    void searchReturnsRankedResultsWithSnippets() throws Exception {
        JsonNode found = get("/api/search?q=Castelmar+strike", 200);
        assertThat(found.get("total").asLong()).isGreaterThan(1);
        assertThat(found.get("results").get(0).get("snippetHtml").asText()).contains("<mark>");
    }
}
