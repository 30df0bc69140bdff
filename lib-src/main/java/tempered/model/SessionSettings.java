package tempered.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.util.Locale;

/**
 * The ONNX Runtime session options Tempered runs GPT-2 with, and what each bought: batch-1 decoding with one
 * setting changed, against these defaults in the same run ({@code tempered bench --tuning}), on the benchmark's
 * GPT-2-small-shaped models on a 2-core x86-64 machine (float32 / int8):
 * <ul>
 *   <li>graph optimisation, all levels: without it 0.26 / 0.19 times as fast. Basic (constant folding: the output
 *       layer's transposed embeddings computed once, not every token) gives float32 all of it; int8 needs the
 *       extended level, which fuses each DynamicQuantizeLinear, MatMulInteger, Cast and Mul into one
 *       DynamicQuantizeMatMul (basic: 0.90 times as fast). The all level adds nothing measurable over extended;
 *   <li>one thread per core: one thread is 0.55 / 0.62 times as fast;
 *   <li>idle threads spinning before they sleep: without, 0.93 / 0.72 times as fast (int8's many short operators
 *       wait on each other most);
 *   <li>weights packed for the matrix kernels at load (ONNX Runtime's default): without, 0.92 / 0.32 times as fast.
 * </ul>
 * Tried without a measurable effect (within the runs' 5% noise): {@code session.dynamic_block_base} 1 and 4,
 * pinning the worker thread to a core, no memory pattern, no arena, denormals as zero, and glibc's transparent
 * huge pages for ONNX Runtime's allocations.
 *
 * <p>Three can be changed for one JVM with system properties, for a shared or a small machine and for the
 * benchmark's comparisons; each is read when a model is opened:
 * <ul>
 *   <li>{@value #THREADS}: ONNX Runtime's threads for one operator (default: one per core);
 *   <li>{@value #OPTIMIZATION}: {@code none}, {@code basic}, {@code extended} or {@code all} (the default);
 *   <li>{@value #SPINNING}: {@code true} (the default) lets idle ONNX Runtime threads spin for a moment
 *       before they sleep, {@code false} puts them to sleep at once.
 * </ul>
 *
 * <pre>{@code
 * java -Dtempered.onnx.threads=1 -jar target/tempered.jar generate --prompt "The cat"   // one core for GPT-2
 * }</pre>
 */
public final class SessionSettings {
    public static final String THREADS = "tempered.onnx.threads";
    public static final String OPTIMIZATION = "tempered.onnx.optimization";
    public static final String SPINNING = "tempered.onnx.spinning";

    private SessionSettings() {}

    static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(optimization());
        // Batch-1 decoding reads every weight once per token, so it is bound by memory bandwidth, which one core
        // alone cannot use up.
        options.setIntraOpNumThreads(threads());
        options.addConfigEntry("session.intra_op.allow_spinning", spinning() ? "1" : "0");
        return options;
    }

    /** The settings a model opened now gets, as one line: {@code 2 threads, optimisation all, spinning on}. */
    public static String describe() {
        return String.format(
                Locale.ROOT,
                "%d threads, optimisation %s, spinning %s",
                threads(),
                optimization().name().replace("_OPT", "").toLowerCase(Locale.ROOT),
                spinning() ? "on" : "off");
    }

    private static int threads() {
        String value = System.getProperty(THREADS);
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(value.strip());
            if (threads >= 1 && threads <= 256) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // Reported below with the fix.
        }
        throw new IllegalArgumentException(
                THREADS + "=" + value + " must be a whole number from 1 to 256; leave it out for one per core");
    }

    private static OptLevel optimization() {
        String value = System.getProperty(OPTIMIZATION, "all").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "none" -> OptLevel.NO_OPT;
            case "basic" -> OptLevel.BASIC_OPT;
            case "extended" -> OptLevel.EXTENDED_OPT;
            case "all" -> OptLevel.ALL_OPT;
            default ->
                throw new IllegalArgumentException(
                        OPTIMIZATION + "=" + value + " must be none, basic, extended or all");
        };
    }

    private static boolean spinning() {
        String value = System.getProperty(SPINNING, "true").strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(SPINNING + "=" + value + " must be true or false");
        }
        return value.equals("true");
    }
}
