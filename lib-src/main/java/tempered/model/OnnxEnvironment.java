package tempered.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

/**
 * The process's one ONNX Runtime environment, made with ONNX Runtime's telemetry turned off: every model, the
 * benchmark's probe and the command line get it here, so the switch is made once, as the environment is made.
 *
 * <p>What the switch does not do, measured with ONNX Runtime 1.29.0 on Linux in a fresh {@code HOME}: making the
 * environment already writes a device id and a queue of start-up events (SQLite) under
 * {@code ~/.cache/Microsoft/DeveloperTools/.onnxruntime/}, before any call can turn telemetry off; the switch then
 * stops the events each session would add. Only {@code ORT_DISABLE_TELEMETRY=1} in the environment of the process,
 * set before it starts, keeps ONNX Runtime from writing anything; {@code ./lab} sets it for the notebooks' kernel and
 * its own commands, and the README says how to set it for {@code java -jar}.
 *
 * <pre>{@code
 * // not run: loads ONNX Runtime's native library
 * OrtEnvironment environment = OnnxEnvironment.get();
 * }</pre>
 */
public final class OnnxEnvironment {
    private static volatile OrtEnvironment environment;

    private OnnxEnvironment() {}

    /**
     * The environment, made on the first call.
     *
     * @throws LinkageError or a runtime exception when ONNX Runtime cannot load on this machine
     */
    public static OrtEnvironment get() {
        OrtEnvironment made = environment;
        if (made != null) {
            return made;
        }
        synchronized (OnnxEnvironment.class) {
            if (environment == null) {
                OrtEnvironment created = OrtEnvironment.getEnvironment();
                try {
                    created.setTelemetry(false);
                } catch (OrtException e) {
                    // Telemetry left on costs nothing a learner sees; the model still runs.
                }
                environment = created;
            }
            return environment;
        }
    }
}
