package org.gazette.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gazette.change.DerivedFiles;

/**
 * When each cache tag last changed, as a position in the outbox. A page kept on disk records the
 * position its rendering started from, so on reading it can tell whether anything it shows changed
 * since, however long ago, and across restarts: the clock is saved beside the pages and brought
 * up to date from the outbox at start.
 *
 * <p>Written by the change feed's thread only; read by every request.
 */
final class TagClock {

    private static final int FORMAT = 0x47544331;

    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    /** Pages rendered before this position are void: the site changed as a whole, or they predate the clock. */
    private volatile long voidBefore;
    /** The outbox position the clock has applied. */
    private volatile long position;

    private TagClock(long voidBefore, long position) {
        this.voidBefore = voidBefore;
        this.position = position;
    }

    /** A clock for an empty shelf: only pages rendered from now on count. */
    static TagClock startingAt(long position) {
        return new TagClock(position, position);
    }

    long position() {
        return position;
    }

    int size() {
        return changedAt.size();
    }

    /** Whether a page rendered from {@code renderedAt} with these tags still shows the site as it is. */
    boolean current(String[] tags, long renderedAt) {
        if (renderedAt < voidBefore) {
            return false;
        }
        for (String tag : tags) {
            Long changed = changedAt.get(tag);
            if (changed != null && changed > renderedAt) {
                return false;
            }
        }
        return true;
    }

    /**
     * Notes the tags each change touched, at that change's position, then moves to {@code upTo}. In
     * that order: a rendering that reads the new position must find every earlier change noted.
     */
    void changed(Map<String, Long> tagPositions, long upTo) {
        tagPositions.forEach((tag, at) -> changedAt.merge(tag, at, Math::max));
        position = upTo;
    }

    /** Everything rendered before {@code upTo} is void. */
    void changedEverything(long upTo) {
        voidBefore = upTo;
        changedAt.clear(); // older marks say nothing a page rendered after upTo needs
        position = upTo;
    }

    synchronized void save(Path file, String build) throws IOException {
        // The position first, then the marks: marks newer than the saved position are harmless (the
        // outbox replays those changes at start), a mark missing below it would let a stale page pass.
        long savedPosition = position;
        long savedVoidBefore = voidBefore;
        Map<String, Long> marks = new HashMap<>(changedAt);
        var bytes = new ByteArrayOutputStream(64 + marks.size() * 24);
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(build);
            out.writeLong(savedVoidBefore);
            out.writeLong(savedPosition);
            out.writeInt(marks.size());
            for (var mark : marks.entrySet()) {
                out.writeUTF(mark.getKey());
                out.writeLong(mark.getValue());
            }
        }
        DerivedFiles.replace(file, bytes.toByteArray());
    }

    /** The saved clock, if it was saved by the same build and reads back whole. */
    static Optional<TagClock> load(Path file, String build) {
        try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(build)) {
                return Optional.empty();
            }
            TagClock clock = new TagClock(in.readLong(), in.readLong());
            int marks = in.readInt();
            for (int i = 0; i < marks; i++) {
                clock.changedAt.put(in.readUTF(), in.readLong());
            }
            return Optional.of(clock);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // cut short or garbled: the pages it vouched for cannot be trusted
        }
    }
}
