package tempered.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether some process holds a {@code flock} on a file, as Python's {@code huggingface_hub} does on
 * {@code .locks/models--ORG--NAME/<etag>.lock} while it downloads that file. Java cannot take or test a
 * {@code flock}, but Linux lists every lock in {@code /proc/locks} ({@code 1: FLOCK ADVISORY WRITE <pid>
 * <major>:<minor>:<inode> 0 EOF}), by inode.
 */
final class PythonLocks {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private PythonLocks() {}

    /** True only when it is known that no process holds (or waits for) a {@code flock} on {@code file}. */
    static boolean knownFree(Path file) {
        return knownFree(file, PROC_LOCKS);
    }

    static boolean knownFree(Path file, Path procLocks) {
        try {
            if (!Files.isReadable(procLocks)) {
                return false;
            }
            if (!Files.exists(file)) {
                return true;
            }
            String inode = ":" + Files.getAttribute(file, "unix:ino");
            List<String> lines = Files.readAllLines(procLocks);
            return lines.stream()
                    .map(String::trim)
                    .filter(line -> line.contains(" FLOCK "))
                    .flatMap(line -> List.of(line.split("\\s+")).stream())
                    .noneMatch(field -> field.chars().filter(c -> c == ':').count() == 2 && field.endsWith(inode));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
