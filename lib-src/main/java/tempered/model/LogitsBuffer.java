package tempered.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Native memory that ONNX Runtime writes a decoding step's logits into, kept by a {@link KvCache} from step to
 * step: one token per sequence gives logits of the same shape every step, so nothing is allocated for them and
 * they are copied once, into the arrays handed back. (Otherwise ONNX Runtime allocates an output each step, and
 * its Java API copies it element by element, which shows in a short int8 step.)
 */
final class LogitsBuffer implements AutoCloseable {
    final OnnxTensor tensor;
    private final FloatBuffer floats;

    LogitsBuffer(OrtEnvironment environment, int batch, int vocabulary) {
        floats = ByteBuffer.allocateDirect(batch * vocabulary * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        try {
            tensor = OnnxTensor.createTensor(environment, floats, new long[] {batch, 1, vocabulary});
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime could not wrap a buffer for " + batch + " x " + vocabulary + " logits: "
                            + e.getMessage(),
                    e);
        }
    }

    /** A view of the logits the last run wrote, positioned at 0. */
    FloatBuffer view() {
        return floats.duplicate();
    }

    @Override
    public void close() {
        tensor.close();
    }
}
