package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/** Which queries may be counted by reading their terms' postings into a bit set. */
class AnyTermTest {

    private static final Term DAM = new Term("body.en", "dam");
    private static final Term RIVER = new Term("match.en", "dam");

    @Test
    void aDisjunctionOfTermsHowEverWrappedIsItsTerms() {
        var any = new BooleanQuery.Builder().add(new TermQuery(DAM), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(RIVER), 2f), Occur.SHOULD).build();
        assertThat(AnyTerm.of(new ConstantScoreQuery(any))).containsExactly(DAM, RIVER);
        assertThat(AnyTerm.of(new BooleanQuery.Builder().add(any, Occur.MUST).build())).containsExactly(DAM, RIVER);
        assertThat(AnyTerm.of(new TermQuery(DAM))).containsExactly(DAM);
    }

    @Test
    void anythingElseIsLeftToLucene() {
        var both = new BooleanQuery.Builder().add(new TermQuery(DAM), Occur.MUST).add(new TermQuery(RIVER), Occur.MUST).build();
        var without = new BooleanQuery.Builder().add(new TermQuery(DAM), Occur.SHOULD).add(new TermQuery(RIVER), Occur.MUST_NOT).build();
        // One required clause and a minimum of one optional one: Lucene matches nothing here.
        var atLeastOne = new BooleanQuery.Builder().add(new TermQuery(DAM), Occur.MUST).setMinimumNumberShouldMatch(1).build();
        var phrase = new BooleanQuery.Builder().add(new PhraseQuery("body.en", "sarn", "dam"), Occur.SHOULD).build();
        assertThat(AnyTerm.of(both)).isNull();
        assertThat(AnyTerm.of(without)).isNull();
        assertThat(AnyTerm.of(atLeastOne)).isNull();
        assertThat(AnyTerm.of(phrase)).isNull();
    }
}
