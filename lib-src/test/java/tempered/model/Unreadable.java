package tempered.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A file that this process may not read, whoever runs the tests. Root reads any file whatever its mode, so a
 * {@code chmod 000} file proves nothing when tests run as root (as they do in containers); Linux's
 * {@code /proc/sys/vm/compact_memory} is write-only for everyone, root included.
 */
public final class Unreadable {
    private static final Path FILE = Path.of("/proc/sys/vm/compact_memory");

    private Unreadable() {}

    /** The file; the calling test is skipped, saying why, where no such file exists. */
    public static Path file() throws IOException {
        boolean denied;
        try {
            Files.newInputStream(FILE).close();
            denied = false;
        } catch (AccessDeniedException e) {
            denied = true;
        } catch (IOException e) {
            denied = false;
        }
        Assumptions.assumeTrue(
                denied, "needs Linux's write-only " + FILE + " to test a file nobody may read, root included");
        return FILE;
    }
}
