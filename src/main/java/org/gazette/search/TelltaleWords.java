package org.gazette.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * The words that say what a story is about: frequent in it, rare in the archive (tf × idf), the
 * way MoreLikeThis picks them, but with the archive-wide document counts kept between calls.
 *
 * <p>Looking up how many stories hold each of a story's hundred-odd words, in every segment of the
 * index, was most of the cost of a related-stories box. Those counts change slowly and only rank
 * the candidates (the search that follows scores with exact statistics), so a count a few minutes
 * old picks the same words.
 */
final class TelltaleWords {

    /** One chosen word and how telling it is, relative to the most telling one (0..1]. */
    record Word(Term term, float weight) {
    }

    private static final Duration COUNTS_KEPT = Duration.ofMinutes(10);
    private static final int SHORTEST = 3;

    private final Analyzer analyzer;
    private final Cache<Term, Integer> documentCounts;

    TelltaleWords(Analyzer analyzer, long countsKept) {
        this.analyzer = analyzer;
        // Upkeep on the caller's thread, as in ArticleSearch: no wake-ups of the common pool.
        this.documentCounts = Caffeine.newBuilder().maximumSize(countsKept).expireAfterWrite(COUNTS_KEPT)
                .executor(Runnable::run).build();
    }

    /**
     * At most {@code limit} words of {@code textByField}, skipping words found in more than
     * {@code commonAbove} stories: they match too much to tell stories apart, and cost the most to search.
     */
    List<Word> of(Map<String, String> textByField, IndexReader reader, int limit, int commonAbove) throws IOException {
        int stories = Math.max(1, reader.numDocs());
        PriorityQueue<Word> best = new PriorityQueue<>((a, b) -> Float.compare(a.weight(), b.weight()));
        for (Map.Entry<String, String> field : textByField.entrySet()) {
            for (Map.Entry<String, Integer> word : frequencies(field.getKey(), field.getValue()).entrySet()) {
                Term term = new Term(field.getKey(), word.getKey());
                int holding = documentCount(term, reader);
                if (holding == 0 || holding > commonAbove) {
                    continue;
                }
                float idf = (float) Math.log(1 + (stories - holding + 0.5) / (holding + 0.5));
                best.add(new Word(term, word.getValue() * idf));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Word> chosen = new ArrayList<>(best);
        chosen.sort((a, b) -> Float.compare(b.weight(), a.weight()));
        if (chosen.isEmpty()) {
            return chosen;
        }
        float top = chosen.get(0).weight();
        return chosen.stream().map(w -> new Word(w.term(), w.weight() / top)).toList();
    }

    private int documentCount(Term term, IndexReader reader) {
        return documentCounts.get(term, t -> {
            try {
                return reader.docFreq(t);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Map<String, Integer> frequencies(String field, String text) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() >= SHORTEST) {
                    counts.merge(term.toString(), 1, Integer::sum);
                }
            }
            tokens.end();
        }
        return counts;
    }
}
