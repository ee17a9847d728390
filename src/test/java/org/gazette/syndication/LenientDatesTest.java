package org.gazette.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Dates as partner feeds really write them. */
class LenientDatesTest {

    private static void reads(String raw, String expected) {
        assertThat(LenientDates.parse(raw)).as(raw).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsRfc822InItsManyForms() {
        reads("Tue, 24 Nov 2026 09:15:00 GMT", "2026-11-24T09:15:00Z");
        reads("Mon, 24 Nov 2026 09:15:00 GMT", "2026-11-24T09:15:00Z"); // wrong weekday
        reads("24 Nov 2026 09:15:00 +0200", "2026-11-24T07:15:00Z");
        reads("Tue, 24 Nov 2026 09:15 EST", "2026-11-24T14:15:00Z");
        reads("Tuesday, 24 November 2026 09:15:00 PDT", "2026-11-24T16:15:00Z");
        reads("24 Nov 26 09:15:00 UT", "2026-11-24T09:15:00Z");
        reads("  Tue,  24   Nov 2026 09:15:00   Z ", "2026-11-24T09:15:00Z");
        reads("November 24, 2026 09:15", "2026-11-24T09:15:00Z");
    }

    @Test
    void readsIso8601AndOtherNumericForms() {
        reads("2026-11-24T09:15:00Z", "2026-11-24T09:15:00Z");
        reads("2026-11-24T09:15:00.123+01:00", "2026-11-24T08:15:00.123Z");
        reads("2026-11-24 09:15:00", "2026-11-24T09:15:00Z");
        reads("2026-11-24T09:15:00+0100", "2026-11-24T08:15:00Z");
        reads("2026-11-24", "2026-11-24T00:00:00Z");
        reads("2026/11/24 09:15", "2026-11-24T09:15:00Z");
        reads("1795511700", "2026-11-24T09:15:00Z");
    }

    @Test
    void givesUpOnNonsenseAndImplausibleDates() {
        for (String raw : new String[] {null, "", "next Tuesday, probably", "2026-13-45", "0000-00-00 00:00:00",
                "Wed, 31 Feb 2026 10:00:00 GMT", "1970-01-01T00:00:00Z", "2999-01-01", "99999999999999999999", "x".repeat(500)}) {
            assertThat(LenientDates.parse(raw)).as(String.valueOf(raw)).isNull();
        }
    }
}
