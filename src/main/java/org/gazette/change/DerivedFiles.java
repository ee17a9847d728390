package org.gazette.change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files of a derived copy (index pointers, positions, kept pages), replaced whole or not at all. */
public final class DerivedFiles {

    private DerivedFiles() {
    }

    /** Replaces {@code file} so that a crash leaves either the old or the new content, never a part. */
    public static void replace(Path file, byte[] content) throws IOException {
        // Named per thread, so two threads writing the same file never share a half-written temporary.
        Path temp = file.resolveSibling(file.getFileName() + ".tmp" + Thread.currentThread().getId());
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void replace(Path file, String text) throws IOException {
        replace(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
