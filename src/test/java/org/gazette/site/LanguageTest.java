package org.gazette.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gazette.support.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates and interface words follow the site's configured language. */
class LanguageTest {

    @TempDir
    Path dir;

    @Test
    void datesReadNaturallyInEachLanguage() {
        Instant when = Instant.parse("2017-10-23T15:00:00Z");
        assertThat(new Dates(Locale.ENGLISH, ZoneId.of("America/Caracas")).human(when)).isEqualTo("October 23, 2017");
        assertThat(new Dates(Locale.forLanguageTag("es"), ZoneId.of("America/Caracas")).human(when)).isEqualTo("23 de octubre de 2017");
        assertThat(new Dates(Locale.ENGLISH, ZoneId.of("America/Caracas")).machine(when)).isEqualTo("2017-10-23T11:00:00-04:00");
    }

    @Test
    void everyEnglishWordHasASpanishOne() throws Exception {
        Properties english = new Properties();
        Properties spanish = new Properties();
        try (var en = getClass().getResourceAsStream("/i18n/messages.properties");
             var es = getClass().getResourceAsStream("/i18n/messages_es.properties")) {
            english.load(en);
            spanish.load(es);
        }
        assertThat(spanish.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }

    @Test
    void aSpanishSiteSpeaksSpanish() throws Exception {
        try (TestSite site = TestSite.start(dir, Map.of("site.language", "es", "site.time-zone", "America/Caracas"))) {
            String html = site.get("/articles/veloria-and-castrane-reopen-talks-on-the-sarn-river-dam").body();
            assertThat(html).contains("<html lang=\"es\">")
                    .contains(">Letra más grande</button>")
                    .contains("Publicado el <time datetime=\"2026-10-23T08:30:00-04:00\">23 de octubre de 2026</time>")
                    .contains("Noticias relacionadas");
            assertThat(site.get("/search?q=zzzz").body()).contains("Ningún artículo coincide con");
        }
    }
}
