package tempered.sampling;

import java.util.OptionalLong;

/**
 * What every link of a sampler chain has between steps: llama.cpp's sampler lifecycle ({@code llama_sampler_i}:
 * apply, accept, reset, clone), of which {@link LogitsProcessor#apply} and {@link Picker#pick} are the apply.
 *
 * <p>A link without state (top-k, a temperature, greedy) keeps the defaults: it ignores the accepted token, has
 * nothing to reset, and is its own copy. A link with state overrides them: {@link RandomPicker} and {@link Xtc}
 * draw from a seeded generator, {@link MirostatV2} moves its cut mu with every accepted token. A processor that
 * needs the text so far ({@link RepetitionPenalty}, {@link Dry}) reads it from the history it is given, so it
 * keeps none. It leaves out llama.cpp's backend (GPU) sampling.
 *
 * <pre>{@code
 * Picker p = new RandomPicker(42);
 * Picker twin = p.copy();
 * p.pick(new double[] {0, 0}) == twin.pick(new double[] {0, 0});   // true: the copy draws what the original draws
 * }</pre>
 */
public interface Sampler {

    /** Told the token the chain chose, after each step, as llama.cpp's {@code llama_sampler_accept}. */
    default void accept(int token) {}

    /** Back to the state it was built in: a seeded link repeats its draws from the start. */
    default void reset() {}

    /** An independent link in the same state: it does what this one would do next, and neither moves the other. */
    default Sampler copy() {
        return this;
    }

    /** The seed of a link that draws random numbers; empty for one that does not. */
    default OptionalLong seed() {
        return OptionalLong.empty();
    }

    /** The same link drawing from another seed, in its initial state; a link that does not draw is returned. */
    default Sampler withSeed(long seed) {
        return this;
    }
}
