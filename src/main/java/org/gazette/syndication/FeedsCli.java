package org.gazette.syndication;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code gazette feeds ...} does and prints; the commands in {@code Gazette} only open the site and call here. */
public final class FeedsCli {

    private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d{1,6})\\s*(s|m|h|d)?\\s*");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneId.of("UTC"));

    private FeedsCli() {
    }

    /** The options of {@code feeds add}. */
    public static final class AddOptions {
        @Parameters(index = "0", paramLabel = "URL", description = "Address of the partner's RSS, Atom or JSON feed.")
        public String url;

        @Option(names = "--source", required = true, paramLabel = "NAME", description = "The partner outlet's name, shown as the byline.")
        public String source;

        @Option(names = "--source-url", paramLabel = "URL", description = "The outlet's home page.")
        public String sourceUrl;

        @Option(names = "--source-logo", paramLabel = "URL", description = "Address of the outlet's logo.")
        public String sourceLogo;

        @Option(names = "--section", paramLabel = "NAME", defaultValue = "World", description = "Section for its articles (default World).")
        public String section;

        @Option(names = "--tags", paramLabel = "a,b", split = ",", description = "Tags every article from this feed gets.")
        public List<String> tags = new ArrayList<>();

        @Option(names = "--language", paramLabel = "CODE", description = "Language of the feed (default: site.language).")
        public String language;

        @Option(names = "--mode", paramLabel = "publish|review", defaultValue = "publish",
                description = "publish: articles go out at once; review: they wait as drafts for an editor.")
        public String mode;

        @Option(names = "--every", paramLabel = "DURATION", defaultValue = "15m", description = "How often to poll: 90s, 15m, 2h, 1d (default 15m).")
        public String every;
    }

    public static int add(Syndication syndication, AddOptions o, PrintStream out) {
        FeedSubscription.Mode mode = switch (o.mode.strip().toLowerCase(Locale.ROOT)) {
            case "publish" -> FeedSubscription.Mode.PUBLISH;
            case "review" -> FeedSubscription.Mode.REVIEW;
            default -> throw new IllegalArgumentException("--mode is publish or review, not '" + o.mode + "'");
        };
        FeedSubscription sub = syndication.add(new FeedSubscription.Request(o.url, o.source, o.sourceUrl, o.sourceLogo, o.section,
                o.tags, o.language, mode, parseDuration(o.every)));
        out.printf("Added feed %d: %s (%s), polled every %s; a running site polls it within seconds.%n",
                sub.id(), sub.feedUrl(), sub.sourceName(), format(sub.every()));
        return 0;
    }

    public static int list(Syndication syndication, PrintStream out) {
        List<FeedSubscription> subs = syndication.list();
        if (subs.isEmpty()) {
            out.println("No partner feeds yet. Add one with: gazette feeds add URL --source NAME");
            return 0;
        }
        for (FeedSubscription sub : subs) {
            print(sub, out);
        }
        return 0;
    }

    public static void print(FeedSubscription sub, PrintStream out) {
        var s = sub.status();
        out.printf("%d  %s%s%n", sub.id(), sub.feedUrl(), sub.enabled() ? "" : "  (off)");
        out.printf("    source %s, section %s%s, %s, %s, every %s%n", sub.sourceName(), sub.section(),
                sub.tags().isEmpty() ? "" : ", tags " + String.join(", ", sub.tags()), sub.language(),
                sub.mode() == FeedSubscription.Mode.REVIEW ? "held for review" : "published at once", format(sub.every()));
        out.printf("    last poll %s, last success %s, HTTP %s%n", when(s.lastPollAt()), when(s.lastSuccessAt()),
                s.lastHttpStatus() == null ? "-" : s.lastHttpStatus());
        out.printf("    items seen %d, new %d, updated %d, duplicates %d, refused %d; next poll %s%n",
                s.seen(), s.added(), s.updated(), s.duplicates(), s.refused(), sub.enabled() ? when(s.nextPollAt()) : "-");
        if (s.lastError() != null) {
            out.printf("    %s: %s%n", s.failures() > 0 ? "error (" + s.failures() + " failure(s) in a row)" : "note", s.lastError());
        }
    }

    public static int poll(Syndication syndication, Long id, PrintStream out) {
        List<FeedSubscription> polled = id == null ? syndication.pollAll() : List.of(syndication.poll(id));
        int failed = 0;
        for (FeedSubscription sub : polled) {
            print(sub, out);
            if (sub.status().failures() > 0) {
                failed++;
            }
        }
        return failed == 0 ? 0 : 3;
    }

    public static int remove(Syndication syndication, long id, PrintStream out) {
        if (!syndication.remove(id)) {
            throw new IllegalArgumentException("There is no feed " + id + " (see 'gazette feeds list')");
        }
        out.printf("Removed feed %d; the articles it brought in stay published.%n", id);
        return 0;
    }

    /** "90s", "15m", "2h", "1d"; a bare number means minutes. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--every takes a duration such as 90s, 15m, 2h or 1d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofMinutes(n);
        };
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }
}
