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
        FLOAT32(""), INT8("_quantized");

        private final String suffix;

        Precision(String suffix) {
            this.suffix = suffix;
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

    private SyntheticGpt2() {
    }

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
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file.resolveSibling(data)), 1 << 20)) {
                    model = bytes(layout, shape, precision, seed, new OnnxGraph.External(out, data, 1 << 20));
                }
                Files.write(partial, model);
            }
            // Only a complete model takes the name the loader looks for.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            String config = String.format(
                    "{\n  \"model_type\": \"gpt2\",\n  \"n_layer\": %d,\n  \"n_head\": %d,\n  \"n_embd\": %d,\n"
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
        return graph(layout, shape, precision, new SplittableRandom(seed), external).model(17);
    }

    private static OnnxGraph graph(Layout layout, Shape shape, Precision precision, SplittableRandom random, OnnxGraph.External external) {
        int e = shape.embedding();
        int heads = shape.heads();
        int d = shape.headSize();
        int vocabulary = shape.vocabulary();
        OnnxGraph g = new OnnxGraph("gpt2");
        g.external = external;

        g.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", ElementType.INT64, "batch_size", layout.past ? "total_sequence_length" : "sequence_length");
        if (layout.positionIds) {
            g.input("position_ids", ElementType.INT64, "batch_size", "sequence_length");
        }
        if (layout.past) {
            for (int i = 0; i < shape.layers(); i++) {
                g.input("past_key_values." + i + ".key", ElementType.FLOAT, "batch_size", heads, "past_sequence_length", d);
                g.input("past_key_values." + i + ".value", ElementType.FLOAT, "batch_size", heads, "past_sequence_length", d);
            }
        }
        if (layout.cacheBranch) {
            g.input("use_cache_branch", ElementType.BOOL, 1);
        }
        g.output("logits", ElementType.FLOAT, "batch_size", "sequence_length", vocabulary);
        for (int i = 0; i < shape.layers(); i++) {
            g.output("present." + i + ".key", ElementType.FLOAT, "batch_size", heads, "total_sequence_length", d);
            g.output("present." + i + ".value", ElementType.FLOAT, "batch_size", heads, "total_sequence_length", d);
        }

        String[] pastKeys = new String[shape.layers()];
        String[] pastValues = new String[shape.layers()];
        if (layout.past) {
            for (int i = 0; i < shape.layers(); i++) {
                pastKeys[i] = "past_key_values." + i + ".key";
                pastValues[i] = "past_key_values." + i + ".value";
            }
        }
        if (layout.cacheBranch) {
            selectPast(g, pastKeys, pastValues);
        }

        String zero = g.longs(new long[] {0}, 1);
        String one = g.longs(new long[] {1});
        String sequence = g.op("Shape", attributes(integer("start", 1), integer("end", 2)), "input_ids");
        String past = layout.past ? g.op("Shape", attributes(integer("start", 2), integer("end", 3)), pastKeys[0]) : zero;
        String total = g.op("Add", past, sequence);
        String pastScalar = g.op("Squeeze", past, zero);
        String totalScalar = g.op("Squeeze", total, zero);

        String positions;
        if (layout.positionIds) {
            positions = "position_ids";
        } else {
            // Before Optimum 1.14 GPT-2 counted positions from the past length, ignoring the mask.
            String range = g.op("Range", pastScalar, totalScalar, one);
            positions = g.op("Unsqueeze", range, zero);
        }

        // Deviations shrink with the fan-in, and the residual branches' output projections with depth (as in GPT-2's
        // initialisation), so that a deep, wide model keeps its activations in range and its logits about as spread as
        // a trained GPT-2's rather than turning chaotic. At the 2-layer test shape they are 0.5, 0.4, 0.3 and 0.2.
        double fanIn = Math.sqrt(e);
        double depth = Math.sqrt(2.0 / shape.layers());
        // The tied embeddings set how spread the logits are: at GPT-2 small's width, like GPT-2's own recorded logits
        // (a standard deviation of 3.4 to 4.5 over the five recorded prompts); the small test models keep the flatter
        // spread their tests were written against.
        double spread = e >= 768 ? 4 : 2;
        Weight wte = weight(g, "transformer.wte.weight", gaussian(random, vocabulary * e, spread / fanIn), precision, vocabulary, e);
        Weight wpe = weight(g, "transformer.wpe.weight", gaussian(random, shape.context() * e, 2 / fanIn), precision, shape.context(), e);
        String x = g.op("Add", wte.gather(g, "input_ids"), wpe.gather(g, positions));

        String keyIndex = g.op("Range", g.op("Squeeze", zero, zero), totalScalar, one);
        String queryIndex = g.op("Range", pastScalar, totalScalar, one);
        String causal = g.op("LessOrEqual", g.op("Unsqueeze", keyIndex, zero), g.op("Unsqueeze", queryIndex, g.longs(new long[] {1}, 1)));
        String padding = g.op("Unsqueeze", g.op("Cast", attributes(integer("to", ElementType.BOOL.code)), "attention_mask"),
                g.longs(new long[] {1, 2}, 2));
        String mask = g.op("And", causal, padding);
        String headShape = g.longs(new long[] {0, 0, heads, d}, 4);
        String mergedShape = g.longs(new long[] {0, 0, e}, 3);
        String scale = g.scalar((float) (1 / Math.sqrt(d)));
        String masked = g.scalar(-1e9f);

        for (int i = 0; i < shape.layers(); i++) {
            String prefix = "transformer.h." + i + ".";
            String h = layerNorm(g, random, prefix + "ln_1", x, e);
            String qkv = g.op("Add", weight(g, prefix + "attn.c_attn.weight", gaussian(random, e * 3 * e, 1.6 / fanIn), precision, e, 3L * e).multiply(g, h),
                    g.floats(prefix + "attn.c_attn.bias", gaussian(random, 3 * e, 0.1), 3L * e));
            String[] parts = {prefix + "q", prefix + "k", prefix + "v"};
            g.opTo("Split", attributes(integer("axis", 2)), parts, qkv, g.longs(new long[] {e, e, e}, 3));
            String q = g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("Reshape", parts[0], headShape));
            String k = g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("Reshape", parts[1], headShape));
            String v = g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("Reshape", parts[2], headShape));
            String presentKey = "present." + i + ".key";
            String presentValue = "present." + i + ".value";
            if (layout.past) {
                g.opTo("Concat", attributes(integer("axis", 2)), new String[] {presentKey}, pastKeys[i], k);
                g.opTo("Concat", attributes(integer("axis", 2)), new String[] {presentValue}, pastValues[i], v);
            } else {
                g.opTo("Identity", attributes(), new String[] {presentKey}, k);
                g.opTo("Identity", attributes(), new String[] {presentValue}, v);
            }
            String scores = g.op("Mul", g.op("MatMul", q, g.op("Transpose", attributes(ints("perm", 0, 1, 3, 2)), presentKey)), scale);
            String weights = g.op("Softmax", attributes(integer("axis", -1)), g.op("Where", mask, scores, masked));
            String context = g.op("Reshape", g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), g.op("MatMul", weights, presentValue)),
                    mergedShape);
            String attention = g.op("Add", weight(g, prefix + "attn.c_proj.weight", gaussian(random, e * e, 1.2 / fanIn * depth), precision, e, e).multiply(g, context),
                    g.floats(prefix + "attn.c_proj.bias", gaussian(random, e, 0.1), e));
            x = g.op("Add", x, attention);

            String h2 = layerNorm(g, random, prefix + "ln_2", x, e);
            String a = g.op("Add", weight(g, prefix + "mlp.c_fc.weight", gaussian(random, e * 4 * e, 1.2 / fanIn), precision, e, 4L * e).multiply(g, h2),
                    g.floats(prefix + "mlp.c_fc.bias", gaussian(random, 4 * e, 0.1), 4L * e));
            String gelu = g.op("Mul", a, g.op("Sigmoid", g.op("Mul", a, g.scalar(1.702f))));
            String mlp = g.op("Add", weight(g, prefix + "mlp.c_proj.weight", gaussian(random, 4 * e * e, 1.6 / Math.sqrt(4.0 * e) * depth), precision, 4L * e, e).multiply(g, gelu),
                    g.floats(prefix + "mlp.c_proj.bias", gaussian(random, e, 0.1), e));
            x = g.op("Add", x, mlp);
        }
        String last = layerNorm(g, random, "transformer.ln_f", x, e);
        // The output layer shares the token embeddings: a transposed view, which ONNX Runtime folds into a copy at load.
        g.opTo("Identity", attributes(), new String[] {"logits"}, wte.transposed(g).multiply(g, last));
        return g;
    }

    /** One If node: with {@code use_cache_branch} false every past input is replaced by an empty slice of itself. */
    private static void selectPast(OnnxGraph g, String[] pastKeys, String[] pastValues) {
        int layers = pastKeys.length;
        OnnxGraph use = new OnnxGraph("use_past");
        OnnxGraph ignore = new OnnxGraph("ignore_past");
        String[] selected = new String[2 * layers];
        String zero = g.longs(new long[] {0}, 1);
        String axis = g.longs(new long[] {2}, 1);
        for (int i = 0; i < 2 * layers; i++) {
            String source = i % 2 == 0 ? pastKeys[i / 2] : pastValues[i / 2];
            selected[i] = source + ".selected";
            String used = "use_" + selected[i];
            String ignored = "ignore_" + selected[i];
            use.opTo("Identity", attributes(), new String[] {used}, source);
            use.output(used, ElementType.FLOAT);
            ignore.opTo("Slice", attributes(), new String[] {ignored}, source, zero, zero, axis);
            ignore.output(ignored, ElementType.FLOAT);
        }
        g.opTo("If", attributes(g.graph("then_branch", use), g.graph("else_branch", ignore)),
                selected, "use_cache_branch");
        for (int i = 0; i < layers; i++) {
            pastKeys[i] = selected[2 * i];
            pastValues[i] = selected[2 * i + 1];
        }
    }

    /**
     * A weight matrix as the model stores it: float32, or as ONNX Runtime's {@code quantize_dynamic} leaves it
     * with its defaults (int8, one scale per tensor, zero point 0).
     */
    private record Weight(String values, String scale, String zeroPoint) {
        boolean quantized() {
            return scale != null;
        }

        /** {@code x W}; quantized: the activations quantized on the fly to uint8, an integer product, then rescaled. */
        String multiply(OnnxGraph g, String x) {
            if (!quantized()) {
                return g.op("MatMul", x, values);
            }
            String[] activations = {values + "_input", values + "_input_scale", values + "_input_zero_point"};
            g.opTo("DynamicQuantizeLinear", attributes(), activations, x);
            String product = g.op("MatMulInteger", activations[0], values, activations[2], zeroPoint);
            String rescale = g.op("Mul", activations[1], scale);
            return g.op("Mul", g.op("Cast", attributes(integer("to", ElementType.FLOAT.code)), product), rescale);
        }

        /** Rows picked by id (an embedding lookup), turned back into floats when quantized. */
        String gather(OnnxGraph g, String ids) {
            String rows = g.op("Gather", values, ids);
            return quantized() ? g.op("DequantizeLinear", rows, scale, zeroPoint) : rows;
        }

        Weight transposed(OnnxGraph g) {
            return new Weight(g.op("Transpose", attributes(ints("perm", 1, 0)), values), scale, zeroPoint);
        }
    }

    private static Weight weight(OnnxGraph g, String name, float[] values, Precision precision, long... dims) {
        if (precision == Precision.FLOAT32) {
            return new Weight(g.floats(name, values, dims), null, null);
        }
        float largest = 0;
        for (float value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        // Symmetric int8: the largest magnitude maps to 127, zero to 0.
        float scale = largest > 0 ? largest / 127 : 1;
        byte[] quantized = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            quantized[i] = (byte) Math.max(-127, Math.min(127, Math.rint(values[i] / scale)));
        }
        return new Weight(g.bytes(name + "_quantized", ElementType.INT8, quantized, dims), g.scalar(scale),
                g.bytes(name + "_zero_point", ElementType.INT8, new byte[] {0}));
    }

    private static String layerNorm(OnnxGraph g, SplittableRandom random, String name, String x, int e) {
        float[] gain = gaussian(random, e, 0.1);
        for (int i = 0; i < e; i++) {
            gain[i] += 1;
        }
        return g.op("LayerNormalization", attributes(integer("axis", -1), real("epsilon", 1e-5f)), x,
                g.floats(name + ".weight", gain, e), g.floats(name + ".bias", gaussian(random, e, 0.1), e));
    }

    private static float[] gaussian(SplittableRandom random, int size, double deviation) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * deviation);
        }
        return values;
    }
}
