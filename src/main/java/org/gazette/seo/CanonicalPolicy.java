package org.gazette.seo;

import java.util.Locale;
import org.gazette.article.Article;
import org.gazette.config.Settings;

/**
 * One URL per article. A republished article points search engines at the partner's original
 * by default ({@code site.republished-canonical=original}), or at its own page ({@code self}).
 */
public final class CanonicalPolicy {

    public static final String SETTING = "site.republished-canonical";

    private final String base;
    private final boolean original;

    public CanonicalPolicy(Settings settings) {
        this.base = settings.baseUrl();
        String value = settings.get(SETTING).strip().toLowerCase(Locale.ROOT);
        if (!value.equals("original") && !value.equals("self")) {
            throw new IllegalArgumentException("Setting '" + SETTING + "' must be original or self, not '" + settings.get(SETTING) + "'");
        }
        this.original = value.equals("original");
    }

    public String of(Article article) {
        String originalUrl = article.byline().originalUrl();
        if (original && article.byline().isRepublished() && originalUrl != null && originalUrl.matches("(?i)^https?://.+")) {
            return originalUrl;
        }
        return base + article.path();
    }
}
