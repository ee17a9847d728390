package org.gazette.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Previous and next links of a paginated page; {@code page} counts from 1. */
public record Pager(int page, boolean hasNext, String basePath, String extraQuery) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public String previousHref() {
        return href(page - 1);
    }

    public String nextHref() {
        return href(page + 1);
    }

    private String href(int target) {
        StringBuilder href = new StringBuilder(basePath);
        String sep = "?";
        if (extraQuery != null && !extraQuery.isEmpty()) {
            href.append(sep).append(extraQuery);
            sep = "&";
        }
        if (target > 1) {
            href.append(sep).append("page=").append(target);
        }
        return href.toString();
    }

    public static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Reads ?page=N, treating anything odd as page 1 rather than an error. */
    public static int pageNumber(String raw) {
        try {
            int page = Integer.parseInt(raw);
            return page < 1 || page > 100_000 ? 1 : page;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
