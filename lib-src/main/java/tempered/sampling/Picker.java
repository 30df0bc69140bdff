package tempered.sampling;

/**
 * The last link of a sampler chain: chooses one token id from the processed logits.
 *
 * <p>{@link Greedy} always takes the likeliest token; {@link RandomPicker} draws from the softmax of the
 * logits with its own seeded generator; {@link MirostatV2} cuts the distribution at a surprise it steers
 * towards a target, then draws.
 */
public sealed interface Picker extends Sampler permits Greedy, RandomPicker, MirostatV2 {

    /** The chosen token id. */
    int pick(double[] logits);

    @Override
    default Picker copy() {
        return this;
    }

    @Override
    default Picker withSeed(long seed) {
        return this;
    }
}
