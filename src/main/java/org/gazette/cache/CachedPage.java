package org.gazette.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 * {@code body} and {@code gzip} (null when not worth it) are views that nobody writes to or moves:
 * a page read back from disk points into the file's bytes rather than copying both parts out.
 */
record CachedPage(String key, ByteBuffer body, ByteBuffer gzip, String contentType, Map<String, String> headers,
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
        return new CachedPage(key, ByteBuffer.wrap(body), gzip == null ? null : ByteBuffer.wrap(gzip), contentType,
                Map.copyOf(headers), '"' + hash + '"',
                '"' + hash + "-gz\"", seconds, httpDate(seconds), tags, epoch);
    }

    /** Memory this entry holds, roughly, for the cache's budget. */
    int weight() {
        long weight = (long) body.remaining() + (gzip == null ? 0 : gzip.remaining()) + 2L * key.length()
                + (long) PER_TAG * tags.length + OVERHEAD;
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }

    static String httpDate(long epochSeconds) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
    }

    /** The bytes of {@code view}: its array itself when it is the whole of one, else a copy. */
    static byte[] bytes(ByteBuffer view) {
        if (view.hasArray() && view.arrayOffset() == 0 && view.position() == 0 && view.remaining() == view.array().length) {
            return view.array();
        }
        byte[] copy = new byte[view.remaining()];
        view.duplicate().get(copy);
        return copy;
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
        return "CachedPage[" + key + ", " + body.remaining() + " bytes, " + etag + "]";
    }
}
