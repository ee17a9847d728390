package org.gazette.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a results page is asked for, read from and written back to its URL, so every
 * page of results (with its filters, dates and order) is a plain bookmarkable address.
 */
public record SearchRequest(String query, Map<String, List<String>> filters, LocalDate from, LocalDate to,
                            boolean newest, int page) {

    static final int MAX_QUERY = 500;
    private static final int MAX_VALUES = 10;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (String dim : IndexFields.DIMENSIONS) {
            List<String> values = filters.getOrDefault(dim, List.of()).stream()
                    .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().limit(MAX_VALUES).toList();
            if (!values.isEmpty()) {
                copy.put(dim, values);
            }
        }
        filters = java.util.Collections.unmodifiableMap(copy);
        page = Math.max(1, page);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, false, 1);
    }

    /** Reads {@code ?q=&section=&tag=&author=&source=&year=&from=&to=&sort=&page=}; odd values are ignored, never an error. */
    public static SearchRequest from(Function<String, List<String>> params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dim : IndexFields.DIMENSIONS) {
            filters.put(dim, params.apply(dim));
        }
        return new SearchRequest(first(params, "q"), filters, date(first(params, "from")), date(first(params, "to")),
                "newest".equals(first(params, "sort")), org.gazette.site.Pager.pageNumber(first(params, "page")));
    }

    private static String first(Function<String, List<String>> params, String name) {
        List<String> values = params.apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public boolean isEmpty() {
        return query.isEmpty() && filters.isEmpty() && from == null && to == null;
    }

    public boolean hasFilters() {
        return !filters.isEmpty() || from != null || to != null;
    }

    public boolean isSelected(String dim, String value) {
        return filters.getOrDefault(dim, List.of()).contains(value);
    }

    public SearchRequest withQuery(String text) {
        return new SearchRequest(text, filters, from, to, newest, 1);
    }

    public SearchRequest withFilter(String dim, String value) {
        return editFilter(dim, values -> values.add(value));
    }

    public SearchRequest withoutFilter(String dim, String value) {
        return editFilter(dim, values -> values.remove(value));
    }

    private SearchRequest editFilter(String dim, java.util.function.Consumer<List<String>> edit) {
        Map<String, List<String>> changed = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(changed.getOrDefault(dim, List.of()));
        edit.accept(values);
        changed.put(dim, values);
        return new SearchRequest(query, changed, from, to, newest, 1);
    }

    public SearchRequest withoutDates() {
        return new SearchRequest(query, filters, null, null, newest, 1);
    }

    public SearchRequest sortedByNewest(boolean byNewest) {
        return new SearchRequest(query, filters, from, to, byNewest, 1);
    }

    public SearchRequest atPage(int number) {
        return new SearchRequest(query, filters, from, to, newest, number);
    }

    /** The URL query string of this request, parameters always in the same order; without a leading "?". */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        add(out, "q", query);
        filters.forEach((dim, values) -> values.forEach(v -> add(out, dim, v)));
        add(out, "from", from == null ? null : from.toString());
        add(out, "to", to == null ? null : to.toString());
        add(out, "sort", newest ? "newest" : null);
        add(out, "page", page > 1 ? Integer.toString(page) : null);
        return out.toString();
    }

    /** The address of this results page, e.g. {@code /search?q=dam&tag=Water}. */
    public String href(String path) {
        String qs = queryString();
        return qs.isEmpty() ? path : path + "?" + qs;
    }

    public String href() {
        return href("/search");
    }

    private static void add(StringBuilder out, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append('&');
        }
        out.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
