package org.gazette.feed;

/** Text made safe for XML 1.0: characters the spec forbids (most control characters) are dropped, not emitted. */
public final class XmlText {

    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (allowed && out != null) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }
}
