package org.gazette.feed;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Sends a representation the way feed readers and crawlers expect: strong ETag and Last-Modified,
 * 304 with no body when the client's copy is current, gzip when the client asks for it.
 * Every feed and sitemap goes out through here.
 */
public final class ConditionalGet {

    private static final String CACHE_CONTROL = "public, max-age=60";

    private ConditionalGet() {
    }

    public static void send(Context ctx, Representation rep) {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gzip ? rep.gzipEtag() : rep.etag();
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(rep.lastModified().atOffset(ZoneOffset.UTC)));
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Vary", "Accept-Encoding");
        if (notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), rep)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(rep.contentType());
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
            ctx.result(rep.gzipped());
        } else {
            ctx.result(rep.body());
        }
    }

    /** RFC 9110: If-None-Match decides when present; If-Modified-Since only without it. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, Representation rep) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(rep.etag()) || tag.equals(rep.gzipEtag())) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !rep.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether gzip is among the accepted codings with a non-zero quality. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip();
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return !zeroQuality(pieces);
            }
        }
        return false;
    }

    private static boolean zeroQuality(String[] pieces) {
        for (int i = 1; i < pieces.length; i++) {
            String param = pieces[i].strip();
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2)) == 0.0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
