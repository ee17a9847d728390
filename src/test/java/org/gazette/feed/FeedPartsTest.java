package org.gazette.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.gazette.support.SecureXml;
import org.junit.jupiter.api.Test;

/** The small parts feeds rely on: absolute URLs, XML-safe text, Accept-Encoding and validator matching. */
class FeedPartsTest {

    private final AbsoluteUrls urls = new AbsoluteUrls("https://news.example.com");

    @Test
    void relativeAddressesBecomeAbsoluteAndOthersStayAsTheyAre() {
        assertThat(urls.of("/articles/a")).isEqualTo("https://news.example.com/articles/a");
        assertThat(urls.of("tag/x?page=2")).isEqualTo("https://news.example.com/tag/x?page=2");
        assertThat(urls.of("https://other.example.org/p")).isEqualTo("https://other.example.org/p");
        assertThat(urls.of("mailto:desk@example.com")).isEqualTo("mailto:desk@example.com");
        assertThat(urls.of("//cdn.example.net/i.png")).isEqualTo("https://cdn.example.net/i.png");
        assertThat(urls.inHtml("<p><a href=\"/a?x=1&amp;y=2\">A</a> <img src=\"/i.png\" alt=\"\"> <a href=\"#n\">n</a></p>"))
                .isEqualTo("<p><a href=\"https://news.example.com/a?x=1&amp;y=2\">A</a> "
                        + "<img src=\"https://news.example.com/i.png\" alt=\"\"> <a href=\"https://news.example.com/#n\">n</a></p>");
    }

    @Test
    void theTestsReadFeedsWithDoctypesAndExternalEntitiesRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><link>http://a/</link><description>d</description></channel></rss>";
        assertThatThrownBy(() -> SecureXml.feed(xxe)).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> SecureXml.dom(xxe)).hasMessageContaining("DOCTYPE");
    }

    @Test
    void xmlTextDropsOnlyWhatXmlForbids() {
        assertThat(XmlText.clean("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg")).isEqualTo("abcdefg");
        assertThat(XmlText.clean("tab\tnew\nline\r 🎉 שלום ]]> &<>\"'")).isEqualTo("tab\tnew\nline\r 🎉 שלום ]]> &<>\"'");
        assertThat(XmlText.clean("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
    }

    @Test
    void gzipIsUsedOnlyWhenAcceptedWithNonZeroQuality() {
        assertThat(ConditionalGet.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(ConditionalGet.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(ConditionalGet.acceptsGzip("x-gzip")).isTrue();
        assertThat(ConditionalGet.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ConditionalGet.acceptsGzip("gzip; q=0.0")).isFalse();
        assertThat(ConditionalGet.acceptsGzip("identity")).isFalse();
        assertThat(ConditionalGet.acceptsGzip(null)).isFalse();
    }

    @Test
    void validatorsMatchAsRfc9110Says() {
        Representation rep = Representation.of("text/plain", "body", Instant.parse("2026-11-01T10:00:00.750Z"));
        assertThat(rep.lastModified()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(rep.etag()).isEqualTo(Representation.of("text/plain", "body", Instant.EPOCH).etag());
        assertThat(rep.etag()).isNotEqualTo(Representation.of("text/plain", "body!", Instant.EPOCH).etag());
        assertThat(ConditionalGet.notModified(rep.etag(), null, rep)).isTrue();
        assertThat(ConditionalGet.notModified(rep.gzipEtag(), null, rep)).isTrue();
        assertThat(ConditionalGet.notModified("\"x\"", "Sun, 01 Nov 2026 10:00:00 GMT", rep)).isFalse();
        assertThat(ConditionalGet.notModified(null, "Sun, 01 Nov 2026 10:00:00 GMT", rep)).isTrue();
        assertThat(ConditionalGet.notModified(null, "Sun, 01 Nov 2026 09:59:59 GMT", rep)).isFalse();
        assertThat(ConditionalGet.notModified(null, "yesterday", rep)).isFalse();
        assertThat(ConditionalGet.notModified(null, null, rep)).isFalse();
    }
}
