package org.gazette.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void foldsAccentsAndPunctuation() {
        assertThat(Slugs.of("Iraq's Shia Militia 'Must Go Home', Says Tillerson"))
                .isEqualTo("iraq-s-shia-militia-must-go-home-says-tillerson");
        assertThat(Slugs.of("Acuerdo sobre el río Sarn: ¿y ahora?")).isEqualTo("acuerdo-sobre-el-rio-sarn-y-ahora");
        assertThat(Slugs.of("!!!")).isEqualTo("untitled");
    }

    @Test
    void longHeadlinesAreCutAtAWord() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
        assertThat(Slugs.isValid(slug)).isTrue();
        assertThat(Slugs.isValid("Bad Slug")).isFalse();
    }
}
