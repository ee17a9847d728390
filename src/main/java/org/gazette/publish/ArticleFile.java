package org.gazette.publish;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gazette.article.LeadImage;
import org.gazette.catalog.Slugs;

/**
 * Reads an article written as Markdown with a YAML front-matter block between two {@code ---} lines.
 * Any problem is reported with the file name, the line and the reason; nothing half-read is returned.
 */
public final class ArticleFile {

    private static final Set<String> FIELDS = Set.of("headline", "deck", "authors", "source", "source_url",
            "original_url", "section", "tags", "published", "slug", "language", "image", "image_alt", "image_caption");

    private static final YAMLMapper YAML = new YAMLMapper();

    private final String name;
    private final String defaultLanguage;
    private final ZoneId zone;

    public ArticleFile(String name, String defaultLanguage, ZoneId zone) {
        this.name = name;
        this.defaultLanguage = defaultLanguage;
        this.zone = zone;
    }

    private record Field(JsonNode value, int line) {
    }

    public Submission parse(String text, Instant now) throws ArticleFileException {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int start = 0;
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw error(1, "the file must start with a front-matter block opened by a '---' line");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw error(1, "the front-matter block opened on line 1 is never closed by a '---' line");
        }
        String yaml = String.join("\n", java.util.Arrays.copyOfRange(lines, start + 1, end));
        Map<String, Field> fields = readFields(yaml, 2);
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, end + 1, lines.length)).strip();
        return toSubmission(fields, body, end + 1, now);
    }

    private Map<String, Field> readFields(String yaml, int firstLine) throws ArticleFileException {
        Map<String, Field> fields = new LinkedHashMap<>();
        if (yaml.isBlank()) {
            return fields;
        }
        try (JsonParser parser = YAML.getFactory().createParser(yaml)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw error(firstLine, "the front matter must be a list of 'key: value' lines");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = firstLine - 1 + parser.currentLocation().getLineNr();
                if (!FIELDS.contains(key)) {
                    throw error(line, "unknown field '" + key + "' (known fields: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
                }
                if (fields.containsKey(key)) {
                    throw error(line, "field '" + key + "' is given twice");
                }
                parser.nextToken();
                fields.put(key, new Field(YAML.readTree(parser), line));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? firstLine : firstLine - 1 + e.getLocation().getLineNr();
            throw error(line, "the front matter is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw error(firstLine, "cannot read the front matter: " + e.getMessage());
        }
        return fields;
    }

    private Submission toSubmission(Map<String, Field> f, String body, int closingLine, Instant now) throws ArticleFileException {
        String headline = text(f, "headline");
        if (headline == null || headline.isBlank()) {
            throw error(f.containsKey("headline") ? f.get("headline").line() : 1, "the headline is missing");
        }
        if (headline.length() > 500) {
            throw error(f.get("headline").line(), "the headline is longer than 500 characters");
        }
        String section = text(f, "section");
        if (section == null || section.isBlank()) {
            throw error(f.containsKey("section") ? f.get("section").line() : 1, "the section is missing");
        }
        if (body.isBlank()) {
            throw error(closingLine, "the article has no body after the front matter");
        }
        List<String> authors = list(f, "authors");
        String source = text(f, "source");
        if (authors.isEmpty() && (source == null || source.isBlank())) {
            throw error(1, "the byline is missing: give 'authors' (a list) or 'source' with 'original_url'");
        }
        if (!authors.isEmpty() && source != null) {
            throw error(f.get("source").line(), "give either 'authors' or 'source', not both");
        }
        String sourceUrl = url(f, "source_url");
        String originalUrl = url(f, "original_url");
        if (source == null && (sourceUrl != null || originalUrl != null)) {
            int line = f.containsKey("source_url") ? f.get("source_url").line() : f.get("original_url").line();
            throw error(line, "'source_url' and 'original_url' belong with 'source'");
        }
        String slug = text(f, "slug");
        if (slug != null && !Slugs.isValid(slug)) {
            throw error(f.get("slug").line(), "the slug may only hold lower-case letters, digits and single hyphens");
        }
        String language = text(f, "language");
        if (language != null) {
            try {
                language = new Locale.Builder().setLanguageTag(language).build().toLanguageTag();
            } catch (IllformedLocaleException e) {
                throw error(f.get("language").line(), "'" + language + "' is not a language tag such as en or es");
            }
        }
        String image = url(f, "image");
        String imageAlt = text(f, "image_alt");
        if (image != null && (imageAlt == null || imageAlt.isBlank())) {
            throw error(f.get("image").line(), "an image needs 'image_alt', a description for readers who cannot see it");
        }
        if (image == null && (imageAlt != null || f.containsKey("image_caption"))) {
            int line = imageAlt != null ? f.get("image_alt").line() : f.get("image_caption").line();
            throw error(line, "'image_alt' and 'image_caption' belong with 'image'");
        }
        return new Submission(
                slug == null ? Slugs.of(headline) : slug,
                headline.strip(),
                blankToNull(text(f, "deck")),
                body,
                section.strip(),
                list(f, "tags"),
                authors,
                source == null ? null : source.strip(),
                sourceUrl,
                originalUrl,
                published(f, now),
                language == null ? defaultLanguage : language,
                image == null ? null : new LeadImage(image, imageAlt.strip(), blankToNull(text(f, "image_caption"))));
    }

    private Instant published(Map<String, Field> f, Instant now) throws ArticleFileException {
        String value = text(f, "published");
        if (value == null) {
            return now;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw error(f.get("published").line(),
                            "'" + value + "' is not an ISO-8601 date such as 2026-10-23T09:30:00-03:00");
                }
            }
        }
    }

    private String text(Map<String, Field> f, String key) throws ArticleFileException {
        Field field = f.get(key);
        if (field == null || field.value().isNull()) {
            return null;
        }
        if (!field.value().isValueNode()) {
            throw error(field.line(), "'" + key + "' must be a single value, not a list or a block");
        }
        return field.value().asText();
    }

    private String url(Map<String, Field> f, String key) throws ArticleFileException {
        String value = text(f, key);
        if (value == null) {
            return null;
        }
        if (!value.matches("(?i)https?://[^\\s<>\"]+|/[^\\s<>\"]*")) {
            throw error(f.get(key).line(), "'" + key + "' must be an http(s) address or a path starting with /");
        }
        return value;
    }

    private List<String> list(Map<String, Field> f, String key) throws ArticleFileException {
        Field field = f.get(key);
        if (field == null || field.value().isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (field.value().isArray()) {
            for (JsonNode item : field.value()) {
                if (!item.isValueNode() || item.asText().isBlank()) {
                    throw error(field.line(), "'" + key + "' must be a list of names");
                }
                items.add(item.asText().strip());
            }
        } else if (field.value().isValueNode()) {
            items.add(field.value().asText().strip());
        } else {
            throw error(field.line(), "'" + key + "' must be a list of names");
        }
        return items;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ArticleFileException error(int line, String reason) {
        return new ArticleFileException(name, line, reason);
    }
}
