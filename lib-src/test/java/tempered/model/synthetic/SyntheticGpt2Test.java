package tempered.model.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.synthetic.SyntheticGpt2.Layout;
import tempered.model.synthetic.SyntheticGpt2.Precision;
import tempered.model.synthetic.SyntheticGpt2.Shape;

/** The files the builder writes, read back with protobuf's own parser for ONNX. */
class SyntheticGpt2Test {

    /**
     * The int8 model has the operators ONNX Runtime's quantize_dynamic writes with its defaults: each of the 4
     * weight products per layer and the output layer becomes DynamicQuantizeLinear, MatMulInteger, Cast and
     * Mul; weights are int8 with one scalar scale and a zero point of 0; the two embedding lookups read int8
     * rows and dequantize them. The attention's two products of activations stay float MatMuls.
     */
    @Test
    void theInt8ModelHasQuantizeDynamicsOperatorsAndPerTensorScales(@TempDir Path dir) throws IOException {
        Shape shape = new Shape(2, 2, 8, 50257, 64);
        ModelProto model = read(
                SyntheticGpt2.write(dir, Layout.MODEL, shape, 7, Precision.INT8).resolve("onnx/model_quantized.onnx"));
        Map<String, Long> operators = model.getGraph().getNodeList().stream()
                .collect(Collectors.groupingBy(NodeProto::getOpType, Collectors.counting()));
        int products = 4 * shape.layers() + 1;
        assertEquals(products, operators.get("DynamicQuantizeLinear"));
        assertEquals(products, operators.get("MatMulInteger"));
        assertEquals(2, operators.get("DequantizeLinear"));
        assertEquals(
                2 * shape.layers(),
                operators.get("MatMul"),
                "only the attention's score and value products stay float");
        Map<String, TensorProto> initializers = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        List<NodeProto> integerProducts = model.getGraph().getNodeList().stream()
                .filter(n -> n.getOpType().equals("MatMulInteger"))
                .toList();
        for (NodeProto product : integerProducts) {
            TensorProto weights = initializers.get(product.getInput(1));
            TensorProto zeroPoint = initializers.get(product.getInput(3));
            if (weights != null) {
                assertEquals(TensorProto.DataType.INT8_VALUE, weights.getDataType(), product.getInput(1));
            }
            assertEquals(TensorProto.DataType.INT8_VALUE, zeroPoint.getDataType());
            assertEquals(0, zeroPoint.getDimsCount(), "one zero point per tensor");
            assertEquals(0, zeroPoint.getRawData().byteAt(0));
        }
        assertEquals(
                TensorProto.DataType.INT8_VALUE,
                initializers.get("transformer.wte.weight_quantized").getDataType());
        assertTrue(
                initializers.values().stream()
                        .noneMatch(t -> t.getDataType() == TensorProto.DataType.FLOAT_VALUE && t.getDimsCount() == 2),
                "no float weight matrix is left");
    }

    /** The float32 model names its weights as GPT-2's exports do and stores each matrix in its shape. */
    @Test
    void theFloat32ModelNamesItsWeightsAsGpt2Does(@TempDir Path dir) throws IOException {
        ModelProto model = read(SyntheticGpt2.write(dir, Layout.MERGED).resolve(Layout.MERGED.file));
        Map<String, TensorProto> initializers = model.getGraph().getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity()));
        assertEquals(
                List.of(50257L, 16L), initializers.get("transformer.wte.weight").getDimsList());
        assertEquals(
                List.of(16L, 48L),
                initializers.get("transformer.h.1.attn.c_attn.weight").getDimsList());
        assertEquals(
                50257 * 16 * 4,
                initializers.get("transformer.wte.weight").getRawData().size());
        assertEquals("tempered", model.getProducerName());
        assertEquals(17, model.getOpsetImport(0).getVersion());
    }

    private static ModelProto read(Path file) throws IOException {
        return ModelProto.parseFrom(Files.readAllBytes(file));
    }
}
