package org.gazette.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A response body ready to send, in plain and gzip form, with its strong validators:
 * the ETag is a digest of the bytes, so it changes exactly when the body does.
 *
 * @param lastModified when the content last changed, to the second (HTTP dates have no fractions)
 */
public record Representation(String contentType, byte[] body, byte[] gzipped, String etag, Instant lastModified) {

    public static Representation of(String contentType, String text, Instant lastModified) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Instant modified = (lastModified == null ? Instant.EPOCH : lastModified).truncatedTo(ChronoUnit.SECONDS);
        return new Representation(contentType, body, gzip(body), "\"" + digest(body) + "\"", modified);
    }

    /** The later of two times, either of which may be null. */
    public static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** The gzip body's own strong ETag: a different byte sequence needs a different tag. */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
