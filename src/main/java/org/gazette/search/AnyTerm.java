package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;

/**
 * The matches of a query that asks for any of a few terms (what counting one word comes down to)
 * gathered by reading each term's postings straight into a bit set. Lucene's disjunction scorer
 * would walk the same postings through windows and a collector call per match: with a word found
 * in most articles that was a third of counting.
 */
final class AnyTerm {

    private AnyTerm() {
    }

    /** The terms when {@code query} matches exactly the documents holding any of them; null otherwise. */
    static List<Term> of(Query query) {
        Query q = unwrap(query);
        if (q instanceof TermQuery term) {
            return List.of(term.getTerm());
        }
        if (!(q instanceof BooleanQuery bool) || bool.getMinimumNumberShouldMatch() > 0) {
            return null;
        }
        List<BooleanClause> clauses = bool.clauses();
        if (clauses.size() == 1 && (clauses.get(0).getOccur() == BooleanClause.Occur.MUST
                || clauses.get(0).getOccur() == BooleanClause.Occur.FILTER)) {
            return of(clauses.get(0).getQuery());
        }
        List<Term> terms = new ArrayList<>();
        for (BooleanClause clause : clauses) {
            if (clause.getOccur() != BooleanClause.Occur.SHOULD || !(unwrap(clause.getQuery()) instanceof TermQuery term)) {
                return null;
            }
            terms.add(term.getTerm());
        }
        return terms.isEmpty() ? null : terms;
    }

    private static Query unwrap(Query query) {
        Query q = query;
        while (true) {
            if (q instanceof ConstantScoreQuery constant) {
                q = constant.getQuery();
            } else if (q instanceof BoostQuery boost) {
                q = boost.getQuery();
            } else {
                return q;
            }
        }
    }

    /** Every document (live or not) of {@code reader} holding one of {@code terms}. */
    static FixedBitSet matches(List<Term> terms, LeafReader reader) throws IOException {
        FixedBitSet hits = new FixedBitSet(reader.maxDoc());
        TermsEnum inField = null;
        String field = null;
        for (Term term : terms) {
            if (!term.field().equals(field)) {
                field = term.field();
                Terms fieldTerms = reader.terms(field);
                inField = fieldTerms == null ? null : fieldTerms.iterator();
            }
            if (inField != null && inField.seekExact(term.bytes())) {
                hits.or(inField.postings(null, PostingsEnum.NONE));
            }
        }
        return hits;
    }
}
