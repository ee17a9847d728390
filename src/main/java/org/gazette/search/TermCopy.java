package org.gazette.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Passes a field's tokens on unchanged and keeps their terms, so a second field that needs only the
 * terms (no positions, offsets or other attributes) can be indexed without analyzing the text again.
 * The copy must be read after this stream has been read to its end (its field comes first in the
 * document).
 */
final class TermCopy extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] chars = new char[4096];
    private int[] ends = new int[512];
    private int count;

    TermCopy(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        int start = count == 0 ? 0 : ends[count - 1];
        int end = start + term.length();
        if (end > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(end, chars.length * 2));
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        System.arraycopy(term.buffer(), 0, chars, start, term.length());
        ends[count++] = end;
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        count = 0;
    }

    /** The terms this stream has passed on, one token each. */
    TokenStream copy() {
        return new TokenStream() {
            private final CharTermAttribute copied = addAttribute(CharTermAttribute.class);
            private int next;

            @Override
            public boolean incrementToken() {
                if (next >= count) {
                    return false;
                }
                clearAttributes();
                int start = next == 0 ? 0 : ends[next - 1];
                copied.copyBuffer(chars, start, ends[next] - start);
                next++;
                return true;
            }

            @Override
            public void reset() throws IOException {
                super.reset();
                next = 0;
            }
        };
    }
}
