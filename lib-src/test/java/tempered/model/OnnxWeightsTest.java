package tempered.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticGpt2.Layout;
import tempered.model.synthetic.SyntheticGpt2.Shape;

class OnnxWeightsTest {
    private static final Shape SHAPE = Shape.SMALL;

    @TempDir
    Path folder;

    /** The float tensors with a shape are GPT-2's parameters: their count is the one derived from the sizes. */
    @ParameterizedTest
    @EnumSource(Layout.class)
    void theStoredWeightsAddUpToTheParameterCountOfTheSizes(Layout layout) {
        OnnxWeights weights =
                OnnxWeights.read(SyntheticGpt2.write(folder, layout).resolve(layout.file));
        long stored = weights.tensors().stream()
                .filter(t -> t.dataType() == OnnxWeights.FLOAT && t.dims().length > 0)
                .mapToLong(OnnxWeights.Tensor::elements)
                .sum();
        assertEquals(
                ModelInfo.parameters(
                        SHAPE.layers(), SHAPE.heads() * SHAPE.headSize(), SHAPE.vocabulary(), SHAPE.context()),
                stored);
        List<OnnxWeights.Tensor> embedding =
                weights.withElements((long) SHAPE.vocabulary() * SHAPE.heads() * SHAPE.headSize());
        assertEquals(1, embedding.size(), "this export keeps the tied embedding once: " + embedding);
        assertEquals("transformer.wte.weight", embedding.get(0).name());
        assertArrayEquals(new long[] {50257, 16}, embedding.get(0).dims());
    }

    /**
     * A step reads every weight of GPT-2 in full but the position embeddings, of which it reads one row: the
     * parameters' bytes as ModelInfo counts them, one row, and the graph's few small constants (shapes, scalars).
     */
    @ParameterizedTest
    @EnumSource(Layout.class)
    void aStepReadsEveryWeightButOneRowOfThePositions(Layout layout) {
        Path written = SyntheticGpt2.write(folder, layout);
        OnnxWeights weights = OnnxWeights.read(written.resolve(layout.file));
        assertEquals(java.util.Set.of("Gather"), weights.readers("transformer.wpe.weight"));
        assertTrue(weights.readers("transformer.wte.weight").size() > 1, "looked up and multiplied by (tied)");
        long row = 4L * SHAPE.heads() * SHAPE.headSize();
        long expected;
        try (Gpt2Model model = Gpt2Model.open(written)) {
            expected = model.info().weightBytesPerToken() + row;
        }
        long constants = weights.bytesReadPerToken() - expected;
        assertTrue(constants >= 0 && constants < 4096, "beyond the weights: " + constants + " bytes");
    }

    /**
     * The 4-bit Llama keeps its embeddings in float32 for lookups only (one row a step) and multiplies by a 4-bit
     * copy: a step reads half a byte a weight, the 4-bit blocks' scales and zero points, and one float32 row.
     */
    @Test
    void aFourBitStepReadsItsBlocksAndOneRowOfTheFloatEmbeddings() {
        long[] read = new long[3];
        for (tempered.model.synthetic.SyntheticLlama.Precision precision :
                tempered.model.synthetic.SyntheticLlama.Precision.values()) {
            Path dir = folder.resolve(precision.name());
            tempered.model.synthetic.SyntheticLlama.write(
                    dir, tempered.model.synthetic.SyntheticLlama.Shape.TINY, 7, precision, false);
            OnnxWeights weights = OnnxWeights.read(dir.resolve(precision.file));
            read[precision.ordinal()] = weights.bytesReadPerToken();
            if (precision == tempered.model.synthetic.SyntheticLlama.Precision.Q4) {
                assertEquals(java.util.Set.of("Gather"), weights.readers("model.embed_tokens.weight"));
            }
        }
        // TINY: 28,064 parameters, of which 296 x 32 = 9,472 are the embeddings.
        assertTrue(Math.abs(read[0] - 4 * 28_064) < 4096, "float32 reads every parameter: " + read[0]);
        assertTrue(Math.abs(read[1] - 28_064) < 4096, "int8 reads a byte per parameter: " + read[1]);
        // 4 bits a weight, and per block of 16 a float32 scale and a 4-bit zero point: 0.78125 bytes a weight, for the
        // 18,432 weights of the layers' matrices and the 9,472 of the output layer's own copy; then one row of the
        // embeddings and the 160 norm gains in float32.
        long fourBit = Math.round((18_432 + 9_472) * 0.78125) + 4 * 32 + 4 * 160;
        assertTrue(Math.abs(read[2] - fourBit) < 4096, "4-bit reads " + read[2] + ", about " + fourBit);
    }

    /** Protobuf's own parser, which holds the whole model in memory, is the oracle for names, types and shapes. */
    @Test
    void readsWhatProtobufsOwnParserReads() throws IOException {
        Path file = SyntheticGpt2.write(folder, Layout.MERGED).resolve(Layout.MERGED.file);
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(file));
        List<String> expected = initializers(model.getGraph()).stream()
                .map(t -> t.getName() + " " + t.getDataType() + " " + t.getDimsList())
                .sorted()
                .toList();
        List<String> read = OnnxWeights.read(file).tensors().stream()
                .map(t -> t.name() + " " + t.dataType() + " " + Arrays.toString(t.dims()))
                .sorted()
                .toList();
        assertEquals(expected, read);
    }

    @Test
    void weightsInAnExternalDataFileAreCountedAndTheirFileMeasured() throws IOException {
        Path file = SyntheticGpt2.write(folder, Layout.MODEL, SHAPE, 7, true).resolve(Layout.MODEL.file);
        Path data = file.resolveSibling(file.getFileName() + "_data");
        assertTrue(Files.size(data) > Files.size(file), "the test model must keep its large weights outside");
        OnnxWeights weights = OnnxWeights.read(file);
        OnnxWeights.Tensor embedding = weights.withElements(50257L * 16).get(0);
        assertTrue(embedding.external(), embedding + " lives in " + data.getFileName());
        assertFalse(
                weights.tensors().stream().filter(t -> t.dims().length == 0).anyMatch(OnnxWeights.Tensor::external));
        assertEquals(Files.size(file) + Files.size(data), weights.fileBytes());
        assertEquals(
                OnnxWeights.read(SyntheticGpt2.write(folder.resolve("inside"), Layout.MODEL)
                                .resolve(Layout.MODEL.file))
                        .elements(),
                weights.elements(),
                "the same weights, wherever they are stored");
    }

    /** An If node's branches are graphs too; merged decoders keep small constants there. */
    @Test
    void findsInitializersInNestedGraphs() throws IOException {
        GraphProto branch = GraphProto.newBuilder()
                .setName("with_past")
                .addInitializer(TensorProto.newBuilder()
                        .setName("inner")
                        .setDataType(7)
                        .addDims(3)
                        .addInt64Data(1)
                        .addInt64Data(2)
                        .addInt64Data(3))
                .build();
        NodeProto ifNode = NodeProto.newBuilder()
                .setOpType("If")
                .addInput("flag")
                .addAttribute(AttributeProto.newBuilder()
                        .setName("then_branch")
                        .setType(AttributeProto.AttributeType.GRAPH)
                        .setG(branch))
                .build();
        GraphProto main = GraphProto.newBuilder()
                .setName("merged")
                .addNode(ifNode)
                .addInitializer(TensorProto.newBuilder()
                        .setName("outer")
                        .setDataType(1)
                        .addDims(2)
                        .addDims(3)
                        .setRawData(ByteString.copyFrom(new byte[24])))
                .build();
        Path file = folder.resolve("nested.onnx");
        Files.write(
                file,
                ModelProto.newBuilder().setIrVersion(8).setGraph(main).build().toByteArray());

        List<String> read = OnnxWeights.read(file).tensors().stream()
                .map(t -> t.graph() + "/" + t)
                .sorted()
                .toList();
        assertEquals(List.of("merged/outer [2, 3]", "with_past/inner [3]"), read);
        assertEquals(6 + 3, OnnxWeights.read(file).elements());
    }

    /** Protobuf allows a repeated number to be written packed (one length-delimited field) or one field each. */
    @Test
    void readsDimsWrittenPacked() throws IOException {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(tensor);
        out.writeTag(1, 2);
        out.writeUInt32NoTag(CodedOutputStream.computeInt64SizeNoTag(4) + CodedOutputStream.computeInt64SizeNoTag(300));
        out.writeInt64NoTag(4);
        out.writeInt64NoTag(300);
        out.writeInt32(2, OnnxWeights.FLOAT);
        out.writeString(8, "packed");
        out.flush();
        ByteArrayOutputStream graph = new ByteArrayOutputStream();
        CodedOutputStream graphOut = CodedOutputStream.newInstance(graph);
        graphOut.writeString(2, "g");
        graphOut.writeByteArray(5, tensor.toByteArray());
        graphOut.flush();
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        CodedOutputStream modelOut = CodedOutputStream.newInstance(model);
        modelOut.writeInt64(1, 8);
        modelOut.writeByteArray(7, graph.toByteArray());
        modelOut.flush();
        Path file = Files.write(folder.resolve("packed.onnx"), model.toByteArray());

        OnnxWeights.Tensor read = OnnxWeights.read(file).tensors().get(0);
        assertEquals("g/packed [4, 300]", read.graph() + "/" + read);
        assertEquals(1200, read.elements());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithWhatToDo() throws IOException {
        Path model = SyntheticGpt2.write(folder, Layout.MODEL).resolve(Layout.MODEL.file);
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = folder.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path text = folder.resolve("text.onnx");
        Files.writeString(text, "this is not a model\n");
        for (Path broken : List.of(truncated, text, Files.write(folder.resolve("empty.onnx"), new byte[0]))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OnnxWeights.read(broken));
            assertTrue(e.getMessage().startsWith(broken + " is not a readable ONNX model ("), e.getMessage());
            assertTrue(
                    e.getMessage().endsWith("delete it and fetch it again with: " + ModelFolder.DOWNLOAD_COMMAND),
                    e.getMessage());
        }
    }

    /** A graph's initializers and those of every graph nested in its nodes (the branches of an If). */
    private static List<TensorProto> initializers(GraphProto graph) {
        List<TensorProto> all = new ArrayList<>(graph.getInitializerList());
        for (NodeProto node : graph.getNodeList()) {
            for (AttributeProto attribute : node.getAttributeList()) {
                if (attribute.hasG()) {
                    all.addAll(initializers(attribute.getG()));
                }
                for (GraphProto nested : attribute.getGraphsList()) {
                    all.addAll(initializers(nested));
                }
            }
        }
        return all;
    }
}
