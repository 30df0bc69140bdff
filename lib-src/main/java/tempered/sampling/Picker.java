package tempered.sampling;

/**
 * The last link of a sampler chain: chooses one token id from the processed logits.
 *
 * <p>{@link Greedy} always takes the likeliest token; {@link RandomPicker} draws from the softmax of the
 * logits with its own seeded generator.
 */
public sealed interface Picker permits Greedy, RandomPicker {

    /** The chosen token id. */
    int pick(double[] logits);

    /** A picker in its initial state: the same draws again, from the start. */
    Picker fresh();
}
