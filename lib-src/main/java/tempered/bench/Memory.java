package tempered.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident and peak resident memory of this process, from {@code /proc/self/status} (Linux only; -1 elsewhere). */
public final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private Memory() {
    }

    /** Resident bytes now, after a garbage collection; -1 where /proc is missing. */
    public static long resident() {
        System.gc();
        return field("VmRSS:");
    }

    /** The most resident bytes this process has had; -1 where /proc is missing. */
    public static long peak() {
        return field("VmHWM:");
    }

    private static long field(String name) {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
