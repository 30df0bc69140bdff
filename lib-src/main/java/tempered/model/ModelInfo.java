package tempered.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a loaded model is: its file, export style and sizes, read from the ONNX session itself (and
 * {@code config.json} for the context length, the query heads and the MLP width), and its parameter count.
 *
 * <p>The parameter count follows the architecture. GPT-2: token and position embeddings, per layer attention
 * (4 E x E matrices) and MLP (8 E x E), their biases and two layer norms, and a final layer norm; the output
 * layer shares the token embeddings. For GPT-2 small it gives 124,439,808. Llama: token embeddings, per layer
 * the query and output projections (E x E), the key and value projections (E x kvHeads·headSize each), three
 * SwiGLU matrices (E x I) and two RMSNorm gains, a final RMSNorm, and an output layer unless it is tied; no
 * biases. For SmolLM2-135M it gives 134,515,008.
 *
 * <pre>{@code
 * // not run: needs GPT-2
 * model.info().parameters();   // 124439808
 * model.info().embedding();    // 768
 * }</pre>
 *
 * @param heads query heads (GPT-2: also key/value heads)
 * @param kvHeads key/value heads, which the cache keeps: fewer than {@code heads} with grouped-query attention
 */
public record ModelInfo(
        Path file,
        ExportStyle style,
        boolean positionIds,
        int layers,
        int heads,
        int kvHeads,
        int headSize,
        int vocabulary,
        int contextLength,
        Architecture architecture,
        long parameters) {

    /** A GPT-2 model's facts: as many key/value heads as heads, the parameters counted from the sizes. */
    public ModelInfo(
            Path file,
            ExportStyle style,
            boolean positionIds,
            int layers,
            int heads,
            int headSize,
            int vocabulary,
            int contextLength) {
        this(
                file,
                style,
                positionIds,
                layers,
                heads,
                heads,
                headSize,
                vocabulary,
                contextLength,
                Architecture.GPT2,
                parameters(layers, heads * headSize, vocabulary, contextLength));
    }

    /** The width of the residual stream: heads times head size (768 for GPT-2 small, 576 for SmolLM2-135M). */
    public int embedding() {
        return heads * headSize;
    }

    /** How many query heads share one key/value head (1 without grouped-query attention; 3 for SmolLM2). */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** GPT-2's parameter count for any sizes: the one place that architecture's arithmetic is written. */
    public static long parameters(int layers, int embedding, int vocabulary, int contextLength) {
        long e = embedding;
        long perLayer = 12 * e * e + 13 * e;
        return (long) vocabulary * e + (long) contextLength * e + layers * perLayer + 2 * e;
    }

    /** Llama's parameter count for any sizes (no biases; the output layer counted only when it is not tied). */
    public static long llamaParameters(
            int layers, int heads, int kvHeads, int headSize, int intermediate, int vocabulary, boolean tied) {
        long e = (long) heads * headSize;
        long kv = (long) kvHeads * headSize;
        long perLayer = 2 * e * e + 2 * e * kv + 3 * e * intermediate + 2 * e;
        return (long) vocabulary * e * (tied ? 1 : 2) + layers * perLayer + e;
    }

    /**
     * The weights one generated token reads: every parameter but GPT-2's position embeddings (one row of them,
     * like one row of the token embeddings, is all a token touches; the output layer reads every token
     * embedding), at four bytes each.
     */
    public long weightBytesPerToken() {
        long positions = architecture == Architecture.GPT2 ? (long) contextLength * embedding() : 0;
        return Float.BYTES * (parameters - positions);
    }

    /** The facts as label and value, in reading order, for a table. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        if (architecture != Architecture.GPT2) {
            facts.put("design", architecture.toString());
        }
        facts.put("file", file.getFileName().toString());
        facts.put("export", style.toString());
        facts.put("parameters", String.format(Locale.ROOT, "%,d", parameters));
        facts.put("vocabulary", String.format(Locale.ROOT, "%,d tokens", vocabulary));
        facts.put("embedding", embedding() + " dimensions");
        facts.put("heads", heads + " heads × " + headSize + " dimensions");
        if (kvHeads != heads) {
            facts.put("key/value heads", kvHeads + ", each shared by " + groupSize() + " query heads");
        }
        facts.put("layers", Integer.toString(layers));
        facts.put("context", String.format(Locale.ROOT, "%,d tokens", contextLength));
        return facts;
    }

    @Override
    public String toString() {
        Map<String, String> facts = facts();
        int width = facts.keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        StringBuilder text = new StringBuilder();
        facts.forEach((label, value) -> text.append(String.format(Locale.ROOT, "%-" + width + "s %s%n", label, value)));
        return text.toString().stripTrailing();
    }
}
