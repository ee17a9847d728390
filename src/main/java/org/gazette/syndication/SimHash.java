package org.gazette.syndication;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 64-bit fingerprint of a text such that near-identical texts get fingerprints differing in
 * few bits (Charikar's SimHash over three-word shingles). Two partners running the same wire
 * story with a changed word or a different footer land within a few bits of each other.
 */
final class SimHash {

    /** Fingerprints this many bits apart or closer are the same story. */
    static final int NEAR = 5;
    /** Texts with fewer shingles than this are too short to judge; they never count as near duplicates. */
    static final int MIN_SHINGLES = 12;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SimHash() {
    }

    /** The fingerprint, or 0 when the text is too short to fingerprint reliably. */
    static long of(String text) {
        String[] words = NON_WORD.split(text.toLowerCase(Locale.ROOT).strip());
        int shingles = words.length - 2;
        if (shingles < MIN_SHINGLES) {
            return 0;
        }
        int[] weights = new int[64];
        for (int i = 0; i < shingles; i++) {
            long h = hash(words[i], words[i + 1], words[i + 2]);
            for (int bit = 0; bit < 64; bit++) {
                weights[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (weights[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint == 0 ? 1 : fingerprint;
    }

    static boolean near(long a, long b) {
        return a != 0 && b != 0 && Long.bitCount(a ^ b) <= NEAR;
    }

    /** FNV-1a over the three words, then a SplitMix64 finish so every bit depends on every character. */
    private static long hash(String a, String b, String c) {
        long h = 0xcbf29ce484222325L;
        for (String word : new String[] {a, b, c}) {
            for (int i = 0; i < word.length(); i++) {
                h ^= word.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= ' ';
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
