package tempered.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks on lock files, between threads of this JVM and between Tempered processes.
 *
 * <p>Java's {@link FileLock} belongs to the whole JVM (a second lock on the same file from another thread
 * fails instead of waiting), so threads queue on an in-process lock first; its entry is dropped when the
 * last user releases it, so the map holds only locks in use. On Linux a {@link FileLock} is a POSIX record
 * lock, which does not exclude Python's {@code flock}: {@link BlobStore} is written so that a Python download
 * of the same file at the same time does no harm.
 */
final class FileLocks {
    private static final Map<Path, Entry> IN_USE = new HashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private FileLocks() {}

    /** A held lock; closing it releases the file lock and the in-process one. */
    static final class Held implements AutoCloseable {
        private final Path key;
        private final Entry entry;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(Path key, Entry entry, FileChannel channel, FileLock lock) {
            this.key = key;
            this.entry = entry;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                lock.release();
            } finally {
                release(key, entry);
            }
        }
    }

    /** Waits for the lock on {@code file} (created when missing, in a folder that must exist; never through a link). */
    static Held acquire(Path file) throws IOException {
        return acquire(file, () -> {});
    }

    /** The same; {@code onWait} runs once, first, when another thread or process holds the lock, before waiting. */
    static Held acquire(Path file, Runnable onWait) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Entry entry;
        synchronized (IN_USE) {
            entry = IN_USE.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        boolean waited = !entry.lock.tryLock();
        if (waited) {
            onWait.run();
            entry.lock.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    key, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!waited) {
                    onWait.run();
                }
                lock = channel.lock();
            }
            return new Held(key, entry, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            release(key, entry);
            throw e;
        }
    }

    private static void release(Path key, Entry entry) {
        entry.lock.unlock();
        synchronized (IN_USE) {
            if (--entry.users == 0) {
                IN_USE.remove(key);
            }
        }
    }

    /** How many lock files have a user in this JVM: 0 when every lock was released. */
    static int inUse() {
        synchronized (IN_USE) {
            return IN_USE.size();
        }
    }
}
