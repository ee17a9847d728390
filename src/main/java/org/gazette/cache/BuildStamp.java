package org.gazette.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.gazette.config.Settings;

/**
 * What renders a page besides the database: this build's code, templates and assets, its
 * libraries, the JDK, the settings and the navigation. Pages kept on disk by another stamp are void: an upgrade or
 * a changed setting must not leave pages drawn by the old one.
 */
final class BuildStamp {

    /**
     * Settings that change how pages are served or kept, not what they show (nor do the
     * {@code server.} ones: where the site listens; its base URL, which pages show, counts).
     */
    private static final Set<String> BESIDE_PAGES = Set.of("data.dir", "cache.memory-mb", "cache.prerender");

    private BuildStamp() {
    }

    /** The code's part, the same for the life of the process. */
    private static final class Code {
        static final String STAMP = code();
    }

    static String of(Settings settings, String navigation) {
        MessageDigest digest = sha256();
        update(digest, Code.STAMP);
        for (String key : Settings.KNOWN.keySet()) {
            if (!key.startsWith("server.") && !BESIDE_PAGES.contains(key)) {
                update(digest, key + "=" + settings.get(key));
            }
        }
        update(digest, navigation);
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static String code() {
        MessageDigest digest = sha256();
        Path code = codeLocation();
        if (Files.isDirectory(code)) {
            directory(code, digest);
            update(digest, System.getProperty("java.class.path", "")); // the libraries, by version
        } else {
            jar(code, digest); // a jar names its libraries in its manifest
        }
        update(digest, Runtime.version().toString());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Path codeLocation() {
        try {
            return Path.of(BuildStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A packaged build: the checksums the jar already holds for each entry, and its list of libraries. */
    private static void jar(Path file, MessageDigest digest) {
        try (JarFile jar = new JarFile(file.toFile())) {
            jar.stream().forEach(entry -> update(digest, entry.getName() + ":" + entry.getCrc() + ":" + entry.getSize()));
            var manifest = jar.getManifest();
            if (manifest != null) {
                update(digest, String.valueOf(manifest.getMainAttributes().getValue("Class-Path")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiled classes in a folder (tests, a development run): every file's content. */
    private static void directory(Path root, MessageDigest digest) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(file));
                update(digest, root.relativize(file) + ":" + crc.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
