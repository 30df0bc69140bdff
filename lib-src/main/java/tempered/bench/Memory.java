package tempered.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident and peak resident memory of this process, read from {@code /proc/self/status}: the one place
 * Tempered reads it (the benchmark and the memory tests both use it).
 *
 * <p>Linux only: elsewhere {@link #available()} is false and the readings are -1. Resident memory counts the
 * native memory ONNX Runtime holds as well as the Java heap, which is why it is read here and not from the JVM.
 */
public final class Memory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private Memory() {}

    /** True where /proc/self/status can be read. */
    public static boolean available() {
        return Files.isReadable(STATUS);
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
        if (!available()) {
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
