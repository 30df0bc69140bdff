package tempered.model.synthetic;

import static tempered.model.synthetic.OnnxGraph.attributes;
import static tempered.model.synthetic.OnnxGraph.integer;

/**
 * The KV cache as a decoder graph grows it: a layer's present key and value are its past ones (inputs {@code
 * past_key_values.N.key|value}, shaped [batch, heads, past, head size]) with this step's appended along the sequence
 * axis. Leaves out the attention that reads them.
 */
final class PastKeyValues {

    private PastKeyValues() {}

    /** Declares the inputs {@code past_key_values.N.key|value} of every layer, in that order. */
    static void inputs(OnnxGraph g, int layers, int heads, int headSize) {
        for (int i = 0; i < layers; i++) {
            for (String part : new String[] {"key", "value"}) {
                g.input(
                        "past_key_values." + i + "." + part,
                        OnnxGraph.ElementType.FLOAT,
                        "batch_size",
                        heads,
                        "past_sequence_length",
                        headSize);
            }
        }
    }

    /** Writes {@code presentKey} and {@code presentValue} as layer {@code layer}'s past with {@code key} and {@code value} appended. */
    static void append(OnnxGraph g, int layer, String key, String value, String presentKey, String presentValue) {
        g.opTo(
                "Concat",
                attributes(integer("axis", 2)),
                new String[] {presentKey},
                "past_key_values." + layer + ".key",
                key);
        g.opTo(
                "Concat",
                attributes(integer("axis", 2)),
                new String[] {presentValue},
                "past_key_values." + layer + ".value",
                value);
    }
}
