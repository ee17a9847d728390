package org.gazette.syndication;

import java.util.Locale;
import java.util.regex.Pattern;
import org.gazette.article.BodyRenderer;
import org.gazette.article.LeadImage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Makes a partner's item fit to print: addresses resolved against the item's and the feed's
 * address, tracking pixels dropped, HTML sanitized with the site's allowlist, a lead image
 * chosen (Media RSS, enclosure, else the first picture in the body), and a headline even when
 * the item has none. Items with neither a title nor text are refused.
 */
public final class ItemCleaner {

    /** Bodies longer than this (in characters of HTML) are refused rather than cut mid-sentence. */
    static final int MAX_BODY = 900_000;
    /** Markup this dense is an attack on the parser (or a broken generator), not an article. */
    static final int MAX_TAGS = 20_000;

    private static final Pattern TRACKER = Pattern.compile("(?i)("
            + "feeds\\.feedburner\\.com/~r/|feedburner\\.com/~ff/|/~r/[^/]+/~4/|stats\\.wordpress\\.com|pixel\\.wp\\.com"
            + "|doubleclick\\.net|google-analytics\\.com|googletagmanager\\.com|facebook\\.com/tr|scorecardresearch\\.com"
            + "|quantserve\\.com|chartbeat\\.|feedsportal\\.com|pixel\\.|/pixel(\\.gif|\\.png)?([?/]|$)|/beacon(\\.gif)?([?/]|$)"
            + "|/track(ing)?(\\.gif|\\.png|/)|/open\\.gif|/1x1\\.|spacer\\.gif|/mf\\.gif)");
    private static final Pattern ONE_PIXEL_STYLE = Pattern.compile("(?i)(width|height)\\s*:\\s*[01](px)?\\b|display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    private final BodyRenderer renderer;

    public ItemCleaner(BodyRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * An item ready to store.
     *
     * @param bodyHtml   sanitized HTML, laid out so Markdown passes it through untouched
     * @param plainText  the body as words (the headline only when the body has none), for near-duplicate detection
     * @param contentHash fingerprint of everything taken from upstream, to notice upstream edits
     */
    public record CleanItem(String guid, String originalUrl, String linkKey, String headline, String deck,
                            String bodyHtml, String plainText, LeadImage image, String contentHash) {
    }

    public CleanItem clean(FeedItem item, String feedBase) throws FeedProblem {
        String originalUrl = Links.absolute(item.link(), feedBase);
        String base = originalUrl != null ? originalUrl : feedBase;
        boolean hasContent = item.contentHtml() != null && !item.contentHtml().isBlank();
        String rawBody = hasContent ? item.contentHtml() : item.summaryHtml() == null ? "" : item.summaryHtml();

        if (rawBody.chars().filter(ch -> ch == '<').count() > MAX_TAGS) {
            throw new FeedProblem("An item's HTML has more than " + MAX_TAGS + " tags, far beyond any article; refused: \""
                    + FeedParser.abbreviate(String.valueOf(item.title()), 80) + "\"");
        }
        Document doc = parse(rawBody, base == null ? "" : base);
        dropTrackingPixels(doc);
        resolveAddresses(doc);
        LeadImage image = leadImage(item, doc, base);

        // The words as readers will see them (script and style content is not text to jsoup), without parsing again.
        String bodyText = doc.body().text();
        String safe = renderer.sanitize(doc.body().html()).strip();
        String headline = item.title() == null || item.title().isBlank() ? null : item.title().strip();
        if (headline == null && bodyText.isBlank()) {
            throw new FeedProblem("An item has neither a title nor any text");
        }
        if (headline == null) {
            headline = BodyRenderer.teaser(bodyText, 120);
        } else if (headline.length() > 300) {
            headline = BodyRenderer.teaser(headline, 300);
        }
        if (image != null && (image.alt() == null || image.alt().isBlank())) {
            image = new LeadImage(image.url(), BodyRenderer.teaser(headline, 400), image.caption());
        }
        String deck = null;
        if (hasContent && item.summaryHtml() != null) {
            String summary = Jsoup.parseBodyFragment(item.summaryHtml()).text().strip();
            String prefix = summary.substring(0, Math.min(summary.length(), 80));
            if (!summary.isEmpty() && !bodyText.startsWith(prefix)) {
                deck = BodyRenderer.teaser(summary, 300);
            }
        }
        if (safe.isEmpty()) {
            safe = deck == null ? "<p>" + org.jsoup.nodes.Entities.escape(headline) + "</p>" : "<p>" + org.jsoup.nodes.Entities.escape(deck) + "</p>";
        }
        String markdown = markdownSafe(safe);
        if (markdown.length() > MAX_BODY) {
            throw new FeedProblem("An item's text is longer than " + MAX_BODY + " characters: \"" + FeedParser.abbreviate(headline, 80) + "\"");
        }
        String linkKey = originalUrl == null ? null : Links.sha256(Links.normalize(originalUrl));
        String hash = Links.sha256(String.join("\u0000", headline, String.valueOf(deck), markdown,
                image == null ? "" : image.url() + "\u0000" + image.alt()));
        return new CleanItem(item.guid(), originalUrl, linkKey, headline, deck, markdown, bodyText.isBlank() ? headline : bodyText, image, hash);
    }

    /** Parses a body fragment with bounded nesting and compact output (indenting 50,000 levels would take long). */
    private static Document parse(String html, String base) {
        Parser parser = Parser.htmlParser().setMaxDepth(FeedParser.MAX_DEPTH);
        Document doc = Jsoup.parse("", base, parser);
        doc.body().appendChildren(parser.parseFragmentInput(html, doc.body(), base));
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    /**
     * Markdown passes an HTML block through as long as it has no blank line, so the sanitized body
     * becomes one block: wrapped in a div (which the renderer's sanitizer drops again) with blank
     * lines closed up.
     */
    static String markdownSafe(String html) {
        return "<div>\n" + html.replaceAll("\\n[ \\t\\x0B\\f\\r]*(?=\\n)", "\n").replaceAll("\\n+", "\n") + "\n</div>";
    }

    private static void dropTrackingPixels(Document doc) {
        for (Element img : doc.select("img")) {
            String src = img.attr("src");
            boolean tiny = isTiny(img.attr("width")) || isTiny(img.attr("height"));
            if (src.isBlank() || tiny || TRACKER.matcher(src).find() || ONE_PIXEL_STYLE.matcher(img.attr("style")).find()) {
                img.remove();
            }
        }
    }

    private static boolean isTiny(String dimension) {
        String d = dimension.strip().toLowerCase(Locale.ROOT).replace("px", "");
        return d.equals("0") || d.equals("1");
    }

    private static void resolveAddresses(Document doc) {
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("#") || href.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                continue;
            }
            String absolute = a.absUrl("href");
            if (absolute.isEmpty()) {
                a.removeAttr("href");
            } else {
                a.attr("href", absolute);
            }
        }
        for (Element img : doc.select("img[src]")) {
            String absolute = img.absUrl("src");
            if (absolute.isEmpty()) {
                img.remove();
            } else {
                img.attr("src", absolute);
            }
        }
    }

    /** The feed's own pictures first; else the body's first picture, which then leaves the body. */
    private static LeadImage leadImage(FeedItem item, Document doc, String base) {
        for (FeedItem.MediaImage media : item.images()) {
            String url = Links.absolute(media.url(), base);
            if (url != null && !TRACKER.matcher(url).find()) {
                return new LeadImage(url, media.description() == null ? null : BodyRenderer.teaser(media.description(), 400), null);
            }
        }
        Element first = doc.selectFirst("img[src]");
        if (first == null) {
            return null;
        }
        String url = Links.absolute(first.attr("src"), base);
        if (url == null) {
            return null;
        }
        String alt = first.attr("alt").isBlank() ? null : BodyRenderer.teaser(first.attr("alt"), 400);
        Element parent = first.parent();
        first.remove();
        if (parent != null && !parent.tagName().equals("body") && parent.text().isBlank() && parent.select("img").isEmpty()) {
            parent.remove();
        }
        return new LeadImage(url, alt, null);
    }
}
