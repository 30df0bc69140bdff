package tempered.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.util.Locale;

/**
 * The ONNX Runtime session options Tempered runs its models with: every graph optimisation, one thread per core,
 * idle threads spinning a moment before they sleep, and ONNX Runtime's other defaults (weights packed for the matrix
 * kernels at load). What each bought against the others, measured with {@code tempered bench --tuning}, and what was
 * tried without effect, is in the README's Performance section, beside the run that measured it.
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
