package tempered.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * The write side of the {@link HubCache}: puts a verified file into {@code blobs/<etag>}, links it from
 * {@code snapshots/<commit>/<path>} and records the branch's commit in {@code refs/}, all under a lock.
 *
 * <p>It shares the cache with Python's {@code huggingface_hub} (0.36), which locks
 * {@code .locks/models--ORG--NAME/<etag>.lock} with {@code flock} and writes {@code blobs/<etag>.incomplete}.
 * Java cannot take a {@code flock}, and its own lock on the same file does not exclude Python's on Linux,
 * so the two must not need to exclude each other:
 * <ul>
 *   <li>Tempered writes only its own partial file, {@code blobs/<etag>.tempered.incomplete}, never Python's;</li>
 *   <li>a partial file Python left (or is still writing) is resumed by copying its bytes into Tempered's: a
 *       prefix Python appends to stays a valid prefix, and the hash check after the transfer catches the
 *       rest, in which case the file is fetched once more from the first byte, in the same call (as it is when
 *       Tempered's own partial file from an earlier run held wrong bytes);</li>
 *   <li>the blob is renamed into place atomically; if Python renames its own copy over it later, readers
 *       see one whole, identical file or the other, and the snapshot link is replaced atomically too;</li>
 *   <li>Python's partial file is deleted only after the blob is in place and {@code /proc/locks} shows no
 *       {@code flock} on Python's lock file: a Python download that starts later finds the blob and never
 *       opens its partial file, and one already running holds the lock.</li>
 * </ul>
 * Tempered processes exclude each other with {@link FileLocks} on that same lock file, so two terminals
 * fetching the same file make one transfer. No link is followed where it writes ({@link Links}): a cache others
 * can write to cannot send its writes, or its copy of Python's partial file, elsewhere.
 */
final class BlobStore {
    private final HubCache cache;

    BlobStore(HubCache cache) {
        this.cache = cache;
    }

    /** Gets the bytes of a file into a partial file, resuming from what is there. */
    @FunctionalInterface
    interface Source {
        void fetchInto(Path partial) throws IOException;
    }

    /**
     * The snapshot path of a file, fetching it from {@code source} unless its blob is already here and intact.
     *
     * @param knownSha256 the file's sha256 when the caller knows it, for hubs that do not name it; or null
     * @param progress told when this call must first wait for another download of the same file
     * @throws DownloadException when the bytes do not match the hash or size the hub named, or the cache
     *         cannot be written; nothing partial or unverified is linked
     */
    Path store(
            ModelSpec spec,
            String path,
            HubTransfer.Metadata metadata,
            String knownSha256,
            Source source,
            DownloadProgress progress) {
        String name = spec.repo() + "/" + path;
        Path blobs = cache.blobs(spec.repo());
        Path blob = blobs.resolve(metadata.etag());
        Path pointer = cache.snapshot(spec.repo(), metadata.commit()).resolve(path);
        Path pythonPartial = blobs.resolve(metadata.etag() + ".incomplete");
        Path partial = blobs.resolve(metadata.etag() + ".tempered.incomplete");
        Path lock = cache.root()
                .resolve(".locks")
                .resolve(cache.repository(spec.repo()).getFileName())
                .resolve(metadata.etag() + ".lock");
        try {
            // Every folder and file written below the root is made or opened without following a link, all checked
            // before a byte is fetched.
            String repository = cache.repository(spec.repo()).getFileName().toString();
            Links.folders(cache.root(), repository, "blobs");
            Links.folders(cache.root(), ".locks", repository);
            Path parent = Path.of(path).getParent();
            Links.folders(
                    cache.root(), repository, "snapshots", metadata.commit(), parent == null ? "." : parent.toString());
            Path ref = null;
            if (!Hashes.isSha1(spec.revision()) || !spec.revision().equals(metadata.commit())) {
                Path branch = Path.of(spec.revision()).getParent();
                ref = Links.folders(cache.root(), repository, "refs", branch == null ? "." : branch.toString())
                        .resolve(Path.of(spec.revision()).getFileName());
                Links.refuse(ref);
            }
            for (Path file : new Path[] {lock, blob, partial, pythonPartial}) {
                Links.refuse(file);
            }
            FileLocks.Held held = FileLocks.acquire(
                    lock,
                    () -> progress.waiting("waiting for another download of " + name + " into " + cache.root()
                            + " to finish (another Tempered process or terminal holds " + lock
                            + "); this one then uses its file"));
            try {
                // A blob without its snapshot link may be one a disk error or an edit broke: check before linking it
                // again.
                if (Files.isRegularFile(blob)
                        && HubCache.damage(blob, metadata.etag(), metadata.size(), knownSha256)
                                .isPresent()) {
                    Files.delete(blob);
                }
                // Another process may have finished the file while this one waited for the lock.
                if (!Files.isRegularFile(blob)) {
                    // Bytes left by an earlier run (Tempered's or Python's) may be wrong: when the whole file does not
                    // check, it is fetched once more from its first byte, in this same call.
                    boolean resumed = adopt(pythonPartial, partial, metadata.size())
                            || (Files.isRegularFile(partial) && Files.size(partial) > 0);
                    source.fetchInto(partial);
                    Optional<String> damage = HubCache.damage(partial, metadata.etag(), metadata.size(), knownSha256);
                    if (damage.isPresent() && resumed) {
                        Files.delete(partial);
                        source.fetchInto(partial);
                        damage = HubCache.damage(partial, metadata.etag(), metadata.size(), knownSha256);
                    }
                    if (damage.isPresent()) {
                        Files.delete(partial);
                        throw new DownloadException(
                                "the downloaded " + name + " " + damage.get() + "; deleted it, nothing was cached."
                                        + " Run the command again; if it repeats, the server is sending a different file");
                    }
                    AtomicFiles.move(partial, blob);
                }
                link(blob, pointer);
                // Checked just now (as it was fetched, or above): its first run need not hash it again.
                cache.rememberIntact(blob, metadata.etag(), knownSha256);
                if (ref != null) {
                    AtomicFiles.write(ref, metadata.commit());
                }
                if (Files.exists(pythonPartial) && PythonLocks.knownFree(lock)) {
                    Files.deleteIfExists(pythonPartial);
                }
            } finally {
                held.close();
            }
            return pointer;
        } catch (Links.Found e) {
            throw cache.planted(e);
        } catch (IOException e) {
            throw new DownloadException(
                    "could not write " + name + " into " + cache.root() + ": " + DownloadException.describe(e)
                            + "; check the free space and permissions there, then run " + spec.downloadCommand()
                            + " again to resume",
                    e);
        }
    }

    /**
     * Copies the bytes of Python's partial file into Tempered's when it holds more, so the transfer resumes
     * from there. Exactly the length seen is copied: Python may still be appending.
     */
    private static boolean adopt(Path pythonPartial, Path partial, long size) throws IOException {
        long theirs = Files.isRegularFile(pythonPartial) ? Files.size(pythonPartial) : 0;
        long ours = Files.isRegularFile(partial) ? Files.size(partial) : 0;
        if (theirs <= ours || (size >= 0 && theirs > size)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(pythonPartial, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(
                        partial,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS)) {
            for (long copied = 0; copied < theirs; ) {
                long moved = in.transferTo(copied, theirs - copied, out);
                if (moved <= 0) {
                    break;
                }
                copied += moved;
            }
        } catch (NoSuchFileException e) {
            // Python finished (and renamed its file) meanwhile: nothing to adopt.
            return false;
        }
        return true;
    }

    /**
     * Points {@code pointer} at {@code blob} with a relative symbolic link, made under a temporary name and
     * renamed over the pointer, so the pointer is never missing or half made. Where the file system refuses
     * symbolic links (Windows without developer mode, FAT), it puts a copy there instead, as
     * {@code huggingface_hub} does; a refused permission or a missing folder is an error, not a reason to copy.
     */
    static void link(Path blob, Path pointer) throws IOException {
        Path target = pointer.getParent().relativize(blob);
        if (Files.isSymbolicLink(pointer) && Files.readSymbolicLink(pointer).equals(target)) {
            return;
        }
        Path temporary = pointer.resolveSibling("." + pointer.getFileName() + "." + UUID.randomUUID() + ".link");
        try {
            try {
                Files.createSymbolicLink(temporary, target);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof AccessDeniedException
                        || e instanceof NoSuchFileException
                        || e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                Files.copy(blob, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.move(temporary, pointer);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
