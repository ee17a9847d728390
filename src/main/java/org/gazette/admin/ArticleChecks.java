package org.gazette.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gazette.catalog.CatalogStore;
import org.gazette.catalog.Slugs;

/**
 * What must be right before an article is saved, and the more that must be right before it goes
 * out. Each problem is named by its field, so the editor shows it next to that field.
 */
final class ArticleChecks {

    /** What the writer asked for with the button they pressed. */
    enum Intent { SAVE, SUBMIT, PUBLISH, SCHEDULE }

    private final CatalogStore catalog;

    ArticleChecks(CatalogStore catalog) {
        this.catalog = catalog;
    }

    /** Field name to message key; empty when the form can be saved with this intent. */
    Map<String, String> problems(ArticleForm form, Intent intent, Instant now, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.headline().isEmpty()) {
            errors.put("headline", "editor.error.headlineMissing");
        } else if (form.headline().length() > 500) {
            errors.put("headline", "editor.error.tooLong");
        }
        if (form.deck().length() > 1000) {
            errors.put("deck", "editor.error.tooLong");
        }
        if (form.body().length() > 500_000) {
            errors.put("body", "editor.error.tooLong");
        } else if (form.body().isEmpty() && intent != Intent.SAVE) {
            errors.put("body", "editor.error.bodyMissing");
        }
        if (!form.slug().isEmpty() && !Slugs.isValid(form.slug())) {
            errors.put("slug", "editor.error.slugInvalid");
        }
        if (id(form.sectionId()).flatMap(catalog::sectionById).isEmpty()) {
            errors.put("section", "editor.error.sectionMissing");
        }
        checkByline(form, errors);
        if (!form.language().matches("[a-z]{2}(-[A-Z]{2})?")) {
            errors.put("language", "editor.error.languageInvalid");
        }
        if (!form.imageUrl().isEmpty()) {
            if (!isSafeUrl(form.imageUrl())) {
                errors.put("image_url", "editor.error.urlInvalid");
            } else if (form.imageAlt().isEmpty()) {
                errors.put("image_alt", "editor.error.altMissing");
            }
        }
        if (form.tagNames().stream().anyMatch(t -> t.length() > 200)) {
            errors.put("tags", "editor.error.tooLong");
        }
        if (intent == Intent.SCHEDULE) {
            Instant at = publishAt(form, zone);
            if (at == null) {
                errors.put("publish_at", "editor.error.timeInvalid");
            } else if (!at.isAfter(now)) {
                errors.put("publish_at", "editor.error.timePast");
            }
        }
        return errors;
    }

    private void checkByline(ArticleForm form, Map<String, String> errors) {
        if (form.isRepublished()) {
            boolean known = id(form.sourceId()).flatMap(id -> catalog.sources().stream().filter(s -> s.id() == id).findFirst())
                    .isPresent();
            if (!known) {
                errors.put("source", "editor.error.sourceMissing");
            }
            if (!form.originalUrl().isEmpty() && (!form.originalUrl().matches("(?i)https?://\\S+") || form.originalUrl().length() > 2000)) {
                errors.put("original_url", "editor.error.urlInvalid");
            }
            return;
        }
        var known = catalog.authors().stream().map(a -> String.valueOf(a.id())).toList();
        if (form.authorIds().isEmpty() || !known.containsAll(form.authorIds())) {
            errors.put("authors", "editor.error.authorsMissing");
        }
    }

    static boolean isSafeUrl(String url) {
        return url.length() <= 2000 && url.matches("(?i)(https?://|/)\\S*") && !url.startsWith("//");
    }

    /** The scheduled time typed in the site's time zone (the form asks to the minute; seconds are accepted); null if none. */
    static Instant publishAt(ArticleForm form, ZoneId zone) {
        try {
            return LocalDateTime.parse(form.publishAt()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
