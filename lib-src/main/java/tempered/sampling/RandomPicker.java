package tempered.sampling;

import java.util.SplittableRandom;
import tempered.math.Distribution;

/**
 * Draws a token from the softmax of the logits, with a generator seeded explicitly.
 *
 * <p>It is a stateful source of draws, like {@link java.util.Random}: each call moves the generator on, and
 * the same seed gives the same sequence of tokens on every run and every JDK ({@link SplittableRandom}'s
 * algorithm is specified). {@link #fresh()} starts the sequence over.
 *
 * <pre>{@code
 * Picker p = new RandomPicker(42);
 * p.pick(new double[] {0, 0});  // the same id every run with seed 42
 * }</pre>
 */
public final class RandomPicker implements Picker {
    private final long seed;
    private final SplittableRandom random;

    public RandomPicker(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public int pick(double[] logits) {
        return draw(Distribution.of(logits, 1.0));
    }

    /** Draws from a distribution already computed, moving the generator on exactly as {@link #pick} does. */
    public int draw(Distribution distribution) {
        return distribution.sample(random);
    }

    @Override
    public Picker fresh() {
        return new RandomPicker(seed);
    }

    @Override
    public String toString() {
        return "random(seed=" + seed + ")";
    }
}
