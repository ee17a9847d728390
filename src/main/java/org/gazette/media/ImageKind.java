package org.gazette.media;

/** The image formats the back office accepts, told apart by their first bytes, never by the file name. */
public enum ImageKind {
    JPEG, PNG, WEBP;

    /** The kind of image these bytes start with, or null when they are none of the accepted ones. */
    public static ImageKind sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (startsWith(bytes, png, 0)) {
            return PNG;
        }
        if (startsWith(bytes, "RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0)
                && startsWith(bytes, "WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 8)) {
            return WEBP;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
