package org.gazette.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArticleFileTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final ArticleFile file = new ArticleFile("story.md", "en", ZoneId.of("Europe/Madrid"));

    @Test
    void readsAStaffArticle() throws Exception {
        Submission s = file.parse("""
                ---
                headline: "Flood Barrier Passes Its First Winter Test"
                deck: Engineers say the gates held.
                authors: [Ana Ruiz, "Tom O'Neill"]
                section: Science
                tags: [Floods, Engineering]
                published: 2026-10-23T09:30:00-03:00
                image: /assets/sample/barrier.svg
                image_alt: The barrier's gates closed across the estuary
                image_caption: Photo by the port authority
                ---
                The gates **closed** at dawn.
                """, NOW);
        assertThat(s.headline()).isEqualTo("Flood Barrier Passes Its First Winter Test");
        assertThat(s.slug()).isEqualTo("flood-barrier-passes-its-first-winter-test");
        assertThat(s.deck()).isEqualTo("Engineers say the gates held.");
        assertThat(s.authors()).containsExactly("Ana Ruiz", "Tom O'Neill");
        assertThat(s.source()).isNull();
        assertThat(s.tags()).containsExactly("Floods", "Engineering");
        assertThat(s.published()).isEqualTo(Instant.parse("2026-10-23T12:30:00Z"));
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.image().alt()).isEqualTo("The barrier's gates closed across the estuary");
        assertThat(s.bodyMarkdown()).isEqualTo("The gates **closed** at dawn.");
    }

    @Test
    void readsARepublishedArticleWithItsSource() throws Exception {
        Submission s = file.parse("""
                ---
                headline: Partner Story
                source: Harbor Dispatch
                source_url: https://harbor.example.com/
                original_url: https://harbor.example.com/2026/partner-story
                section: World
                slug: partner-story-2026
                language: es
                published: 2026-10-23
                ---
                Body.
                """, NOW);
        assertThat(s.source()).isEqualTo("Harbor Dispatch");
        assertThat(s.sourceUrl()).isEqualTo("https://harbor.example.com/");
        assertThat(s.originalUrl()).isEqualTo("https://harbor.example.com/2026/partner-story");
        assertThat(s.authors()).isEmpty();
        assertThat(s.slug()).isEqualTo("partner-story-2026");
        assertThat(s.language()).isEqualTo("es");
        // A bare date means midnight in the site's time zone.
        assertThat(s.published()).isEqualTo(Instant.parse("2026-10-22T22:00:00Z"));
    }

    @Test
    void withoutAPublishedDateTheArticleGoesOutNow() throws Exception {
        Submission s = file.parse("---\nheadline: Now\nauthors: [A]\nsection: World\n---\nText\n", NOW);
        assertThat(s.published()).isEqualTo(NOW);
    }

    @Test
    void missingHeadlineIsRefusedWithFileLineAndReason() {
        assertThatThrownBy(() -> file.parse("---\ndeck: No headline here\nauthors: [A]\nsection: World\n---\nText\n", NOW))
                .isInstanceOf(ArticleFileException.class)
                .hasMessage("story.md:1: the headline is missing");
    }

    @Test
    void unknownFieldIsRefusedOnItsLine() {
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nauthors: [A]\nsection: World\nsubtitle: oops\n---\nText\n", NOW))
                .isInstanceOf(ArticleFileException.class)
                .hasMessageStartingWith("story.md:5: unknown field 'subtitle'");
    }

    @Test
    void badDateIsRefusedOnItsLine() {
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nauthors: [A]\nsection: World\n\npublished: 23/10/2017\n---\nText\n", NOW))
                .isInstanceOf(ArticleFileException.class)
                .hasMessage("story.md:6: '23/10/2017' is not an ISO-8601 date such as 2026-10-23T09:30:00-03:00");
    }

    @Test
    void otherMistakesAreExplained() {
        assertThatThrownBy(() -> file.parse("headline: H\n", NOW)).hasMessageContaining("must start with a front-matter block");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\n", NOW)).hasMessageContaining("never closed");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nsection: World\n---\nText", NOW)).hasMessageContaining("byline is missing");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nauthors: [A]\nsource: B\nsection: World\n---\nText", NOW))
                .hasMessage("story.md:4: give either 'authors' or 'source', not both");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nauthors: [A]\nsection: World\n---\n", NOW)).hasMessageContaining("no body");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nauthors: [A]\nsection: World\nslug: Not A Slug\n---\nT", NOW))
                .hasMessageContaining("story.md:5: the slug");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nauthors: [A]\nsection: World\nimage: /a.png\n---\nT", NOW))
                .hasMessageContaining("image_alt");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nsource: S\noriginal_url: javascript:alert(1)\nsection: World\n---\nT", NOW))
                .hasMessageContaining("story.md:4: 'original_url' must be an http(s) address");
        assertThatThrownBy(() -> file.parse("---\nheadline: [unclosed\n---\nT", NOW))
                .hasMessageStartingWith("story.md:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> file.parse("---\nheadline: H\nheadline: H2\nauthors: [A]\nsection: World\n---\nT", NOW))
                .hasMessageContaining("story.md:3");
    }
}
