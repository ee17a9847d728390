package org.gazette.article;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns an article body written in Markdown into HTML that is safe to put on a page.
 * Writers may mix raw HTML into Markdown; whatever is not on the allowlist is dropped,
 * so a hostile body cannot run script on readers' browsers.
 */
public final class BodyRenderer {

    private static final Pattern SAFE_URL = Pattern.compile("(?i)^(https?:|mailto:|/|#)[^\\s]*$");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "blockquote", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
                    "code", "pre", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
                    "table", "thead", "tbody", "tr", "th", "td", "caption", "a", "img", "cite", "q", "abbr", "mark")
            .allowAttributes("href").matching(SAFE_URL).onElements("a")
            .allowAttributes("title").onElements("a", "abbr", "img")
            .allowAttributes("src").matching(SAFE_URL).onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(Pattern.compile("\\d{1,4}")).onElements("img")
            .allowAttributes("start").matching(Pattern.compile("\\d{1,6}")).onElements("ol")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("\\d{1,3}")).onElements("td", "th")
            .allowUrlProtocols("http", "https", "mailto") // without this the sanitizer drops every absolute link
            .requireRelsOnLinks("noopener")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().build();

    /** Markdown in, sanitized HTML out. Images are lazy-loaded so they never hold up the text. */
    public String toHtml(String markdown) {
        String raw = renderer.render(parser.parse(markdown));
        return POLICY.sanitize(raw).replace("<img ", "<img loading=\"lazy\" decoding=\"async\" ");
    }

    /** Sanitizes HTML that arrived as HTML (from a partner feed, say) with the same allowlist. */
    public String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * The body as plain text, for search. The body is this class's own sanitized output, so the
     * tag-dropping pass of {@link #opening} reads it whole: parsing it into a document tree
     * was a seventh of indexing an article.
     */
    public static String plainText(String html) {
        return opening(html, Integer.MAX_VALUE);
    }

    /**
     * The plain text of the body's opening paragraphs, at least {@code chars} long when the body is.
     * Listings and related-stories boxes need a line of each story; parsing whole bodies into a
     * document tree to get it was a third of an uncached article page. The body is this class's
     * own sanitized output, so dropping its tags is enough: block tags part words, others do not.
     */
    public static String opening(String html, int chars) {
        Opening text = new Opening((int) Math.min(html.length(), chars + 256L));
        int i = 0;
        int n = html.length();
        // One pass, no regular expressions: on an uncached article page (a description and five
        // related teasers) the pattern searches of the first version were a third of the CPU.
        while (i < n) {
            char c = html.charAt(i);
            int close = c == '<' ? html.indexOf('>', i) : -1;
            if (close > 0) {
                if (isBlockTag(html, i + 1, close)) {
                    if (text.length() >= chars && html.startsWith("</p>", i)) {
                        break;
                    }
                    text.space();
                }
                i = close + 1;
                continue;
            }
            int semi = c == '&' ? html.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 32 && addReference(html, i + 1, semi, text)) {
                i = semi + 1;
            } else {
                text.add(c);
                i++;
            }
        }
        return text.toString();
    }

    private static final java.util.Set<String> BLOCK_TAGS = java.util.Set.of("p", "div", "blockquote", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "pre", "hr", "br",
            "table", "caption", "thead", "tbody", "tr", "td", "th");

    /** Whether the tag between {@code from} (after its {@code <}) and {@code to} (its {@code >}) parts words. */
    private static boolean isBlockTag(String html, int from, int to) {
        int start = from < to && html.charAt(from) == '/' ? from + 1 : from;
        int end = start;
        while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
            end++;
        }
        return end > start && BLOCK_TAGS.contains(html.substring(start, end).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Adds the text of the character reference between {@code from} (after its {@code &}) and
     * {@code to} (its {@code ;}): {@code amp}, {@code #39}, {@code #x2014}. False if it is none.
     * Numbers are read in place: the sanitizer writes every quote and apostrophe as one, and
     * cutting each out and parsing it was most of the time taken to read a body's text.
     */
    private static boolean addReference(String html, int from, int to, Opening text) {
        if (html.charAt(from) != '#') {
            String named = org.jsoup.nodes.Entities.getByName(html.substring(from, to));
            if (named == null || named.isEmpty()) {
                return false;
            }
            for (int k = 0; k < named.length(); k++) {
                text.add(named.charAt(k));
            }
            return true;
        }
        int at = from + 1;
        int radix = 10;
        if (at < to && (html.charAt(at) == 'x' || html.charAt(at) == 'X')) {
            radix = 16;
            at++;
        }
        if (at == to) {
            return false;
        }
        int codePoint = 0;
        for (; at < to; at++) {
            int digit = Character.digit(html.charAt(at), radix);
            if (digit < 0 || codePoint > Character.MAX_CODE_POINT) {
                return false;
            }
            codePoint = codePoint * radix + digit;
        }
        if (codePoint > Character.MAX_CODE_POINT) {
            return false;
        }
        if (Character.isBmpCodePoint(codePoint)) {
            text.add((char) codePoint);
        } else {
            text.add(Character.highSurrogate(codePoint));
            text.add(Character.lowSurrogate(codePoint));
        }
        return true;
    }

    /** Text with runs of white space (no-break spaces too) folded into one space, none at either end. */
    private static final class Opening {
        private final StringBuilder text;
        private boolean space;

        Opening(int capacity) {
            text = new StringBuilder(capacity);
        }

        void space() {
            space = text.length() > 0;
        }

        void add(char c) {
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space();
            } else {
                if (space) {
                    text.append(' ');
                    space = false;
                }
                text.append(c);
            }
        }

        int length() {
            return text.length();
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** A teaser of at most {@code max} characters, cut at a word boundary. */
    public static String teaser(String text, int max) {
        String clean = text.strip();
        if (clean.length() <= max) {
            return clean;
        }
        int cut = clean.lastIndexOf(' ', max - 1);
        return clean.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[\\s,;:.\\-]+$", "") + "…";
    }
}
