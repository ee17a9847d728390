package org.gazette.article;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
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

    /** The body as plain text, for search, teasers and feed summaries. */
    public static String plainText(String html) {
        return Jsoup.parse(html).text();
    }

    /**
     * The plain text of the body's opening paragraphs, at least {@code chars} long when the body is.
     * Listings and related-stories boxes need a line of each story; parsing whole bodies into a
     * document tree to get it was a third of an uncached article page. The body is this class's
     * own sanitized output, so dropping its tags is enough: block tags part words, others do not.
     */
    public static String opening(String html, int chars) {
        StringBuilder text = new StringBuilder();
        int from = 0;
        while (from < html.length() && text.length() < chars) {
            int close = html.indexOf("</p>", from);
            int end = close < 0 ? html.length() : close + "</p>".length();
            String part = BLOCK_TAG.matcher(html.substring(from, end)).replaceAll(" ");
            text.append(org.jsoup.parser.Parser.unescapeEntities(ANY_TAG.matcher(part).replaceAll(""), false));
            from = end;
            collapseWhitespace(text);
        }
        return text.toString().strip();
    }

    private static final Pattern BLOCK_TAG = Pattern.compile(
            "</?(?:p|div|blockquote|ul|ol|li|h[1-6]|figure|figcaption|pre|hr|br|table|tr|td|th)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_TAG = Pattern.compile("<[^>]*>");

    private static void collapseWhitespace(StringBuilder text) {
        int out = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = out > 0;
            } else {
                if (space) {
                    text.setCharAt(out++, ' ');
                    space = false;
                }
                text.setCharAt(out++, c);
            }
        }
        if (space) {
            text.setCharAt(out++, ' ');
        }
        text.setLength(out);
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
