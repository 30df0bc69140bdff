package tempered.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What Tempered remembers of the cached files whose hash it has checked, so that a model is checked before every
 * run without hashing 655 MB each time: for each file, the hash it had and its state right then (size,
 * modification time, file key, which is the device and inode, and, where the system has one, the change time,
 * which no user can set back). A file whose state still matches its record is taken as checked; any write,
 * truncation, replacement, move or {@code touch} changes the state, and the hash is computed again.
 *
 * <p>The records are kept per user, in Tempered's own cache ({@code TEMPERED_CACHE/verified}, one small file per
 * checked file), never in the Hugging Face cache: another user of a shared cache cannot vouch for a file there.
 * A record that cannot be written (a read-only home) only costs the next run a hash. Records of files that are
 * gone are dropped as new ones are written. What it leaves out: a change that keeps size, both times and the
 * inode, which takes root setting the clock back.
 */
final class VerifiedFiles {
    /** Records beyond this many make a write look for (and drop) those of files that are gone. */
    private static final int PRUNE_ABOVE = 64;

    private final Path folder;

    /** @param folder where the records go, or null to remember nothing (every check hashes) */
    VerifiedFiles(Path folder) {
        this.folder = folder;
    }

    /** The file's state as the file system reports it: what any change to the file changes. */
    static String state(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String changed;
        try {
            changed = Long.toString(((FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS));
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            changed = "-";
        }
        // Times as nanoseconds, not FileTime.toString: that formatting costs a fresh JVM tens of milliseconds.
        return "size " + attributes.size() + "\nmodified "
                + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\nkey " + attributes.fileKey()
                + "\nchanged " + changed;
    }

    /** True when a record says that this file, in exactly this state, had this hash. */
    boolean vouchFor(Path file, String hash, String state) {
        if (folder == null) {
            return false;
        }
        try {
            return Files.readString(record(file), StandardCharsets.UTF_8).equals(content(file, hash, state));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Records that the file, in this state, had this hash (just computed, or just checked on download). */
    void remember(Path file, String hash, String state) {
        if (folder == null) {
            return;
        }
        try {
            Links.folders(folder.getParent(), folder.getFileName().toString());
            AtomicFiles.write(record(file), content(file, hash, state));
            prune();
        } catch (IOException | RuntimeException e) {
            // Not remembered: the next run computes the hash again, which is slower, never wrong.
        }
    }

    /**
     * The record's name: the file's own (a blob's is its hash) and a short hash of its path. Not a sha256: the first
     * use of MessageDigest in a JVM costs about 0.1 s, more than the whole check it spares. Two paths that share a
     * name only take turns; the record holds the whole path, which must match.
     */
    private Path record(Path file) {
        Path absolute = file.toAbsolutePath();
        return folder.resolve(absolute.getFileName() + "-"
                + Integer.toHexString(absolute.toString().hashCode()));
    }

    private static String content(Path file, String hash, String state) {
        return "file " + file.toAbsolutePath() + "\nhash " + hash + "\n" + state + "\n";
    }

    private void prune() throws IOException {
        List<Path> records;
        try (Stream<Path> files = Files.list(folder)) {
            records = files.limit(PRUNE_ABOVE * 4L).toList();
        }
        if (records.size() <= PRUNE_ABOVE) {
            return;
        }
        for (Path record : records) {
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            if (lines.isEmpty()
                    || !lines.get(0).startsWith("file ")
                    || !Files.exists(Path.of(lines.get(0).substring(5)))) {
                Files.deleteIfExists(record);
            }
        }
    }
}
