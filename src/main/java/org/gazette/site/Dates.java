package org.gazette.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as readers see them (in the site's language and time zone) and as machines read them. */
public final class Dates {

    private final DateTimeFormatter longDate;
    private final ZoneId zone;

    public Dates(Locale locale, ZoneId zone) {
        this.zone = zone;
        this.longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
    }

    /** "October 23, 2017" in English, "23 de octubre de 2017" in Spanish. */
    public String human(Instant instant) {
        return longDate.format(instant);
    }

    /** ISO-8601 with the site's offset, for {@code <time datetime>}. */
    public String machine(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).withNano(0));
    }

    public ZoneId zone() {
        return zone;
    }
}
