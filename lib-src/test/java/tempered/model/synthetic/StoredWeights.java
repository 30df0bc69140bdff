package tempered.model.synthetic;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 4-bit weights a model file stores, read back with protobuf's own parser for ONNX and unpacked by the tests'
 * reading of MatMulNBits' documented layout (B [N, blocks, block_size / 2], two weights per byte, low nibble first;
 * one float scale and one 4-bit zero point per block of each output column), not by the code that packed them.
 */
public final class StoredWeights {
    private StoredWeights() {}

    /**
     * Every MatMulNBits product's weights as float32 numbers, {@code K x N} row-major, by the name of the matrix
     * (the packed initializer's name without its {@code .weight_Q4} ending).
     */
    public static Map<String, float[]> dequantized4Bit(Path file) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, TensorProto> initializers = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        Map<String, float[]> matrices = new HashMap<>();
        for (NodeProto node : model.getGraph().getNodeList()) {
            if (!node.getOpType().equals("MatMulNBits")) {
                continue;
            }
            Map<String, Long> attributes = node.getAttributeList().stream()
                    .collect(Collectors.toMap(AttributeProto::getName, AttributeProto::getI));
            int k = Math.toIntExact(attributes.get("K"));
            int n = Math.toIntExact(attributes.get("N"));
            int block = Math.toIntExact(attributes.get("block_size"));
            if (attributes.get("bits") != 4) {
                throw new IllegalStateException("expected 4 bits, got " + attributes.get("bits"));
            }
            byte[] packed = initializers.get(node.getInput(1)).getRawData().toByteArray();
            float[] scales = floats(initializers.get(node.getInput(2)));
            byte[] zeros = initializers.get(node.getInput(3)).getRawData().toByteArray();
            int blocks = (k + block - 1) / block;
            int zeroBytes = (blocks * 4 + 7) / 8;
            float[] w = new float[k * n];
            for (int column = 0; column < n; column++) {
                for (int row = 0; row < k; row++) {
                    int b = row / block;
                    int within = row % block;
                    int q = nibble(packed[(column * blocks + b) * (block / 2) + within / 2], within % 2);
                    int zero = nibble(zeros[column * zeroBytes + b / 2], b % 2);
                    w[row * n + column] = (q - zero) * scales[column * blocks + b];
                }
            }
            String name = node.getInput(1);
            matrices.put(name.substring(0, name.length() - ".weight_Q4".length()), w);
        }
        return matrices;
    }

    private static int nibble(byte value, int which) {
        return which == 0 ? value & 0x0F : (value >> 4) & 0x0F;
    }

    private static float[] floats(TensorProto tensor) {
        ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(values);
        return values;
    }
}
