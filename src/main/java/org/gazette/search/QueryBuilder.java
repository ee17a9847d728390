package org.gazette.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what a reader types into a Lucene query: words must all match (in any field, weighted
 * headline first), "quoted phrases" match as phrases, {@code -word} excludes, {@code OR} offers
 * alternatives. Nothing a reader types is an error: any other punctuation is just text.
 */
final class QueryBuilder {

    private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");
    /** An exact headline match outranks anything a recency boost can add. */
    private static final float HEADLINE_PHRASE_BOOST = 3f;

    /** One thing the reader typed: a word or a phrase, maybe excluded. */
    record Clause(String text, boolean phrase, boolean excluded) {
    }

    /** The reader's query understood: groups of alternatives that must all match, and exclusions. */
    record Parsed(List<List<Clause>> required, List<Clause> excluded) {

        boolean isEmpty() {
            return required.isEmpty() && excluded.isEmpty();
        }

        /** The plain words, for spelling correction and the headline bonus. */
        List<String> words() {
            List<String> words = new ArrayList<>();
            required.forEach(group -> group.forEach(c -> words.add(c.text())));
            return words;
        }

        boolean isPlain() {
            return excluded.isEmpty() && required.stream().allMatch(g -> g.size() == 1 && !g.get(0).phrase());
        }
    }

    private final List<String> languages;
    private final org.apache.lucene.util.QueryBuilder lucene;

    QueryBuilder(Analyzer analyzer, List<String> languages) {
        this.languages = languages;
        this.lucene = new org.apache.lucene.util.QueryBuilder(analyzer);
    }

    static Parsed parse(String text) {
        List<List<Clause>> required = new ArrayList<>();
        List<Clause> excluded = new ArrayList<>();
        boolean or = false;
        boolean not = false;
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            Clause clause;
            if (m.group(2) != null) {
                clause = new Clause(m.group(2).strip(), true, !m.group(1).isEmpty() || not);
            } else {
                String word = m.group(3);
                if (word.equals("OR")) {
                    or = !required.isEmpty();
                    continue;
                }
                if (word.equals("AND")) {
                    continue;
                }
                if (word.equals("NOT")) {
                    not = true;
                    continue;
                }
                boolean minus = word.length() > 1 && word.startsWith("-");
                String bare = minus || (word.length() > 1 && word.startsWith("+")) ? word.substring(1) : word;
                clause = new Clause(bare, false, minus || not);
            }
            not = false;
            if (clause.text().isEmpty()) {
                continue;
            }
            if (clause.excluded()) {
                excluded.add(clause);
            } else if (or) {
                required.get(required.size() - 1).add(clause);
            } else {
                List<Clause> group = new ArrayList<>();
                group.add(clause);
                required.add(group);
            }
            or = false;
        }
        return new Parsed(required, excluded);
    }

    /** All required groups must match; null when nothing searchable was typed (only stop words, say). */
    Query build(Parsed parsed) {
        return build(parsed, this::clause);
    }

    /**
     * Exactly the articles {@link #build} matches, in a form that is cheap to run to the last match
     * (for the total and the facet counts) but cannot rank: null when {@link #build} is null.
     */
    Query counting(Parsed parsed) {
        return build(parsed, this::countingClause);
    }

    /** Exactly the articles {@link #relaxed} matches, cheap to count like {@link #counting}. */
    Query relaxedCounting(Parsed parsed) {
        return relaxed(parsed, this::countingClause);
    }

    /**
     * What to mark in headlines and snippets: any of the wanted words and phrases, in the two
     * highlighted fields only (the page's hits already match the whole query). With no wanted words
     * ({@code -dam} alone) nothing is marked and the highlighter falls back to a body's opening.
     */
    Query highlighting(Parsed parsed) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int added = 0;
        for (List<Clause> group : parsed.required()) {
            for (Clause clause : group) {
                for (String lang : languages) {
                    for (String name : List.of(IndexFields.HEADLINE, IndexFields.BODY)) {
                        Query q = lucene.createPhraseQuery(IndexFields.field(name, lang), clause.text());
                        if (q != null) {
                            b.add(q, Occur.SHOULD);
                            added++;
                        }
                    }
                }
            }
        }
        return added == 0 ? new MatchAllDocsQuery() : b.build();
    }

    private Query build(Parsed parsed, Function<Clause, Query> clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int musts = 0;
        boolean meaningful = false;
        for (List<Clause> group : parsed.required()) {
            Query q = group(group, clauses);
            if (q != null) {
                b.add(q, Occur.MUST);
                musts++;
                // "the" alone is a stop word in English: it must not match every English article.
                meaningful |= group.stream().anyMatch(c -> !isStopWordSomewhere(c.text()));
            }
        }
        if (musts > 0 && !meaningful) {
            return null;
        }
        for (Clause clause : parsed.excluded()) {
            Query q = clauses.apply(clause);
            if (q != null) {
                b.add(q, Occur.MUST_NOT);
            }
        }
        if (musts == 0) {
            if (parsed.excluded().isEmpty()) {
                return null;
            }
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    /** A looser query for when the strict one finds nothing: most of the words, in any field. */
    Query relaxed(Parsed parsed) {
        return relaxed(parsed, this::clause);
    }

    private Query relaxed(Parsed parsed, Function<Clause, Query> kind) {
        List<Query> clauses = new ArrayList<>();
        for (List<Clause> group : parsed.required()) {
            Query q = group(group, kind);
            if (q != null) {
                clauses.add(q);
            }
        }
        if (clauses.size() < 2) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(q -> b.add(q, Occur.SHOULD));
        b.setMinimumNumberShouldMatch(clauses.size() >= 3 ? clauses.size() - 1 : 1);
        for (Clause clause : parsed.excluded()) {
            Query q = kind.apply(clause);
            if (q != null) {
                b.add(q, Occur.MUST_NOT);
            }
        }
        return b.build();
    }

    /**
     * How results are ranked: {@code matching}, plus a few points for recent stories (added while
     * collecting, see {@link RecencyRanking}), plus a bonus when the words appear as a phrase in a
     * headline.
     *
     * <p>Lucene finds the top hits of a flat "all of" or "any of" query fastest, skipping documents
     * that cannot make the page; an optional clause on top ("must + should") makes it score every
     * match. So the ranking is given as {@code main} ({@code matching} itself) and, when a headline
     * bonus applies, {@code withBonus}: the same restricted to the headline phrase, with the bonus
     * added. The top hits of the two, merged (a document in both keeps its higher score), are
     * exactly the top hits of the whole sum: a story with the bonus ranks among the others with the
     * bonus by its full score, and one without ranks among all by the score it has in {@code main}.
     */
    record Ranking(Query main, Query withBonus) {
    }

    Ranking ranking(Query matching, Parsed parsed) {
        Query bonus = parsed.isPlain() && parsed.words().size() >= 2 ? headlineBonus(String.join(" ", parsed.words())) : null;
        if (bonus == null) {
            return new Ranking(matching, null);
        }
        BooleanQuery.Builder withBonus = new BooleanQuery.Builder();
        List<BooleanClause> flat = flatClauses(matching);
        if (flat != null) {
            flat.forEach(withBonus::add);
        } else {
            withBonus.add(matching, Occur.MUST);
        }
        return new Ranking(matching, withBonus.add(bonus, Occur.MUST).build());
    }

    /** The clauses of a plain "all of" query (musts and must-nots), else null. */
    private static List<BooleanClause> flatClauses(Query q) {
        if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0
                && bq.clauses().stream().allMatch(c -> c.getOccur() == Occur.MUST || c.getOccur() == Occur.MUST_NOT)) {
            return bq.clauses();
        }
        return null;
    }

    /** An exact headline match outranks anything a recency boost can add; null if no language keeps the words. */
    private Query headlineBonus(String phrase) {
        BooleanQuery.Builder bonus = new BooleanQuery.Builder();
        int added = 0;
        for (String lang : languages) {
            Query q = lucene.createPhraseQuery(IndexFields.field(IndexFields.HEADLINE, lang), phrase);
            if (q != null) {
                bonus.add(q, Occur.SHOULD);
                added++;
            }
        }
        return added == 0 ? null : new BoostQuery(bonus.build(), HEADLINE_PHRASE_BOOST);
    }

    private Query group(List<Clause> group, Function<Clause, Query> clauses) {
        if (group.size() == 1) {
            return clauses.apply(group.get(0));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int added = 0;
        for (Clause clause : group) {
            Query q = clauses.apply(clause);
            if (q != null) {
                b.add(q, Occur.SHOULD);
                added++;
            }
        }
        return added == 0 ? null : b.build();
    }

    /**
     * One word or phrase across every field of every language. Where a language drops it as a stop
     * word ("de" in Spanish), articles in that language pass this clause without it.
     */
    Query clause(Clause clause) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int real = 0;
        List<String> dropping = new ArrayList<>();
        for (String lang : languages) {
            int before = real;
            for (IndexFields.Weighted f : IndexFields.TEXT_FIELDS) {
                Query q = lucene.createPhraseQuery(IndexFields.field(f.name(), lang), clause.text());
                if (q != null) {
                    b.add(new BoostQuery(q, f.boost()), Occur.SHOULD);
                    real++;
                }
            }
            if (real == before) {
                dropping.add(lang);
            }
        }
        Query byline = lucene.createPhraseQuery(IndexFields.BYLINE, clause.text());
        if (byline != null) {
            b.add(new BoostQuery(byline, IndexFields.BYLINE_WEIGHT), Occur.SHOULD);
        }
        if (real == 0) {
            return null;
        }
        for (String lang : dropping) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexFields.LANGUAGE, lang))), 0f), Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * The articles {@link #clause} matches, found through each language's catch-all field and its
     * body: two terms per language instead of one per field. A clause that analyzes to several words
     * (a phrase, or "covid-19") needs positions, which the catch-all field does not keep: then it is
     * {@link #clause} itself.
     */
    Query countingClause(Clause clause) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int real = 0;
        List<String> dropping = new ArrayList<>();
        for (String lang : languages) {
            Query q = lucene.createPhraseQuery(IndexFields.field(IndexFields.MATCH, lang), clause.text());
            if (q == null) {
                dropping.add(lang);
            } else if (q instanceof TermQuery term) {
                b.add(q, Occur.SHOULD);
                b.add(new TermQuery(new Term(IndexFields.field(IndexFields.BODY, lang), term.getTerm().bytes())), Occur.SHOULD);
                real++;
            } else {
                return clause(clause);
            }
        }
        if (real == 0) {
            return null;
        }
        Query byline = lucene.createPhraseQuery(IndexFields.BYLINE, clause.text());
        if (byline != null) {
            b.add(byline, Occur.SHOULD);
        }
        for (String lang : dropping) {
            b.add(new TermQuery(new Term(IndexFields.LANGUAGE, lang)), Occur.SHOULD);
        }
        return b.build();
    }

    /** True when some language's analysis drops {@code text} entirely. */
    private boolean isStopWordSomewhere(String text) {
        for (String lang : languages) {
            if (lucene.createPhraseQuery(IndexFields.field(IndexFields.BODY, lang), text) == null) {
                return true;
            }
        }
        return false;
    }
}
