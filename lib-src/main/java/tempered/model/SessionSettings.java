package tempered.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The ONNX Runtime session options Tempered runs GPT-2 with, and what each bought, measured with
 * {@code tempered bench}'s model (GPT-2 small's shape) on a 2-core x86-64 machine, batch 1, cached decoding.
 */
final class SessionSettings {
    private SessionSettings() {
    }

    static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // Graph optimisation: 14 tokens/s without it, 40 with it. Most of that is constant folding (the output
        // layer's transposed embedding matrix is computed once instead of every token); the extended and
        // all-level fusions add nothing measurable here, and cost nothing either.
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // One thread per core: 26 tokens/s on one thread, 39 on two. Batch-1 decoding reads every weight once
        // per token, so it is bound by memory bandwidth, which one core alone cannot use up.
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        return options;
    }
}
