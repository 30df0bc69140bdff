package tempered.model.synthetic;

import java.util.HashMap;
import java.util.Map;

/**
 * Llama's forward pass in plain Java, in double precision, one position at a time, from the weights SyntheticLlama
 * draws: the tests' own account of what the ONNX graph must compute, written from the architecture (transformers'
 * LlamaForCausalLM: RMSNorm, rotate-half rotary embeddings, causal grouped-query attention, SwiGLU, tied output),
 * not from the graph. It recomputes the whole sequence for every call; no cache, no batch, no padding.
 */
public final class ReferenceLlama {
    /** How query heads find their key/value head: {@code h / group} is Llama's; the others are wrong on purpose. */
    public enum Sharing {
        /** Query head h reads key/value head h / (heads / kvHeads), as repeat_kv lays them out. */
        GROUPED,
        /** Query head h reads key/value head h % kvHeads: a broadcast the wrong way round. */
        INTERLEAVED
    }

    private final SyntheticLlama.Shape shape;
    private final Map<String, float[]> tensors;
    private final float[] output;
    private final Sharing sharing;

    /** The model as drawn, float32 weights, output layer tied to the embeddings. */
    public ReferenceLlama(SyntheticLlama.Weights weights) {
        this(weights, Map.of(), null, Sharing.GROUPED);
    }

    /**
     * The model with some matrices replaced (by the dequantized numbers a quantized file stores) and, when
     * {@code output} is given, an output layer of its own ({@code embedding x vocabulary}).
     */
    public ReferenceLlama(
            SyntheticLlama.Weights weights, Map<String, float[]> replaced, float[] output, Sharing sharing) {
        this.shape = weights.shape();
        this.tensors = new HashMap<>(weights.tensors());
        this.tensors.putAll(replaced);
        this.output = output;
        this.sharing = sharing;
    }

    /** The logits at every position of {@code tokens}, positions counted from 0: row i predicts the token after i. */
    public double[][] logits(int... tokens) {
        int n = tokens.length;
        int e = shape.embedding();
        int d = shape.headSize();
        int heads = shape.heads();
        int kvHeads = shape.kvHeads();
        int group = heads / kvHeads;
        float[] embed = tensors.get("model.embed_tokens");
        double[][] x = new double[n][e];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < e; i++) {
                x[t][i] = embed[tokens[t] * e + i];
            }
        }
        for (int layer = 0; layer < shape.layers(); layer++) {
            String prefix = "model.layers." + layer + ".";
            double[][] q = new double[n][];
            double[][] k = new double[n][];
            double[][] v = new double[n][];
            for (int t = 0; t < n; t++) {
                double[] h = rmsNorm(x[t], tensors.get(prefix + "input_layernorm"));
                q[t] = rotate(times(h, tensors.get(prefix + "self_attn.q_proj"), heads * d), heads, t);
                k[t] = rotate(times(h, tensors.get(prefix + "self_attn.k_proj"), kvHeads * d), kvHeads, t);
                v[t] = times(h, tensors.get(prefix + "self_attn.v_proj"), kvHeads * d);
            }
            for (int t = 0; t < n; t++) {
                double[] context = new double[heads * d];
                for (int head = 0; head < heads; head++) {
                    int kv = sharing == Sharing.GROUPED ? head / group : head % kvHeads;
                    double[] scores = new double[t + 1];
                    double largest = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= t; j++) {
                        double dot = 0;
                        for (int i = 0; i < d; i++) {
                            dot += q[t][head * d + i] * k[j][kv * d + i];
                        }
                        scores[j] = dot / Math.sqrt(d);
                        largest = Math.max(largest, scores[j]);
                    }
                    double total = 0;
                    for (int j = 0; j <= t; j++) {
                        scores[j] = Math.exp(scores[j] - largest);
                        total += scores[j];
                    }
                    for (int j = 0; j <= t; j++) {
                        for (int i = 0; i < d; i++) {
                            context[head * d + i] += scores[j] / total * v[j][kv * d + i];
                        }
                    }
                }
                add(x[t], times(context, tensors.get(prefix + "self_attn.o_proj"), e));
                double[] h = rmsNorm(x[t], tensors.get(prefix + "post_attention_layernorm"));
                double[] gate = times(h, tensors.get(prefix + "mlp.gate_proj"), shape.intermediate());
                double[] up = times(h, tensors.get(prefix + "mlp.up_proj"), shape.intermediate());
                double[] swiglu = new double[gate.length];
                for (int i = 0; i < gate.length; i++) {
                    swiglu[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                add(x[t], times(swiglu, tensors.get(prefix + "mlp.down_proj"), e));
            }
        }
        double[][] logits = new double[n][];
        for (int t = 0; t < n; t++) {
            double[] last = rmsNorm(x[t], tensors.get("model.norm"));
            if (output != null) {
                logits[t] = times(last, output, shape.vocabulary());
            } else {
                logits[t] = new double[shape.vocabulary()];
                for (int token = 0; token < shape.vocabulary(); token++) {
                    double dot = 0;
                    for (int i = 0; i < e; i++) {
                        dot += last[i] * embed[token * e + i];
                    }
                    logits[t][token] = dot;
                }
            }
        }
        return logits;
    }

    /** x / sqrt(mean(x²) + ε) · gain. */
    private static double[] rmsNorm(double[] x, float[] gain) {
        double sum = 0;
        for (double value : x) {
            sum += value * value;
        }
        double scale = 1 / Math.sqrt(sum / x.length + SyntheticLlama.EPSILON);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale * gain[i];
        }
        return out;
    }

    /** Row vector x times a row-major matrix with {@code columns} columns. */
    private static double[] times(double[] x, float[] matrix, int columns) {
        double[] out = new double[columns];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < columns; c++) {
                out[c] += x[r] * matrix[r * columns + c];
            }
        }
        return out;
    }

    /**
     * Each head's vector turned by its position: pairs (i, i + d/2) rotate by position · θ^(-2i/d), transformers'
     * rotate_half convention.
     */
    private double[] rotate(double[] x, int count, int position) {
        int d = shape.headSize();
        int half = d / 2;
        double[] out = x.clone();
        for (int head = 0; head < count; head++) {
            for (int i = 0; i < half; i++) {
                double angle = position / Math.pow(SyntheticLlama.ROPE_THETA, 2.0 * i / d);
                double a = x[head * d + i];
                double b = x[head * d + i + half];
                out[head * d + i] = a * Math.cos(angle) - b * Math.sin(angle);
                out[head * d + i + half] = b * Math.cos(angle) + a * Math.sin(angle);
            }
        }
        return out;
    }

    private static void add(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }
}
