package tempered.model.synthetic;

import static tempered.model.synthetic.OnnxGraph.attributes;
import static tempered.model.synthetic.OnnxGraph.integer;
import static tempered.model.synthetic.OnnxGraph.ints;
import static tempered.model.synthetic.OnnxGraph.real;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tempered.model.ModelInfo;
import tempered.model.synthetic.OnnxGraph.ElementType;

/**
 * GPT-2-shaped ONNX models with random weights, built in Java: the tests run on small ones, so they need no
 * download, and the benchmark on one of GPT-2 small's size ({@link Shape#GPT2_SMALL}).
 *
 * <p>Each has GPT-2's full vocabulary (50,257 tokens, so the real tokenizer fits), learned position
 * embeddings, pre-norm blocks with real causal multi-head self-attention that honours the attention mask,
 * an MLP, tied output embeddings, and {@code present.N.key/value} outputs. Only the sizes are small. The
 * layouts are the ones found on the Hugging Face hub:
 * <ul>
 *   <li>{@link Layout#MODEL}: Optimum 1.14+ {@code model.onnx}: position ids and past inputs, a zero-length
 *       past on the first step;
 *   <li>{@link Layout#MERGED}: a merged decoder whose {@code use_cache_branch} chooses whether the past is
 *       used (false: the past inputs are ignored), with position ids;
 *   <li>{@link Layout#MERGED_WITHOUT_POSITIONS}: the same as exported before Optimum 1.14, which counts
 *       positions from the past length itself, as {@code openai-community/gpt2}'s file does;
 *   <li>{@link Layout#NO_PAST}: {@code decoder_model.onnx}: no past inputs, the whole sequence every step.
 * </ul>
 */
public final class SyntheticGpt2 {

    public enum Layout {
        MODEL("onnx/model.onnx", true, true, false),
        MERGED("onnx/decoder_model_merged.onnx", true, true, true),
        MERGED_WITHOUT_POSITIONS("onnx/decoder_model_merged.onnx", false, true, true),
        NO_PAST("onnx/decoder_model.onnx", false, false, false);

        public final String file;
        public final boolean positionIds;
        public final boolean past;
        public final boolean cacheBranch;

        Layout(String file, boolean positionIds, boolean past, boolean cacheBranch) {
            this.file = file;
            this.positionIds = positionIds;
            this.past = past;
            this.cacheBranch = cacheBranch;
        }
    }

    /**
     * The weights' precision: float32 as exported, or int8 as ONNX Runtime's {@code quantize_dynamic} writes a
     * GPT-2 export with the settings the hub's int8 files were made with (transformers.js's conversion script:
     * int8 weights, one scale per tensor, no reduced range). Every matrix product with a weight becomes
     * {@code DynamicQuantizeLinear} (the activations to uint8, scale and zero point computed per call), an
     * int32 {@code MatMulInteger}, a {@code Cast} and a {@code Mul} by the product of the two scales; the
     * embedding lookups read int8 rows and {@code DequantizeLinear} them. The file name gets
     * {@code _quantized}, as on the hub.
     */
    public enum Precision {
        FLOAT32("", Matrix.Format.FLOAT32),
        INT8("_quantized", Matrix.Format.INT8);

        private final String suffix;
        final Matrix.Format format;

        Precision(String suffix, Matrix.Format format) {
            this.suffix = suffix;
            this.format = format;
        }

        /** The layout's file name for these weights, such as {@code onnx/decoder_model_merged_quantized.onnx}. */
        public String file(Layout layout) {
            return layout.file.replace(".onnx", suffix + ".onnx");
        }
    }

    public record Shape(int layers, int heads, int headSize, int vocabulary, int context) {
        public static final Shape SMALL = new Shape(2, 2, 8, 50257, 64);
        /** GPT-2 small's sizes: 124,439,808 parameters, about 500 MB of float32 weights. */
        public static final Shape GPT2_SMALL = new Shape(12, 12, 64, 50257, 1024);

        long parameters() {
            return ModelInfo.parameters(layers, embedding(), vocabulary, context);
        }

        int embedding() {
            return heads * headSize;
        }
    }

    private SyntheticGpt2() {}

    /** Writes {@code dir/<layout file>} and {@code dir/config.json}; the same seed gives the same weights in every layout. */
    public static Path write(Path dir, Layout layout, Shape shape, long seed) {
        return write(dir, layout, shape, seed, Precision.FLOAT32);
    }

    /** The same with the weights in {@code precision}: the same seed gives the same weights, int8 ones rounded. */
    public static Path write(Path dir, Layout layout, Shape shape, long seed, Precision precision) {
        return write(dir, layout, shape, seed, precision, shape.parameters() * Float.BYTES >= LARGE);
    }

    /** With {@code external}, tensors of 1 MB or more go to {@code <file>_data} beside the model, as large exports do. */
    public static Path write(Path dir, Layout layout, Shape shape, long seed, boolean external) {
        return write(dir, layout, shape, seed, Precision.FLOAT32, external);
    }

    private static Path write(Path dir, Layout layout, Shape shape, long seed, Precision precision, boolean external) {
        try {
            Path file = dir.resolve(precision.file(layout));
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            if (!external) {
                Files.write(partial, bytes(layout, shape, precision, seed, null));
            } else {
                // Protobuf messages stop at 2 GB and would sit whole in memory: large weights go to a file beside it.
                String data = file.getFileName() + "_data";
                byte[] model;
                try (OutputStream out =
                        new BufferedOutputStream(Files.newOutputStream(file.resolveSibling(data)), 1 << 20)) {
                    model = bytes(layout, shape, precision, seed, new OnnxGraph.External(out, data, 1 << 20));
                }
                Files.write(partial, model);
            }
            // Only a complete model takes the name the loader looks for.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String config = String.format(
                    "{\n  \"tempered_random_weights\": true,\n  \"model_type\": \"gpt2\",\n  \"n_layer\": %d,\n  \"n_head\": %d,\n  \"n_embd\": %d,\n"
                            + "  \"n_positions\": %d,\n  \"vocab_size\": %d\n}\n",
                    shape.layers(), shape.heads(), shape.embedding(), shape.context(), shape.vocabulary());
            Files.writeString(dir.resolve("config.json"), config, StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, Layout layout) {
        return write(dir, layout, Shape.SMALL, 7);
    }

    private static final long LARGE = 64L << 20;

    static byte[] bytes(Layout layout, Shape shape, Precision precision, long seed, OnnxGraph.External external) {
        return graph(layout, shape, precision, new SplittableRandom(seed), external)
                .model(17);
    }

    private static OnnxGraph graph(
            Layout layout, Shape shape, Precision precision, SplittableRandom random, OnnxGraph.External external) {
        int heads = shape.heads();
        int d = shape.headSize();
        OnnxGraph g = new OnnxGraph("gpt2");
        g.external = external;

        g.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.input(
                "attention_mask",
                ElementType.INT64,
                "batch_size",
                layout.past ? "total_sequence_length" : "sequence_length");
        if (layout.positionIds) {
            g.input("position_ids", ElementType.INT64, "batch_size", "sequence_length");
        }
        if (layout.past) {
            PastKeyValues.inputs(g, shape.layers(), heads, d);
        }
        if (layout.cacheBranch) {
            g.input("use_cache_branch", ElementType.BOOL, 1);
        }
        String[] outputs = new String[1 + 2 * shape.layers()];
        outputs[0] = "logits";
        g.output("logits", ElementType.FLOAT, "batch_size", "sequence_length", shape.vocabulary());
        for (int i = 0; i < shape.layers(); i++) {
            outputs[1 + 2 * i] = "present." + i + ".key";
            outputs[2 + 2 * i] = "present." + i + ".value";
            g.output(outputs[1 + 2 * i], ElementType.FLOAT, "batch_size", heads, "total_sequence_length", d);
            g.output(outputs[2 + 2 * i], ElementType.FLOAT, "batch_size", heads, "total_sequence_length", d);
        }

        Weights weights = Weights.draw(g, shape, precision, random);
        if (!layout.cacheBranch) {
            decoder(g, layout, shape, weights, layout.past, outputs);
            return g;
        }
        // As Optimum merges them: an If whose branches are the whole decoder, with and without the past, sharing the
        // weights; each branch writes the If's outputs itself, so the cache is not copied on the way out.
        OnnxGraph withPast = new OnnxGraph("with_past");
        OnnxGraph withoutPast = new OnnxGraph("without_past");
        decoder(withPast, layout, shape, weights, true, branchOutputs(withPast, shape, outputs));
        decoder(withoutPast, layout, shape, weights, false, branchOutputs(withoutPast, shape, outputs));
        g.opTo(
                "If",
                attributes(g.graph("then_branch", withPast), g.graph("else_branch", withoutPast)),
                outputs,
                "use_cache_branch");
        return g;
    }

    /** A branch's own names for the model's outputs, declared as the branch's outputs. */
    private static String[] branchOutputs(OnnxGraph branch, Shape shape, String[] outputs) {
        String[] names = new String[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            names[i] = branch.name(outputs[i]);
            branch.output(names[i], ElementType.FLOAT);
        }
        return names;
    }

    /**
     * Every weight of the model, drawn in one fixed order from the seed, so that each layout and precision gets the
     * same values. Deviations shrink with the fan-in, and the residual branches' output projections with depth (as in
     * GPT-2's initialisation), so that a deep, wide model keeps its activations in range rather than turning chaotic;
     * at the 2-layer test shape they are 0.5, 0.4, 0.3 and 0.2. The tied embeddings set how spread the logits are: at
     * GPT-2 small's width like GPT-2's own recorded logits (a standard deviation of 3.4 to 4.5 over the five recorded
     * prompts); the small test models keep the flatter spread their tests were written against.
     */
    private record Weights(Matrix tokens, Matrix positions, String tied, List<Layer> layers, Norm last) {
        static Weights draw(OnnxGraph g, Shape shape, Precision precision, SplittableRandom random) {
            int e = shape.embedding();
            double fanIn = Math.sqrt(e);
            double depth = Math.sqrt(2.0 / shape.layers());
            double spread = e >= 768 ? 4 : 2;
            Matrix tokens = weight(
                    g,
                    "transformer.wte.weight",
                    gaussian(random, shape.vocabulary() * e, spread / fanIn),
                    precision,
                    shape.vocabulary(),
                    e);
            Matrix positions = weight(
                    g,
                    "transformer.wpe.weight",
                    gaussian(random, shape.context() * e, 2 / fanIn),
                    precision,
                    shape.context(),
                    e);
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i < shape.layers(); i++) {
                String prefix = "transformer.h." + i + ".";
                Norm first = Norm.draw(g, random, prefix + "ln_1", e);
                Matrix attention = weight(
                        g,
                        prefix + "attn.c_attn.weight",
                        gaussian(random, e * 3 * e, 1.6 / fanIn),
                        precision,
                        e,
                        3L * e);
                String attentionBias = g.floats(prefix + "attn.c_attn.bias", gaussian(random, 3 * e, 0.1), 3L * e);
                Matrix projection = weight(
                        g,
                        prefix + "attn.c_proj.weight",
                        gaussian(random, e * e, 1.2 / fanIn * depth),
                        precision,
                        e,
                        e);
                String projectionBias = g.floats(prefix + "attn.c_proj.bias", gaussian(random, e, 0.1), e);
                Norm second = Norm.draw(g, random, prefix + "ln_2", e);
                Matrix up = weight(
                        g, prefix + "mlp.c_fc.weight", gaussian(random, e * 4 * e, 1.2 / fanIn), precision, e, 4L * e);
                String upBias = g.floats(prefix + "mlp.c_fc.bias", gaussian(random, 4 * e, 0.1), 4L * e);
                Matrix down = weight(
                        g,
                        prefix + "mlp.c_proj.weight",
                        gaussian(random, 4 * e * e, 1.6 / Math.sqrt(4.0 * e) * depth),
                        precision,
                        4L * e,
                        e);
                String downBias = g.floats(prefix + "mlp.c_proj.bias", gaussian(random, e, 0.1), e);
                layers.add(new Layer(
                        first,
                        attention,
                        attentionBias,
                        projection,
                        projectionBias,
                        second,
                        up,
                        upBias,
                        down,
                        downBias));
            }
            Norm last = Norm.draw(g, random, "transformer.ln_f", e);
            // The output layer shares the token embeddings: a transposed view, which ONNX Runtime folds into a copy at
            // load.
            String tied = g.op("Transpose", attributes(ints("perm", 1, 0)), tokens.values());
            return new Weights(tokens, positions, tied, layers, last);
        }
    }

    private record Layer(
            Norm first,
            Matrix attention,
            String attentionBias,
            Matrix projection,
            String projectionBias,
            Norm second,
            Matrix up,
            String upBias,
            Matrix down,
            String downBias) {}

    private record Norm(String gain, String bias) {
        static Norm draw(OnnxGraph g, SplittableRandom random, String name, int e) {
            float[] gain = gaussian(random, e, 0.1);
            for (int i = 0; i < e; i++) {
                gain[i] += 1;
            }
            return new Norm(g.floats(name + ".weight", gain, e), g.floats(name + ".bias", gaussian(random, e, 0.1), e));
        }

        String apply(OnnxGraph g, String x) {
            return g.op("LayerNormalization", attributes(integer("axis", -1), real("epsilon", 1e-5f)), x, gain, bias);
        }
    }

    /**
     * The decoder itself, written into {@code g}: embeddings, the blocks with causal self-attention over the past (when
     * {@code usePast}) and the new tokens, and the output layer, into {@code outputs} (logits, then each layer's
     * present key and value).
     */
    private static void decoder(OnnxGraph g, Layout layout, Shape shape, Weights w, boolean usePast, String[] outputs) {
        int e = shape.embedding();
        int heads = shape.heads();
        int d = shape.headSize();
        String zero = g.longs(new long[] {0}, 1);
        String one = g.longs(new long[] {1});
        String sequence = g.op("Shape", attributes(integer("start", 1), integer("end", 2)), "input_ids");
        String past = usePast
                ? g.op("Shape", attributes(integer("start", 2), integer("end", 3)), "past_key_values.0.key")
                : zero;
        String total = g.op("Add", past, sequence);
        String pastScalar = g.op("Squeeze", past, zero);
        String totalScalar = g.op("Squeeze", total, zero);

        String positions;
        if (layout.positionIds) {
            positions = "position_ids";
        } else {
            // Before Optimum 1.14 GPT-2 counted positions from the past length, ignoring the mask.
            positions = g.op("Unsqueeze", g.op("Range", pastScalar, totalScalar, one), zero);
        }
        String x = g.op("Add", w.tokens().gather(g, "input_ids"), w.positions().gather(g, positions));

        String keyIndex = g.op("Range", g.op("Squeeze", zero, zero), totalScalar, one);
        String queryIndex = g.op("Range", pastScalar, totalScalar, one);
        String causal = g.op(
                "LessOrEqual",
                g.op("Unsqueeze", keyIndex, zero),
                g.op("Unsqueeze", queryIndex, g.longs(new long[] {1}, 1)));
        String padding = g.op(
                "Unsqueeze",
                g.op("Cast", attributes(integer("to", ElementType.BOOL.code)), "attention_mask"),
                g.longs(new long[] {1, 2}, 2));
        String mask = g.op("And", causal, padding);
        String headShape = g.longs(new long[] {0, 0, heads, d}, 4);
        String mergedShape = g.longs(new long[] {0, 0, e}, 3);
        String scale = g.scalar((float) (1 / Math.sqrt(d)));
        String masked = g.scalar(-1e9f);

        for (int i = 0; i < shape.layers(); i++) {
            Layer layer = w.layers().get(i);
            String qkv = g.op("Add", layer.attention().multiply(g, layer.first().apply(g, x)), layer.attentionBias());
            String[] parts = {g.name("q"), g.name("k"), g.name("v")};
            g.opTo("Split", attributes(integer("axis", 2)), parts, qkv, g.longs(new long[] {e, e, e}, 3));
            String q = g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("Reshape", parts[0], headShape));
            String k = g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("Reshape", parts[1], headShape));
            String v = g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("Reshape", parts[2], headShape));
            String presentKey = outputs[1 + 2 * i];
            String presentValue = outputs[2 + 2 * i];
            if (usePast) {
                PastKeyValues.append(g, i, k, v, presentKey, presentValue);
            } else {
                g.opTo("Identity", attributes(), new String[] {presentKey}, k);
                g.opTo("Identity", attributes(), new String[] {presentValue}, v);
            }
            String scores = g.op(
                    "Mul",
                    g.op("MatMul", q, g.op("Transpose", attributes(ints("perm", 0, 1, 3, 2)), presentKey)),
                    scale);
            String weights = g.op("Softmax", attributes(integer("axis", -1)), g.op("Where", mask, scores, masked));
            String context = g.op(
                    "Reshape",
                    g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("MatMul", weights, presentValue)),
                    mergedShape);
            x = g.op("Add", x, g.op("Add", layer.projection().multiply(g, context), layer.projectionBias()));
            String a = g.op("Add", layer.up().multiply(g, layer.second().apply(g, x)), layer.upBias());
            String gelu = g.op("Mul", a, g.op("Sigmoid", g.op("Mul", a, g.scalar(1.702f))));
            x = g.op("Add", x, g.op("Add", layer.down().multiply(g, gelu), layer.downBias()));
        }
        String last = w.last().apply(g, x);
        g.opTo(
                "Identity",
                attributes(),
                new String[] {outputs[0]},
                w.tokens()
                        .withValues(w.tied(), shape.embedding(), shape.vocabulary())
                        .multiply(g, last));
    }

    private static Matrix weight(OnnxGraph g, String name, float[] values, Precision precision, long... dims) {
        return Matrix.store(g, name, values, precision.format, dims[0], dims[1]);
    }

    private static float[] gaussian(SplittableRandom random, int size, double deviation) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * deviation);
        }
        return values;
    }
}
