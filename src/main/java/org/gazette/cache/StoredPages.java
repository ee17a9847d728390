package org.gazette.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.gazette.change.DerivedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered pages kept on disk, one file each, beside the memory cache: every article page of a
 * large archive fits here, where memory holds only the busiest, and they outlive a restart.
 *
 * <p>A file records the outbox position its rendering started from; the {@link TagClock} says on
 * every read whether anything the page shows changed after that, so a page is never served stale,
 * and nothing has to be deleted when something changes. The clock is saved beside the pages; if it
 * is missing or was saved by another build, the pages are void and the folder starts over.
 */
final class StoredPages {

    private static final Logger LOG = LoggerFactory.getLogger(StoredPages.class);
    private static final int FORMAT = 0x47505032;
    private static final String CLOCK = "clock";
    private static final String VOID = ".void-";
    private static final long SWEEP_PAUSE_MILLIS = 1000;
    private static final long SAVE_EVERY_NANOS = 5_000_000_000L;
    /** Marks beyond this start the shelf over, so the clock's memory stays bounded. */
    private static final int MAX_MARKS = 1_000_000;

    /** Looking a digest up costs more than using it, on every read. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Path folder;
    private final String build;
    private final TagClock clock;
    /** The outbox's end at the start: pages are read once the clock has caught up to it. */
    private final long readyAt;
    private long savedAt = System.nanoTime();
    private final LongAdder hits = new LongAdder();
    private final LongAdder writes = new LongAdder();

    private StoredPages(Path folder, String build, TagClock clock, long readyAt) {
        this.folder = folder;
        this.build = build;
        this.clock = clock;
        this.readyAt = readyAt;
    }

    /**
     * The pages kept in {@code folder}. Until the clock has caught up with {@code latestSeq} (the
     * outbox's end now), nothing is read from the shelf.
     */
    static StoredPages open(Path folder, String build, long latestSeq) throws IOException {
        Files.createDirectories(folder);
        var saved = TagClock.load(folder.resolve(CLOCK), build).filter(c -> c.position() <= latestSeq);
        if (saved.isEmpty()) {
            clear(folder);
        }
        sweepVoided(folder);
        TagClock clock = saved.orElseGet(() -> TagClock.startingAt(latestSeq));
        StoredPages shelf = new StoredPages(folder, build, clock, latestSeq);
        shelf.saveClock();
        return shelf;
    }

    boolean ready() {
        return clock.position() >= readyAt;
    }

    long position() {
        return clock.position();
    }

    /** The kept page for {@code key} if it is still current, or null. */
    CachedPage find(String key, long epoch) {
        if (!ready()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("Could not read the kept page of {}: {}", key, e.toString());
            return null;
        }
        try {
            CachedPage page = decode(key, bytes, epoch);
            if (page != null) {
                hits.increment();
            }
            return page;
        } catch (IOException | RuntimeException e) {
            return null; // cut short or garbled: rendered afresh and written over
        }
    }

    /** Keeps a page rendered from outbox position {@code renderedAt}. */
    void put(CachedPage page, long renderedAt) {
        Path file = file(page.key());
        try {
            Files.createDirectories(file.getParent());
            DerivedFiles.replace(file, encode(page, renderedAt));
            markRead(file);
            writes.increment();
        } catch (IOException e) {
            LOG.warn("Could not keep the page {} on disk: {}", page.key(), e.toString());
        }
    }

    /**
     * Gives a new file an access time later than its other times. Linux (mounted relatime, the
     * default) otherwise writes the access time at the first read after a write: for a freshly
     * rendered archive, one journal write per page on the readers' path, which put the
     * benchmark mix's p99 at 220-400 ms on its first pass over the pages, and at 5 ms on the next.
     */
    private static void markRead(Path file) throws IOException {
        FileTime later = FileTime.from(Instant.now().plusSeconds(1));
        Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(null, later, null);
    }

    /** Notes changes (each tag at the position of the last change that touched it) up to {@code upTo}. */
    void changed(Map<String, Long> tagPositions, long upTo) {
        if (clock.size() + tagPositions.size() > MAX_MARKS) {
            clock.changedEverything(upTo);
        } else {
            clock.changed(tagPositions, upTo);
        }
        saveNowAndThen();
    }

    void changedEverything(long upTo) {
        clock.changedEverything(upTo);
        saveNowAndThen();
    }

    Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("ready", ready());
        stats.put("hits", hits.sum());
        stats.put("writes", writes.sum());
        stats.put("marks", clock.size());
        return stats;
    }

    private void saveNowAndThen() {
        // Saved now and then, not at every change: after a crash the outbox replays what came after.
        if (System.nanoTime() - savedAt > SAVE_EVERY_NANOS) {
            saveClock();
        }
    }

    /** Saves the clock, so the next start need not replay the outbox from an older position. */
    void close() {
        saveClock();
    }

    private synchronized void saveClock() {
        try {
            clock.save(folder.resolve(CLOCK), build);
            savedAt = System.nanoTime();
        } catch (IOException e) {
            LOG.warn("Could not save the clock of the kept pages: {}", e.toString());
        }
    }

    private Path file(String key) {
        String name = HexFormat.of().formatHex(sha256(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
        return folder.resolve(name.substring(0, 2)).resolve(name.substring(2));
    }

    private static byte[] encode(CachedPage page, long renderedAt) throws IOException {
        int size = page.body().remaining() + (page.gzip() == null ? 0 : page.gzip().remaining()) + 1024;
        var bytes = new ByteArrayOutputStream(size);
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(page.key());
            out.writeLong(renderedAt);
            out.writeLong(page.lastModifiedSeconds());
            out.writeUTF(page.lastModified());
            out.writeUTF(page.contentType());
            out.writeUTF(page.etag());
            out.writeUTF(page.gzipEtag());
            out.writeShort(page.headers().size());
            for (var header : page.headers().entrySet()) {
                out.writeUTF(header.getKey());
                out.writeUTF(header.getValue());
            }
            out.writeShort(page.tags().length);
            for (String tag : page.tags()) {
                out.writeUTF(tag);
            }
            write(out, page.body());
            if (page.gzip() == null) {
                out.writeInt(-1);
            } else {
                write(out, page.gzip());
            }
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, ByteBuffer part) throws IOException {
        out.writeInt(part.remaining());
        out.write(CachedPage.bytes(part));
    }

    /**
     * The page in {@code bytes}, or null if it belongs to another key or is no longer current. Its
     * body and gzip form are views into {@code bytes}: copied out, they doubled what serving a page
     * from disk allocated, and under readers spread over the archive the heap's young generation
     * filled (and the collector paused) twice as often.
     */
    private CachedPage decode(String key, byte[] bytes, long epoch) throws IOException {
        var source = new ByteArrayInputStream(bytes);
        var in = new DataInputStream(source);
        if (in.readInt() != FORMAT || !in.readUTF().equals(key)) {
            return null;
        }
        long renderedAt = in.readLong();
        long lastModified = in.readLong();
        String lastModifiedDate = in.readUTF();
        String contentType = in.readUTF();
        String etag = in.readUTF();
        String gzipEtag = in.readUTF();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = in.readShort(); i > 0; i--) {
            headers.put(in.readUTF(), in.readUTF());
        }
        String[] tags = new String[in.readShort()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = in.readUTF();
        }
        if (!clock.current(tags, renderedAt)) {
            return null;
        }
        ByteBuffer body = view(bytes, source, in.readInt());
        int gzipLength = in.readInt();
        ByteBuffer gzip = gzipLength < 0 ? null : view(bytes, source, gzipLength);
        return new CachedPage(key, body, gzip, contentType, Map.copyOf(headers), etag, gzipEtag, lastModified,
                lastModifiedDate, tags, epoch);
    }

    /** The next {@code length} bytes of {@code bytes}, which {@code source} is reading, as a view. */
    private static ByteBuffer view(byte[] bytes, ByteArrayInputStream source, int length) throws IOException {
        int at = bytes.length - source.available();
        if (length < 0 || length > source.available()) {
            throw new IOException("cut short");
        }
        source.skipNBytes(length);
        return ByteBuffer.wrap(bytes, at, length).slice();
    }

    /**
     * Sets aside the pages kept by another build or vouched for by a lost clock, for
     * {@link #sweepVoided} to delete: a large archive's pages take a while, and start-up should not wait.
     */
    private static void clear(Path folder) throws IOException {
        boolean empty;
        try (Stream<Path> children = Files.list(folder)) {
            empty = children.findAny().isEmpty();
        }
        if (!empty) {
            Path parent = folder.toAbsolutePath().getParent();
            Files.move(folder, parent.resolve(folder.getFileName() + VOID + System.nanoTime()));
            Files.createDirectories(folder);
        }
    }

    /** Deletes, in the background, what earlier starts set aside and a stop left undeleted. */
    private static void sweepVoided(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        String name = folder.getFileName().toString();
        List<Path> voided;
        try (Stream<Path> siblings = Files.list(parent)) {
            voided = siblings.filter(p -> p.getFileName().toString().startsWith(name + VOID)).toList();
        }
        if (!voided.isEmpty()) {
            Thread sweeper = new Thread(() -> voided.forEach(StoredPages::sweep), "kept-pages-sweeper");
            sweeper.setDaemon(true);
            sweeper.start();
        }
    }

    /**
     * Deletes a set-aside folder of pages slowly, one of its subfolders (a few hundred files) at a
     * time with a pause between. Each deletion is a write to the file system's journal: 100,000
     * files took 25 s to delete here, 4 s of it CPU, the rest waiting on the disk that readers' pages
     * come from. Nothing of it is read any more, so there is no hurry; a stop leaves the rest to the
     * next start.
     */
    private static void sweep(Path tree) {
        try {
            Thread.sleep(SWEEP_PAUSE_MILLIS * 20); // not while the site is starting up
            try (Stream<Path> subfolders = Files.list(tree)) {
                for (Path subfolder : (Iterable<Path>) subfolders::iterator) {
                    deleteTree(subfolder);
                    Thread.sleep(SWEEP_PAUSE_MILLIS);
                }
            }
            Files.deleteIfExists(tree);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Could not delete the void pages in {}: {}", tree, e.toString());
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    private static byte[] sha256(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }
}
