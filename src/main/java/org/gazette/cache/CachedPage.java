package org.gazette.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered response kept as bytes, with its gzip form made once, its validators, and the
 * tags of everything it shows. {@code epoch} is the cache's invalidation count when rendering began.
 */
record CachedPage(String key, byte[] body, byte[] gzip, String contentType, Map<String, String> headers,
                  String etag, String gzipEtag, long lastModifiedSeconds, String lastModified,
                  String[] tags, long epoch) {

    /** Responses smaller than this are sent as they are; gzip would save next to nothing. */
    private static final int GZIP_MIN = 512;
    private static final int OVERHEAD = 256;
    private static final int PER_TAG = 96;

    static CachedPage of(String key, byte[] body, String contentType, Map<String, String> headers,
                         String[] tags, long epoch, Instant now) {
        String hash = hash(body);
        byte[] gzip = body.length >= GZIP_MIN ? gzip(body) : null;
        long seconds = now.getEpochSecond();
        return new CachedPage(key, body, gzip, contentType, Map.copyOf(headers), '"' + hash + '"',
                '"' + hash + "-gz\"", seconds, httpDate(seconds), tags, epoch);
    }

    /** Memory this entry holds, roughly, for the cache's budget. */
    int weight() {
        long weight = (long) body.length + (gzip == null ? 0 : gzip.length) + 2L * key.length()
                + (long) PER_TAG * tags.length + OVERHEAD;
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }

    static String httpDate(long epochSeconds) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
    }

    static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "CachedPage[" + key + ", " + body.length + " bytes, " + etag + "]";
    }
}
