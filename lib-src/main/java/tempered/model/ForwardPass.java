package tempered.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;

/**
 * The outputs of one run of the model over a batch: logits for every position, and the present keys and values.
 * It holds ONNX Runtime's native outputs, so whoever gets one closes it (a {@link KvCache} keeps the last one
 * open until the next run has read its keys and values).
 */
final class ForwardPass implements AutoCloseable {
    private final OrtSession.Result result;
    private final int length;
    private final int vocabulary;
    private final String[] presentNames;
    private FloatBuffer logits;

    /**
     * @param length positions per row of the batch
     * @param logits where the run wrote its logits (a {@link LogitsBuffer}), or null to read its own output
     */
    ForwardPass(OrtSession.Result result, int length, int vocabulary, String[] presentNames, FloatBuffer logits) {
        this.result = result;
        this.length = length;
        this.vocabulary = vocabulary;
        this.presentNames = presentNames;
        this.logits = logits;
    }

    /** The logits at the last position of one row of the batch; read each row once. */
    float[] lastLogits(int row) {
        FloatBuffer all = logitsBuffer();
        if (all.hasArray() && all.arrayOffset() == 0 && all.capacity() == vocabulary) {
            // One row, one position (every decoding step at batch 1): ONNX Runtime's copy is already the row.
            return all.array();
        }
        float[] rowLogits = new float[vocabulary];
        all.position(((row * length) + length - 1) * vocabulary);
        all.get(rowLogits);
        return rowLogits;
    }

    /** The logits at every position of one row. */
    float[][] logits(int row) {
        FloatBuffer all = logitsBuffer();
        float[][] rows = new float[length][vocabulary];
        for (int i = 0; i < length; i++) {
            all.position((row * length + i) * vocabulary);
            all.get(rows[i]);
        }
        return rows;
    }

    /** The logits the run wrote into a cache's buffer, or else ONNX Runtime's copy of its output, kept for all rows. */
    private FloatBuffer logitsBuffer() {
        if (logits == null) {
            logits = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
        }
        return logits;
    }

    /** The present keys and values, in past-input order; they stay valid until this pass is closed. */
    OnnxTensor[] presents() {
        OnnxTensor[] tensors = new OnnxTensor[presentNames.length];
        for (int i = 0; i < tensors.length; i++) {
            tensors[i] = (OnnxTensor) result.get(presentNames[i]).orElseThrow();
        }
        return tensors;
    }

    @Override
    public void close() {
        result.close();
    }
}
