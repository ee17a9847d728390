package org.gazette.catalog;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names and headlines into URL path segments readers can type. */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (folded.length() > MAX_LENGTH) {
            folded = folded.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return folded.isEmpty() ? "untitled" : folded;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.matches("[a-z0-9]+(-[a-z0-9]+)*") && slug.length() <= 200;
    }
}
