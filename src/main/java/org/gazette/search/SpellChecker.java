package org.gazette.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": words of a query that no article contains are replaced by the closest word
 * the index does contain (within two typing mistakes), drawing only on the site's own vocabulary.
 */
final class SpellChecker {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    /** One typing mistake is the common case and cheap to look for; two only when one finds nothing. */
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    private final Analyzer analyzer;

    SpellChecker(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(3);
        checker.setMaxEdits(edits);
        checker.setAccuracy(0.6f);
        return checker;
    }

    /** The query with unknown words corrected, or null when every word is known or none can be corrected. */
    String correct(String query, IndexReader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(query);
        int last = 0;
        boolean changed = false;
        while (m.find()) {
            out.append(query, last, m.start());
            String word = m.group();
            String replacement = word.equals("OR") || word.equals("AND") || word.equals("NOT") ? null : suggest(word, reader);
            if (replacement != null) {
                out.append(replacement);
                changed = true;
            } else {
                out.append(word);
            }
            last = m.end();
        }
        out.append(query.substring(last));
        return changed ? out.toString() : null;
    }

    private String suggest(String word, IndexReader reader) throws IOException {
        List<String> terms = terms(word);
        if (terms.size() != 1 || terms.get(0).chars().anyMatch(Character::isDigit)) {
            return null;
        }
        Term term = new Term(IndexFields.SPELL, terms.get(0));
        if (reader.docFreq(term) > 0) {
            return null;
        }
        SuggestWord[] best = oneEdit.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (best.length == 0) {
            best = twoEdits.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        }
        if (best.length == 0) {
            return null;
        }
        return matchCase(word, best[0].string);
    }

    private List<String> terms(String word) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.SPELL, word)) {
            CharTermAttribute text = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(text.toString());
            }
            ts.end();
        }
        return terms;
    }

    /** "Brenerman" becomes "Brennerman", not "brennerman". */
    private static String matchCase(String original, String suggestion) {
        if (original.length() > 1 && original.equals(original.toUpperCase(java.util.Locale.ROOT))) {
            return suggestion.toUpperCase(java.util.Locale.ROOT);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(suggestion.charAt(0)) + suggestion.substring(1);
        }
        return suggestion;
    }
}
