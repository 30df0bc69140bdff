package tempered.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/** The ONNX Runtime session options Tempered runs GPT-2 with. */
final class SessionSettings {
    private SessionSettings() {
    }

    static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // One thread per core for the matrix products; batch-1 decoding is bound by memory bandwidth.
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        return options;
    }
}
