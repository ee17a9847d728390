package org.gazette.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Settings editors change in the back office (issue 5), kept in the database and laid over the
 * config-file settings. Each server rereads them every few seconds, so all servers agree soon.
 */
public final class SiteSettingsStore {

    /** The settings the back office may change; everything else stays with the operator's config. */
    public static final List<String> EDITABLE = List.of("site.name", "site.tagline", "site.language", "site.time-zone",
            "site.logo", "site.republished-canonical");

    private static final Duration REREAD = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final Settings base;
    private final Clock clock;
    private volatile Settings effective;
    private volatile Instant readAt = Instant.MIN;

    public SiteSettingsStore(Jdbi jdbi, Settings base, Clock clock) {
        this.jdbi = jdbi;
        this.base = base;
        this.clock = clock;
    }

    /** The config-file settings with the back office's changes on top. */
    public Settings effective() {
        Instant now = clock.instant();
        if (effective == null || readAt.plus(REREAD).isBefore(now)) {
            Settings merged = base;
            for (var entry : stored().entrySet()) {
                if (EDITABLE.contains(entry.getKey())) {
                    merged = merged.with(entry.getKey(), entry.getValue());
                }
            }
            effective = merged;
            readAt = now;
        }
        return effective;
    }

    public Settings base() {
        return base;
    }

    public Map<String, String> stored() {
        Map<String, String> values = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("select name, setting_value from site_setting")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    /** Stores the values; a blank value removes the override, so the config file's value applies again. */
    public void save(Map<String, String> values) {
        jdbi.useTransaction(h -> {
            // Every page shows the site's name, so caches that follow the outbox must drop everything.
            org.gazette.article.ArticleStore.recordChange(h, org.gazette.change.Change.SITE, clock.instant());
            for (var entry : values.entrySet()) {
                if (!EDITABLE.contains(entry.getKey())) {
                    throw new IllegalArgumentException("Not a setting the back office changes: " + entry.getKey());
                }
                h.createUpdate("delete from site_setting where name = :n").bind("n", entry.getKey()).execute();
                if (!entry.getValue().isBlank()) {
                    h.createUpdate("insert into site_setting (name, setting_value) values (:n, :v)")
                            .bind("n", entry.getKey()).bind("v", entry.getValue().strip()).execute();
                }
            }
        });
        effective = null;
    }
}
