package tempered.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Putting a finished file into place in one step, so that a reader (this process, another one, or Python)
 * sees either the old file or the whole new one, never a part.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Renames {@code from} to {@code to}, replacing what is there. Both must be on one file system (they are
     * in one folder everywhere Tempered calls this); where the file system cannot rename atomically, it
     * falls back to a plain replacing move.
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes the text to a temporary file beside {@code file}, then moves it into place. */
    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = temporary(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(
                    temporary,
                    text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new, empty file in {@code folder} with a name of its own ({@code prefix}, random digits, {@code suffix}),
     * made with the permissions this process's umask gives any new file (0644 under the usual 022), as Python
     * makes its files: {@link Files#createTempFile} would make it 0600, and another user could not read what is
     * renamed from it. It is made only where no file (and no link) has that name.
     */
    public static Path temporary(Path folder, String prefix, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path file = folder.resolve(prefix + "." + Long.toUnsignedString(RANDOM.nextLong()) + suffix);
            try {
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                        .close();
                return file;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
}
