package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reader types, as the query builder understands it. */
class QueryBuilderTest {

    final QueryBuilder builder = new QueryBuilder(new NewsAnalyzer.PerField(), NewsAnalyzer.LANGUAGES);

    @Test
    void wordsPhrasesExclusionsAndAlternatives() {
        QueryBuilder.Parsed parsed = QueryBuilder.parse("water \"Sarn delta\" -Castrane Brennerman OR Oduya NOT strike");
        assertThat(parsed.required()).containsExactly(
                List.of(new QueryBuilder.Clause("water", false, false)),
                List.of(new QueryBuilder.Clause("Sarn delta", true, false)),
                List.of(new QueryBuilder.Clause("Brennerman", false, false), new QueryBuilder.Clause("Oduya", false, false)));
        assertThat(parsed.excluded()).containsExactly(new QueryBuilder.Clause("Castrane", false, true),
                new QueryBuilder.Clause("strike", false, true));
        assertThat(parsed.isPlain()).isFalse();
        assertThat(QueryBuilder.parse("sarn river dam").isPlain()).isTrue();
    }

    @Test
    void strayQuotesAndQueryParserSyntaxAreJustText() {
        assertThat(QueryBuilder.parse("\"unfinished phrase").required())
                .containsExactly(List.of(new QueryBuilder.Clause("unfinished phrase", true, false)));
        QueryBuilder.Parsed odd = QueryBuilder.parse("headline:dam title~2 (a OR");
        assertThat(odd.words()).containsExactly("headline:dam", "title~2", "(a");
        assertThat(builder.build(odd)).isNotNull();
        assertThat(builder.build(QueryBuilder.parse("OR - \"\""))).isNull();
    }

    @Test
    void stopWordsAloneSearchNothingButCountInsideARealQuery() {
        assertThat(builder.build(QueryBuilder.parse("the"))).isNull();
        assertThat(builder.build(QueryBuilder.parse("de la"))).isNull();
        assertThat(builder.build(QueryBuilder.parse("the dam"))).isNotNull();
        // Excluding alone means "everything but".
        assertThat(builder.build(QueryBuilder.parse("-dam")).toString()).contains("*:*");
    }

    @Test
    void aWordIsLookedForInEveryLanguagesOwnFields() {
        String query = builder.build(QueryBuilder.parse("acuerdos")).toString();
        assertThat(query).contains("body.es:acuerd").contains("body.en:acuerdo").contains("(headline.en:acuerdo)^4.0");
    }
}
