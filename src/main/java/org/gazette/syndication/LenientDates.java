package org.gazette.syndication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates partner feeds actually write, not only the ones the specifications allow:
 * RFC 822 with a wrong weekday or a zone name (EST, PDT), ISO 8601 with a space or no offset,
 * two-digit years, full month names, bare dates, Unix time. Returns null when nothing fits;
 * callers keep the raw text and fall back to the time they fetched the item.
 */
public final class LenientDates {

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+00:00"), Map.entry("UTC", "+00:00"), Map.entry("GMT", "+00:00"), Map.entry("Z", "+00:00"),
            Map.entry("EST", "-05:00"), Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"), Map.entry("CDT", "-05:00"),
            Map.entry("MST", "-07:00"), Map.entry("MDT", "-06:00"), Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"),
            Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"), Map.entry("BST", "+01:00"), Map.entry("WET", "+00:00"),
            Map.entry("WEST", "+01:00"), Map.entry("EET", "+02:00"), Map.entry("EEST", "+03:00"), Map.entry("JST", "+09:00"));

    private static final Pattern WEEKDAY = Pattern.compile("(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+");
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s*\\(?([A-Za-z]{1,4})\\)?$");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})$");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,10}");

    /** Day-month-year forms: "3 Jun 2008 11:05:30 +02:00", "03 June 08 11:05". */
    private static final List<DateTimeFormatter> WRITTEN = List.of(
            formatter("d MMM uuuu[ HH:mm[:ss]][ XXX]"),
            formatter("d MMMM uuuu[ HH:mm[:ss]][ XXX]"),
            formatter("d MMM uu[ HH:mm[:ss]][ XXX]"),
            formatter("MMM d[,] uuuu[ HH:mm[:ss]][ XXX]"),
            formatter("MMMM d[,] uuuu[ HH:mm[:ss]][ XXX]"));

    /** Numeric forms: ISO 8601 with T or a space, with or without seconds, fraction and offset; slashes too. */
    private static final List<DateTimeFormatter> NUMERIC = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive()
                    .appendPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss]")
                    .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
                    .optionalStart().appendPattern("[' ']XXX").optionalEnd()
                    .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            formatter("uuuu-MM-dd"),
            formatter("uuuu/MM/dd[ HH:mm[:ss]][ XXX]"));

    private LenientDates() {
    }

    public static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 100) {
            return null;
        }
        if (EPOCH.matcher(text).matches()) {
            return plausible(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        text = WEEKDAY.matcher(text).replaceFirst("");
        Matcher zone = TRAILING_ZONE.matcher(text);
        if (zone.find() && ZONES.containsKey(zone.group(1).toUpperCase(Locale.ROOT))) {
            text = text.substring(0, zone.start()) + " " + ZONES.get(zone.group(1).toUpperCase(Locale.ROOT));
        }
        Matcher offset = COMPACT_OFFSET.matcher(text);
        if (offset.find()) {
            text = text.substring(0, offset.start()) + offset.group(1) + offset.group(2) + ":" + offset.group(3);
        }
        // "2026-10-23T12:30:00+02:00" and "... 12:30:00 +02:00" are both fine; so is a lone "Z" already mapped.
        for (List<DateTimeFormatter> group : List.of(NUMERIC, WRITTEN)) {
            for (DateTimeFormatter formatter : group) {
                Instant instant = tryParse(formatter, text);
                if (instant != null) {
                    return plausible(instant);
                }
            }
        }
        return null;
    }

    private static Instant tryParse(DateTimeFormatter formatter, String text) {
        try {
            TemporalAccessor parsed = formatter.parse(text);
            LocalDate date = LocalDate.from(parsed);
            LocalDateTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.of(date, java.time.LocalTime.from(parsed)) : date.atStartOfDay();
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return OffsetDateTime.of(time, offset).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Dates before 1990 or more than a year ahead are typing errors or placeholders, not publication times. */
    private static Instant plausible(Instant instant) {
        if (instant.isBefore(Instant.parse("1990-01-01T00:00:00Z")) || instant.isAfter(Instant.now().plus(java.time.Duration.ofDays(366)))) {
            return null;
        }
        return instant;
    }

    private static DateTimeFormatter formatter(String pattern) {
        // Strict: "31 Feb" is a typing error to keep as raw text, not a date to round to 28 Feb.
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
