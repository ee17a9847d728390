package org.gazette.syndication;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compact signature of a text's three-word shingles such that the share of equal slots in two
 * signatures estimates the share of shingles the texts have in common (their Jaccard similarity).
 * Two partners running the same wire story, one with its own headline and a credit line, share
 * most shingles; two different stories share almost none.
 */
final class MinHash {

    /** Slots per signature: the estimate's standard error is about 0.06 at worst. */
    static final int SLOTS = 64;
    /** Texts sharing at least this share of shingles are the same story. */
    static final double SAME_STORY = 0.5;
    /** Texts with fewer shingles than this are too short to judge; they never count as near duplicates. */
    static final int MIN_SHINGLES = 12;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final long[] SEEDS = new long[SLOTS];

    static {
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SLOTS; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            SEEDS[i] = seed;
        }
    }

    private MinHash() {
    }

    /** The signature, or null when the text is too short to judge. */
    static int[] of(String text) {
        String[] words = Arrays.stream(NON_WORD.split(text.toLowerCase(Locale.ROOT))).filter(w -> !w.isEmpty()).toArray(String[]::new);
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + 2 < words.length; i++) {
            shingles.add(hash(words[i], words[i + 1], words[i + 2]));
        }
        if (shingles.size() < MIN_SHINGLES) {
            return null;
        }
        int[] signature = new int[SLOTS];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (long shingle : shingles) {
            for (int slot = 0; slot < SLOTS; slot++) {
                int h = (int) (mix(shingle ^ SEEDS[slot]) >>> 33);
                if (h < signature[slot]) {
                    signature[slot] = h;
                }
            }
        }
        return signature;
    }

    static double similarity(int[] a, int[] b) {
        if (a == null || b == null) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) SLOTS;
    }

    static boolean sameStory(int[] a, int[] b) {
        return similarity(a, b) >= SAME_STORY;
    }

    /** As stored in the database: 512 hex digits, or null. */
    static String encode(int[] signature) {
        if (signature == null) {
            return null;
        }
        StringBuilder hex = new StringBuilder(SLOTS * 8);
        for (int value : signature) {
            hex.append(HexFormat.of().toHexDigits(value));
        }
        return hex.toString();
    }

    static int[] decode(String hex) {
        if (hex == null || hex.length() != SLOTS * 8) {
            return null;
        }
        int[] signature = new int[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            signature[i] = (int) Long.parseLong(hex, i * 8, i * 8 + 8, 16);
        }
        return signature;
    }

    /** FNV-1a over the three words, finished with {@link #mix} so every bit depends on every character. */
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
        return mix(h);
    }

    /** SplitMix64's finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
