package tempered.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntSupplier;
import tempered.model.OnnxEnvironment;

/**
 * Room for ONNX Runtime to start from a long command line.
 *
 * <p>On Linux, ONNX Runtime 1.29.0's telemetry (Microsoft's 1DS C++ SDK) reads {@code /proc/self/cmdline} when
 * the first {@code OrtEnvironment} is made and matches it against the regular expression
 * {@code (.*)[ ]*.*[\n]*} with libstdc++'s {@code std::regex}, whose matcher recurses once per character: about
 * 260 bytes of stack per byte of command line, measured. Java's main thread has 1 MB, so a command line of
 * about 3,900 bytes (a {@code --prompt} of some 600 English words) overflowed it, and the JVM died of SIGSEGV
 * with no message. Every command runs on a thread with a stack sized for its command line instead, and when the
 * line is long that thread starts ONNX Runtime first, before any thread with a smaller stack can. (1.29.0 skips
 * its telemetry under {@code ORT_DISABLE_TELEMETRY=1} or {@code CI=true}, but only when set before the process
 * starts; 1.23.2 ran with 5,000 characters. {@link tempered.model.OnnxEnvironment} turns telemetry off as soon as
 * the environment exists, but the match runs while it is made.)
 */
final class LongCommandLine {
    /** A command line up to this long starts ONNX Runtime within any Java thread's default 1 MB. */
    static final int SHORT = 2048;
    /** Four times the stack per byte the matcher was measured to take, over a base for everything else. */
    static final long STACK_PER_BYTE = 1024;

    static final long BASE_STACK = 16L << 20;

    private LongCommandLine() {}

    /** The stack for a command line of {@code bytes}. */
    static long stack(long bytes) {
        return BASE_STACK + STACK_PER_BYTE * bytes;
    }

    /** This process's command line in bytes as ONNX Runtime reads it: {@code /proc/self/cmdline} on Linux. */
    static long bytes(String[] args) {
        try {
            return Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
        } catch (IOException | RuntimeException e) {
            long bytes = 0;
            for (String arg : args) {
                bytes += arg.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            return bytes;
        }
    }

    /**
     * Runs {@code command} on a thread with room for a command line of {@code bytes}, and returns its status, or
     * refuses in one line (status 2) when this machine will not give a thread that much stack.
     */
    static int run(long bytes, IntSupplier command) {
        int[] status = {Main.INTERNAL_ERROR};
        Thread thread = new Thread(
                null,
                () -> {
                    if (bytes > SHORT) {
                        start();
                    }
                    status[0] = command.getAsInt();
                },
                "tempered",
                stack(bytes));
        try {
            thread.start();
        } catch (OutOfMemoryError e) {
            System.err.println(String.format(
                    Locale.ROOT,
                    "tempered: this command line is %,d bytes, too long to start ONNX Runtime here (it needs %,d MB"
                            + " of stack); give a long prompt with --prompt-file FILE, or on standard input with"
                            + " --prompt -",
                    bytes,
                    stack(bytes) >> 20));
            return Main.BAD_INPUT;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return status[0];
    }

    /** Makes the process's one ONNX Runtime environment here; a failure is left to the command that needs it. */
    private static void start() {
        try {
            OnnxEnvironment.get();
        } catch (RuntimeException | LinkageError e) {
            // Loading ONNX Runtime failed (an unsupported platform, say): a model command says so in its own words.
        }
    }
}
