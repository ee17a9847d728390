package org.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The snippet scorer must pick the passages Lucene's own scorer would: same score, to the bit. */
class SnippetScorerTest {

    private static final String[] WORDS = {"dam", "river", "council", "vote", "flood"};

    @Test
    void scoresEveryPassageExactlyAsLucenesScorerDoes() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        SnippetScorer ours = new SnippetScorer();
        int[] freqInDoc = {1, 3, 9, 27, 81};
        int repeated = 0;
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            int end = start + 40 + random.nextInt(400);
            passage.setStartOffset(start);
            passage.setEndOffset(end);
            int matches = 1 + random.nextInt(8);
            boolean[] used = new boolean[WORDS.length];
            for (int m = 0; m < matches; m++) {
                int w = random.nextInt(WORDS.length);
                repeated += used[w] ? 1 : 0;
                used[w] = true;
                int at = start + m * 5;
                passage.addMatch(at, at + 4, new BytesRef(WORDS[w]), freqInDoc[w]);
            }
            int contentLength = end + random.nextInt(20_000);
            assertThat(Float.floatToIntBits(ours.score(passage, contentLength)))
                    .as("round %d", round)
                    .isEqualTo(Float.floatToIntBits(lucene.score(passage, contentLength)));
        }
        // The comparison means something only if passages repeat terms.
        assertThat(repeated).isGreaterThan(1_000);
    }
}
