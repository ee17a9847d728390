package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every feed format Gazette reads, and the input it must refuse, with the words it refuses it in. */
class FeedParserTest {

    private final FeedParser parser = new FeedParser(1000);

    private ParsedFeed parse(String resource, String contentType) throws FeedProblem {
        return parser.parse(FeedServer.read(resource), contentType);
    }

    @Test
    void readsRss2WithContentMediaAndEnclosures() throws Exception {
        ParsedFeed feed = parse("rss2.xml", "application/rss+xml");
        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Andes Wire");
        assertThat(feed.link()).isEqualTo("https://andes-wire.example/");
        assertThat(feed.items()).hasSize(3);
        FeedItem first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("aw-1001");
        assertThat(first.title()).isEqualTo("Highland Farmers Rebuild Terraces After Record Floods");
        assertThat(first.contentHtml()).contains("ancient terraces");
        assertThat(first.summaryHtml()).contains("restoring stone terraces");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-11-24T09:15:00Z"));
        assertThat(first.images()).extracting(FeedItem.MediaImage::url).containsExactly("https://andes-wire.example/img/terraces.jpg");
        assertThat(first.images().get(0).description()).isEqualTo("Stone terraces above the river valley");
        assertThat(feed.items().get(1).published()).isEqualTo(Instant.parse("2026-11-23T23:40:00Z"));
        // "EST" is not RFC 822 as Java reads it; the lenient reader still gets the time right.
        assertThat(feed.items().get(2).published()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
        assertThat(feed.items().get(2).images()).extracting(FeedItem.MediaImage::url).containsExactly("https://andes-wire.example/img/lake.png");
    }

    @Test
    void readsRss1() throws Exception {
        ParsedFeed feed = parse("rss1.xml", "application/rdf+xml");
        assertThat(feed.format()).isEqualTo("rss_1.0");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.guid()).isEqualTo("https://coastal-times.example/2026/11/harbour-dredging");
            assertThat(item.link()).isEqualTo("https://coastal-times.example/2026/11/harbour-dredging");
            assertThat(item.published()).isEqualTo(Instant.parse("2026-11-19T09:30:00Z"));
        });
    }

    @Test
    void readsAtomKeepingPlainTextAsText() throws Exception {
        ParsedFeed feed = parse("atom.xml", "application/atom+xml");
        assertThat(feed.format()).startsWith("atom");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(0).title()).isEqualTo("Ice Road Opens Early & Traffic Surges");
        assertThat(feed.items().get(0).guid()).isEqualTo("tag:ledger.example,2026:ice-road");
        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        FeedItem plain = feed.items().get(1);
        assertThat(plain.contentHtml()).contains("&lt;script&gt;").doesNotContain("<script>").contains("<p>A second paragraph");
        assertThat(plain.published()).isEqualTo(Instant.parse("2026-11-19T08:00:00Z"));
    }

    @Test
    void readsJsonFeedSkippingItemsThatAreNotObjects() throws Exception {
        ParsedFeed feed = parse("feed.json", "application/feed+json");
        assertThat(feed.format()).isEqualTo("json");
        assertThat(feed.link()).isEqualTo("https://delta-daily.example/");
        assertThat(feed.items()).hasSize(3);
        FeedItem rice = feed.items().get(0);
        assertThat(rice.guid()).isEqualTo("dd-77");
        assertThat(rice.published()).isEqualTo(Instant.parse("2026-11-20T23:00:00Z"));
        assertThat(rice.images()).extracting(FeedItem.MediaImage::url).containsExactly("https://delta-daily.example/img/rice.jpg");
        FeedItem ferry = feed.items().get(1);
        assertThat(ferry.guid()).isEqualTo("78");
        assertThat(ferry.contentHtml()).contains("<p>The river ferries").contains("<p>The first crossing");
        assertThat(ferry.published()).isNull();
        assertThat(ferry.rawDate()).isEqualTo("next Tuesday, probably");
    }

    @Test
    void detectsEncodingFromPrologAndByteOrderMark() throws Exception {
        assertThat(parse("iso-8859-1.xml", "application/rss+xml").items().get(0).title())
                .isEqualTo("Año récord para la cosecha de café en la región");
        assertThat(parse("utf-16-bom.xml", null).items().get(0).title()).isEqualTo("Zürich Trams Run All Night");
        byte[] latin = "<rss version=\"2.0\"><channel><title>Caf\u00e9</title><link>https://x.example/</link><description>d</description></channel></rss>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(latin, "text/xml; charset=ISO-8859-1").title()).isEqualTo("Café");
    }

    @Test
    void refusesBillionLaughsAndExternalEntitiesBeforeParsing() {
        for (String hostile : new String[] {"billion-laughs.xml", "xxe.xml", "xxe-late-doctype.xml"}) {
            assertThatThrownBy(() -> parse(hostile, "application/rss+xml")).as(hostile)
                    .isInstanceOf(FeedProblem.class).hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void theXmlParserItselfRefusesADoctypeThePrologCheckMissed() {
        // A DOCTYPE after the root element start is not valid XML; the secure parser refuses whatever slips past.
        String sneaky = "<rss version=\"2.0\"><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><channel><title>&e;</title></channel></rss>";
        assertThatThrownBy(() -> parser.parse(sneaky.getBytes(StandardCharsets.UTF_8), "text/xml"))
                .isInstanceOf(FeedProblem.class).hasMessageNotContaining("root:");
    }

    @Test
    void refusesAWebPageAndPointsAtTheFeedItAdvertises() {
        assertThatThrownBy(() -> parse("html-page.html", "text/html; charset=utf-8"))
                .isInstanceOf(FeedProblem.class)
                .hasMessageContaining("web page (HTML), not a feed")
                .hasMessageContaining("https://andes-wire.example/rss.xml");
    }

    @Test
    void refusesWrongContentTypesMalformedXmlAndEmptyBodies() {
        assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png"))
                .hasMessage("The address returned image/png, not a feed");
        assertThatThrownBy(() -> parse("malformed.xml", "application/rss+xml")).hasMessageStartingWith("The feed is not well-formed XML");
        assertThatThrownBy(() -> parser.parse(new byte[0], "application/rss+xml")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse("Just some words".getBytes(StandardCharsets.UTF_8), "text/plain"))
                .hasMessageContaining("neither XML nor JSON");
        assertThatThrownBy(() -> parser.parse("<config><a/></config>".getBytes(StandardCharsets.UTF_8), "text/xml"))
                .hasMessageContaining("root element is <config>");
        assertThatThrownBy(() -> parser.parse("{\"name\": 1}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> parser.parse("{\"items\": [".getBytes(StandardCharsets.UTF_8), "application/json"))
                .hasMessageStartingWith("The JSON is malformed");
    }

    @Test
    void aFeedOfTenThousandItemsIsCutToTheLimitAndSaysSo() throws Exception {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Big</title><link>https://big.example/</link><description>d</description>");
        for (int i = 0; i < 10_000; i++) {
            xml.append("<item><title>Item ").append(i).append("</title><link>https://big.example/").append(i).append("</link></item>");
        }
        xml.append("</channel></rss>");
        ParsedFeed feed = new FeedParser(500).parse(xml.toString().getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        assertThat(feed.items()).hasSize(500);
        assertThat(feed.skipped()).isEqualTo(9_500);
        assertThat(feed.items().get(499).title()).isEqualTo("Item 499");
    }

    @Test
    void itemsWithoutLinksDatesOrTitlesStillParse() throws Exception {
        ParsedFeed feed = parse("no-links-no-dates.xml", "application/rss+xml");
        assertThat(feed.items()).hasSize(3);
        assertThat(feed.items().get(0).link()).isNull();
        assertThat(feed.items().get(0).published()).isNull();
        assertThat(feed.items().get(1).title()).isNull();
        assertThat(feed.items().get(1).rawDate()).isEqualTo("the day before yesterday");
    }

    @Test
    void htmlEntitiesThatXmlDoesNotKnowAreHealed() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Caf&eacute;&nbsp;Wire</title><link>https://x.example/</link>"
                + "<description>d</description></channel></rss>";
        assertThat(parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml").title()).isEqualTo("Café Wire");
    }
}
