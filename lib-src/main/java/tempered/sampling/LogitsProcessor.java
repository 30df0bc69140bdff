package tempered.sampling;

/**
 * One step of a sampler chain: takes logits and returns new logits, never changing its input.
 *
 * <p>Processors only reshape or mask scores ({@code -Infinity} removes a token); the final choice belongs to
 * a {@link Picker}. Those that need the text so far (penalties) read it from {@code history}, the token ids
 * already in the sequence. A processor never masks every token: at least the likeliest one survives. Most
 * processors are pure functions of their input; one with state between steps ({@link Xtc}) has the lifecycle of
 * {@link Sampler}.
 *
 * <pre>{@code
 * new Temperature(0.5).apply(new double[] {3, 2, 1});  // [6.0, 4.0, 2.0]
 * }</pre>
 */
public interface LogitsProcessor extends Sampler {

    /** New logits for the next token, given those of the model and the ids of the tokens so far. */
    double[] apply(double[] logits, int[] history);

    /** The same with no history (a fresh sequence). */
    default double[] apply(double[] logits) {
        return apply(logits, new int[0]);
    }

    @Override
    default LogitsProcessor copy() {
        return this;
    }

    @Override
    default LogitsProcessor withSeed(long seed) {
        return this;
    }
}
