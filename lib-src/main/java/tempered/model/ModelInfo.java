package tempered.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a loaded GPT-2 model is: its file, export style and sizes, read from the ONNX session itself
 * (and {@code config.json} for the context length).
 *
 * <p>The parameter count uses GPT-2's architecture: token and position embeddings, per layer attention
 * (4 E x E matrices) and MLP (8 E x E), their biases and two layer norms, and a final layer norm; the output
 * layer shares the token embeddings. For GPT-2 small it gives 124,439,808.
 *
 * <pre>{@code
 * // not run: needs GPT-2
 * model.info().parameters();   // 124439808
 * model.info().embedding();    // 768
 * }</pre>
 */
public record ModelInfo(
        Path file,
        ExportStyle style,
        boolean positionIds,
        int layers,
        int heads,
        int headSize,
        int vocabulary,
        int contextLength) {

    /** The width of the residual stream: heads times head size (768 for GPT-2 small). */
    public int embedding() {
        return heads * headSize;
    }

    /** GPT-2's parameter count for these sizes. */
    public long parameters() {
        return parameters(layers, embedding(), vocabulary, contextLength);
    }

    /** GPT-2's parameter count for any sizes: the one place the architecture's arithmetic is written. */
    public static long parameters(int layers, int embedding, int vocabulary, int contextLength) {
        long e = embedding;
        long perLayer = 12 * e * e + 13 * e;
        return (long) vocabulary * e + (long) contextLength * e + layers * perLayer + 2 * e;
    }

    /**
     * The weights one generated token reads: everything but the position embeddings (one row of them, like
     * one row of the token embeddings, is all a token touches; the output layer reads every token embedding).
     */
    public long weightBytesPerToken() {
        return Float.BYTES * (parameters() - (long) contextLength * embedding());
    }

    /** The facts as label and value, in reading order, for a table. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("file", file.getFileName().toString());
        facts.put("export", style.toString());
        facts.put("parameters", String.format(Locale.ROOT, "%,d", parameters()));
        facts.put("vocabulary", String.format(Locale.ROOT, "%,d tokens", vocabulary));
        facts.put("embedding", embedding() + " dimensions");
        facts.put("heads", heads + " of " + headSize + " dimensions");
        facts.put("layers", Integer.toString(layers));
        facts.put("context", String.format(Locale.ROOT, "%,d tokens", contextLength));
        return facts;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        facts().forEach((label, value) -> text.append(String.format(Locale.ROOT, "%-11s %s%n", label, value)));
        return text.toString().stripTrailing();
    }
}
