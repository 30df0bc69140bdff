package tempered.model.synthetic;

import static tempered.model.synthetic.OnnxGraph.attributes;
import static tempered.model.synthetic.OnnxGraph.integer;
import static tempered.model.synthetic.OnnxGraph.ints;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tempered.model.synthetic.OnnxGraph.ElementType;

/**
 * Llama-shaped ONNX models with random weights, built in Java, in the layout transformers.js exports SmolLM2:
 * {@code onnx/model.onnx} with inputs {@code input_ids}, {@code attention_mask}, {@code position_ids} and
 * {@code past_key_values.N.key|value} (a zero-length past on the first step), outputs {@code logits} and
 * {@code present.N.key|value}; beside it {@code config.json}, {@code generation_config.json} and the tiny tokenizer
 * of {@link SyntheticTokenizer} with its chat template. The tests run every path of the library on them, and an
 * independent forward pass in the tests checks their numbers.
 *
 * <p>The architecture is Llama's, written with standard ONNX operators: RMSNorm ({@code x / sqrt(mean(x²) + ε) · g}
 * from Mul, ReduceMean, Add, Sqrt, Div), rotary position embeddings from {@code position_ids} (transformers'
 * {@code rotate_half} form: the two halves of each head turned by {@code position · θ^(-2i/d)}), causal attention
 * that honours the attention mask, with grouped-query attention (query head {@code h} reads key/value head
 * {@code h / (heads / kvHeads)}; the cache keeps only the key/value heads), a SwiGLU MLP
 * ({@code down(silu(gate x) · up x)}), no biases, and an output layer tied to the token embeddings. Weights come
 * in float32, int8 as {@code quantize_dynamic} writes them ({@code model_int8.onnx}) or 4 bits as
 * {@code MatMulNBits} reads them ({@code model_q4.onnx}; the embeddings stay float32, the output layer gets its own
 * 4-bit copy); {@link Matrix} says how each is stored. With {@code external}, the weights go to
 * {@code model.onnx_data} beside the model, as the hub's larger exports keep them.
 *
 * <pre>{@code
 * SyntheticLlama.Shape.TINY.embedding();   // 32
 * SyntheticLlama.weights(SyntheticLlama.Shape.TINY, 7).tensor("model.layers.0.self_attn.k_proj").length;   // 512
 * }</pre>
 */
public final class SyntheticLlama {
    /** RMSNorm's ε, as in SmolLM2's config. */
    public static final float EPSILON = 1e-5f;
    /** The base θ of the rotary embeddings' angles. */
    public static final double ROPE_THETA = 10_000;

    /** The weights' precision, and the file transformers.js gives each. */
    public enum Precision {
        FLOAT32("onnx/model.onnx", Matrix.Format.FLOAT32),
        INT8("onnx/model_int8.onnx", Matrix.Format.INT8),
        Q4("onnx/model_q4.onnx", Matrix.Format.Q4);

        /** The model file's path in the folder. */
        public final String file;

        final Matrix.Format format;

        Precision(String file, Matrix.Format format) {
            this.file = file;
            this.format = format;
        }
    }

    /**
     * The sizes.
     *
     * @param heads query heads
     * @param kvHeads key/value heads, which {@code heads} must be a multiple of
     * @param intermediate the MLP's width
     */
    public record Shape(
            int layers, int heads, int kvHeads, int headSize, int intermediate, int vocabulary, int context) {
        /** Two layers, 4 query heads sharing 2 key/value heads of 8 dimensions, the tiny tokenizer's 296 tokens. */
        public static final Shape TINY = new Shape(2, 4, 2, 8, 64, SyntheticTokenizer.NATURAL_SIZE, 64);
        /** SmolLM2-135M's sizes: 30 layers, 9 heads sharing 3, 576 wide, 1,536 in the MLP, 49,152 tokens. */
        public static final Shape SMOLLM2_135M = new Shape(30, 9, 3, 64, 1536, 49152, 8192);

        public Shape {
            if (layers < 1 || heads < 1 || kvHeads < 1 || headSize < 2 || headSize % 2 != 0 || intermediate < 1) {
                throw new IllegalArgumentException("every size must be positive and the head size even: " + this);
            }
            if (heads % kvHeads != 0) {
                throw new IllegalArgumentException(
                        heads + " query heads cannot share " + kvHeads + " key/value heads evenly");
            }
            if (vocabulary < SyntheticTokenizer.NATURAL_SIZE || context < 1) {
                throw new IllegalArgumentException("the vocabulary must hold the tokenizer's "
                        + SyntheticTokenizer.NATURAL_SIZE + " tokens and the context at least one: " + this);
            }
        }

        /** The residual stream's width: heads times head size. */
        public int embedding() {
            return heads * headSize;
        }
    }

    /**
     * Every weight, by transformers' names ({@code model.embed_tokens}, {@code model.layers.N.self_attn.q_proj},
     * ..., {@code model.norm}), each matrix stored row-major as {@code x W} multiplies it: input rows, output
     * columns (transformers keeps its projections the other way round; the ONNX export transposes them). The
     * embeddings are {@code vocabulary x embedding}; norms are vectors of gains.
     */
    public record Weights(Shape shape, Map<String, float[]> tensors) {
        public Weights {
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        }

        /** One tensor; the array is the model's own, so leave it as it is. */
        public float[] tensor(String name) {
            float[] values = tensors.get(name);
            if (values == null) {
                throw new IllegalArgumentException("no weight named " + name + "; the names are " + tensors.keySet());
            }
            return values;
        }
    }

    private SyntheticLlama() {}

    /**
     * The weights the seed draws, in a fixed order, so the same seed gives the same model in every precision.
     * Deviations shrink with the fan-in, and the residual branches' output projections with depth, so a deep model
     * keeps its activations in range; the embeddings spread the logits to a standard deviation of about 2.
     */
    public static Weights weights(Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int e = shape.embedding();
        int kv = shape.kvHeads() * shape.headSize();
        double depth = Math.sqrt(2.0 / shape.layers());
        Map<String, float[]> tensors = new LinkedHashMap<>();
        tensors.put("model.embed_tokens", gaussian(random, shape.vocabulary() * e, 2 / Math.sqrt(e)));
        for (int i = 0; i < shape.layers(); i++) {
            String prefix = "model.layers." + i + ".";
            tensors.put(prefix + "input_layernorm", gains(random, e));
            tensors.put(prefix + "self_attn.q_proj", gaussian(random, e * e, 1 / Math.sqrt(e)));
            tensors.put(prefix + "self_attn.k_proj", gaussian(random, e * kv, 1 / Math.sqrt(e)));
            tensors.put(prefix + "self_attn.v_proj", gaussian(random, e * kv, 1 / Math.sqrt(e)));
            tensors.put(prefix + "self_attn.o_proj", gaussian(random, e * e, depth / Math.sqrt(e)));
            tensors.put(prefix + "post_attention_layernorm", gains(random, e));
            tensors.put(prefix + "mlp.gate_proj", gaussian(random, e * shape.intermediate(), 1 / Math.sqrt(e)));
            tensors.put(prefix + "mlp.up_proj", gaussian(random, e * shape.intermediate(), 1 / Math.sqrt(e)));
            tensors.put(
                    prefix + "mlp.down_proj",
                    gaussian(random, shape.intermediate() * e, depth / Math.sqrt(shape.intermediate())));
        }
        tensors.put("model.norm", gains(random, e));
        return new Weights(shape, tensors);
    }

    /** The tiny model in float32 with seed 7, in {@code dir}. */
    public static Path write(Path dir) {
        return write(dir, Shape.TINY, 7, Precision.FLOAT32, false);
    }

    /**
     * Writes the model file of {@code precision} (with {@code external}, its weights in {@code <file>_data} beside
     * it), {@code config.json}, {@code generation_config.json} and the tokenizer's two files into {@code dir}, and
     * returns {@code dir}.
     */
    public static Path write(Path dir, Shape shape, long seed, Precision precision, boolean external) {
        Weights weights = weights(shape, seed);
        try {
            Path file = dir.resolve(precision.file);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            if (!external) {
                Files.write(partial, graph(weights, precision.format, null).model(17));
            } else {
                String data = file.getFileName() + "_data";
                byte[] model;
                try (OutputStream out =
                        new BufferedOutputStream(Files.newOutputStream(file.resolveSibling(data)), 1 << 20)) {
                    model = graph(weights, precision.format, new OnnxGraph.External(out, data, 1024))
                            .model(17);
                }
                Files.write(partial, model);
            }
            // Only a complete model takes the name the loader looks for.
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("config.json"), config(shape), StandardCharsets.UTF_8);
            // A list, as some models give (Llama 3's): the end of a turn and the end of a text both stop a sample.
            Files.writeString(
                    dir.resolve("generation_config.json"),
                    "{\n  \"bos_token_id\": 1,\n  \"eos_token_id\": [2, 0],\n  \"pad_token_id\": 2\n}\n",
                    StandardCharsets.UTF_8);
            SyntheticTokenizer.write(dir, shape.vocabulary());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(Shape shape) {
        return String.format(
                Locale.ROOT,
                "{\n  \"tempered_random_weights\": true,\n  \"architectures\": [\"LlamaForCausalLM\"],\n  \"model_type\": \"llama\",\n"
                        + "  \"hidden_size\": %d,\n  \"intermediate_size\": %d,\n  \"num_hidden_layers\": %d,\n"
                        + "  \"num_attention_heads\": %d,\n  \"num_key_value_heads\": %d,\n"
                        + "  \"max_position_embeddings\": %d,\n  \"vocab_size\": %d,\n  \"rms_norm_eps\": %s,\n"
                        + "  \"rope_theta\": %s,\n  \"tie_word_embeddings\": true,\n  \"bos_token_id\": 1,\n"
                        + "  \"eos_token_id\": 2,\n  \"torch_dtype\": \"float32\"\n}\n",
                shape.embedding(),
                shape.intermediate(),
                shape.layers(),
                shape.heads(),
                shape.kvHeads(),
                shape.context(),
                shape.vocabulary(),
                Float.toString(EPSILON),
                Double.toString(ROPE_THETA));
    }

    private static OnnxGraph graph(Weights weights, Matrix.Format format, OnnxGraph.External external) {
        Shape shape = weights.shape();
        int e = shape.embedding();
        int d = shape.headSize();
        OnnxGraph g = new OnnxGraph("llama");
        g.external = external;

        g.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", ElementType.INT64, "batch_size", "total_sequence_length");
        g.input("position_ids", ElementType.INT64, "batch_size", "sequence_length");
        PastKeyValues.inputs(g, shape.layers(), shape.kvHeads(), d);
        g.output("logits", ElementType.FLOAT, "batch_size", "sequence_length", shape.vocabulary());
        for (int i = 0; i < shape.layers(); i++) {
            for (String part : new String[] {"key", "value"}) {
                g.output(
                        "present." + i + "." + part,
                        ElementType.FLOAT,
                        "batch_size",
                        shape.kvHeads(),
                        "total_sequence_length",
                        d);
            }
        }

        // 4-bit exports keep the embedding lookup in float32 and quantize only the products.
        Matrix.Format embeddingFormat = format == Matrix.Format.Q4 ? Matrix.Format.FLOAT32 : format;
        float[] embedding = weights.tensor("model.embed_tokens");
        Matrix tokens = Matrix.store(g, "model.embed_tokens.weight", embedding, embeddingFormat, shape.vocabulary(), e);
        Matrix output = format == Matrix.Format.Q4
                ? Matrix.store(
                        g, "lm_head.weight", transpose(embedding, shape.vocabulary(), e), format, e, shape.vocabulary())
                // Tied: a transposed view of the embeddings, which ONNX Runtime folds into a copy at load.
                : tokens.withValues(
                        g.op("Transpose", attributes(ints("perm", 1, 0)), tokens.values()), e, shape.vocabulary());

        String x = tokens.gather(g, "input_ids");
        Attention attention = Attention.build(g, shape);
        for (int i = 0; i < shape.layers(); i++) {
            String prefix = "model.layers." + i + ".";
            String h = rmsNorm(
                    g, x, g.floats(prefix + "input_layernorm.weight", weights.tensor(prefix + "input_layernorm"), e));
            String context = attention.apply(g, weights, format, prefix, i, h);
            x = g.op(
                    "Add",
                    x,
                    matrix(g, weights, format, prefix + "self_attn.o_proj", e, e)
                            .multiply(g, context));
            String h2 = rmsNorm(
                    g,
                    x,
                    g.floats(
                            prefix + "post_attention_layernorm.weight",
                            weights.tensor(prefix + "post_attention_layernorm"),
                            e));
            String gate = matrix(g, weights, format, prefix + "mlp.gate_proj", e, shape.intermediate())
                    .multiply(g, h2);
            String up = matrix(g, weights, format, prefix + "mlp.up_proj", e, shape.intermediate())
                    .multiply(g, h2);
            String silu = g.op("Mul", gate, g.op("Sigmoid", gate));
            x = g.op(
                    "Add",
                    x,
                    matrix(g, weights, format, prefix + "mlp.down_proj", shape.intermediate(), e)
                            .multiply(g, g.op("Mul", silu, up)));
        }
        String last = rmsNorm(g, x, g.floats("model.norm.weight", weights.tensor("model.norm"), e));
        g.opTo("Identity", attributes(), new String[] {"logits"}, output.multiply(g, last));
        return g;
    }

    private static Matrix matrix(
            OnnxGraph g, Weights weights, Matrix.Format format, String name, int rows, int columns) {
        return Matrix.store(g, name + ".weight", weights.tensor(name), format, rows, columns);
    }

    /** {@code x / sqrt(mean(x²) + ε) · gain}, over the last axis. */
    private static String rmsNorm(OnnxGraph g, String x, String gain) {
        String meanSquare = g.op("ReduceMean", attributes(ints("axes", -1), integer("keepdims", 1)), g.op("Mul", x, x));
        String root = g.op("Sqrt", g.op("Add", meanSquare, g.scalar(EPSILON)));
        return g.op("Mul", g.op("Div", x, root), gain);
    }

    /**
     * What every layer's attention shares: the mask (causal, and the attention mask's padding) and the rotary
     * angles' cosines and sines for the positions given.
     */
    private record Attention(Shape shape, String mask, String cos, String sin, String scale, String masked) {
        static Attention build(OnnxGraph g, Shape shape) {
            int d = shape.headSize();
            String zero = g.longs(new long[] {0}, 1);
            String one = g.longs(new long[] {1});
            String sequence = g.op("Shape", attributes(integer("start", 1), integer("end", 2)), "input_ids");
            String past = g.op("Shape", attributes(integer("start", 2), integer("end", 3)), "past_key_values.0.key");
            String total = g.op("Add", past, sequence);
            String pastScalar = g.op("Squeeze", past, zero);
            String totalScalar = g.op("Squeeze", total, zero);
            String keyIndex = g.op("Range", g.op("Squeeze", zero, zero), totalScalar, one);
            String queryIndex = g.op("Range", pastScalar, totalScalar, one);
            String causal = g.op(
                    "LessOrEqual",
                    g.op("Unsqueeze", keyIndex, zero),
                    g.op("Unsqueeze", queryIndex, g.longs(new long[] {1}, 1)));
            // [batch, 1, 1, 1, total]: broadcast over key/value heads, the query heads sharing each, and queries.
            String padding = g.op(
                    "Unsqueeze",
                    g.op("Cast", attributes(integer("to", ElementType.BOOL.code)), "attention_mask"),
                    g.longs(new long[] {1, 2, 3}, 3));
            String mask = g.op("And", causal, padding);

            float[] inverse = new float[d / 2];
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] = (float) (1 / Math.pow(ROPE_THETA, 2.0 * i / d));
            }
            String frequencies = g.op(
                    "Mul",
                    g.op(
                            "Unsqueeze",
                            g.op("Cast", attributes(integer("to", ElementType.FLOAT.code)), "position_ids"),
                            g.longs(new long[] {2}, 1)),
                    g.floats("rotary_inverse_frequencies", inverse, inverse.length));
            String angles = g.op("Concat", attributes(integer("axis", -1)), frequencies, frequencies);
            String heads = g.longs(new long[] {1}, 1);
            String cos = g.op("Unsqueeze", g.op("Cos", angles), heads);
            String sin = g.op("Unsqueeze", g.op("Sin", angles), heads);
            return new Attention(shape, mask, cos, sin, g.scalar((float) (1 / Math.sqrt(d))), g.scalar(-1e9f));
        }

        /** Layer {@code layer}'s attention over {@code h}: its output before the output projection. */
        String apply(OnnxGraph g, Weights weights, Matrix.Format format, String prefix, int layer, String h) {
            int e = shape.embedding();
            int d = shape.headSize();
            int kvHeads = shape.kvHeads();
            int kv = kvHeads * d;
            int group = shape.heads() / kvHeads;
            String q = heads(
                    g,
                    matrix(g, weights, format, prefix + "self_attn.q_proj", e, e)
                            .multiply(g, h),
                    shape.heads());
            String k = heads(
                    g,
                    matrix(g, weights, format, prefix + "self_attn.k_proj", e, kv)
                            .multiply(g, h),
                    kvHeads);
            String v = heads(
                    g,
                    matrix(g, weights, format, prefix + "self_attn.v_proj", e, kv)
                            .multiply(g, h),
                    kvHeads);
            q = rotate(g, q);
            k = rotate(g, k);
            String presentKey = "present." + layer + ".key";
            String presentValue = "present." + layer + ".value";
            PastKeyValues.append(g, layer, k, v, presentKey, presentValue);
            // Grouped-query attention: the query heads [b, kvHeads x group, s, d] as [b, kvHeads, group, s, d], so
            // query head h meets key/value head h / group, which broadcasts over the group.
            String grouped = g.op("Reshape", q, g.longs(new long[] {0, kvHeads, group, -1, d}, 5));
            String two = g.longs(new long[] {2}, 1);
            String keys = g.op("Unsqueeze", g.op("Transpose", attributes(ints("perm", 0, 1, 3, 2)), presentKey), two);
            String scores = g.op("Mul", g.op("MatMul", grouped, keys), scale);
            String probabilities =
                    g.op("Softmax", attributes(integer("axis", -1)), g.op("Where", mask, scores, masked));
            String context = g.op("MatMul", probabilities, g.op("Unsqueeze", presentValue, two));
            String perHead = g.op("Reshape", context, g.longs(new long[] {0, shape.heads(), -1, d}, 4));
            return g.op(
                    "Reshape",
                    g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), perHead),
                    g.longs(new long[] {0, 0, e}, 3));
        }

        /** [batch, sequence, count x d] as [batch, count, sequence, d]. */
        private String heads(OnnxGraph g, String x, int count) {
            String split = g.op("Reshape", x, g.longs(new long[] {0, 0, count, shape.headSize()}, 4));
            return g.op("Transpose", attributes(ints("perm", 0, 2, 1, 3)), split);
        }

        /** Rotary embedding, transformers' rotate_half form: {@code x cos + (-x₂, x₁) sin}. */
        private String rotate(OnnxGraph g, String x) {
            int half = shape.headSize() / 2;
            String[] halves = {g.name("first_half"), g.name("second_half")};
            g.opTo("Split", attributes(integer("axis", -1)), halves, x, g.longs(new long[] {half, half}, 2));
            String rotated = g.op("Concat", attributes(integer("axis", -1)), g.op("Neg", halves[1]), halves[0]);
            return g.op("Add", g.op("Mul", x, cos), g.op("Mul", rotated, sin));
        }
    }

    private static float[] transpose(float[] values, int rows, int columns) {
        float[] transposed = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c * rows + r] = values[r * columns + c];
            }
        }
        return transposed;
    }

    private static float[] gains(SplittableRandom random, int size) {
        float[] gains = gaussian(random, size, 0.1);
        for (int i = 0; i < size; i++) {
            gains[i] += 1;
        }
        return gains;
    }

    private static float[] gaussian(SplittableRandom random, int size, double deviation) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * deviation);
        }
        return values;
    }
}
