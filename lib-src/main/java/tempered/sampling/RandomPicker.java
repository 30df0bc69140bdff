package tempered.sampling;

import java.util.SplittableRandom;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Softmax;

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
    private double[] weights = new double[0];
    private double[] widened = new double[0];

    public RandomPicker(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public int pick(double[] logits) {
        return draw(logits, 1.0);
    }

    /**
     * Draws from the softmax of {@code logits / temperature} without building the distribution: one pass of
     * exponentials into a buffer this picker reuses, then one scan. This is the sampling step of every
     * generation, so it does no more than it must; the probabilities it draws with are those of
     * {@link Distribution#of(double[], double)}. Each draw takes exactly one number from the generator.
     */
    public int draw(double[] logits, double temperature) {
        Softmax.requireTemperature(temperature);
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty; pass one score per token");
        }
        int n = logits.length;
        // One pass finds the largest logit and checks every value; a bad one is reported by the usual check.
        int best = -1;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = logits[i];
            if (x > max) {
                max = x;
                best = i;
            } else if (Double.isNaN(x)) {
                Logits.requireValid(logits);
            }
        }
        if (best < 0 || max == Double.POSITIVE_INFINITY) {
            Logits.requireValid(logits);
        }
        double u = random.nextDouble();
        if (temperature == 0) {
            return best;
        }
        if (weights.length < n) {
            weights = new double[n];
        }
        // Multiplying by 1/T instead of dividing changes the exponent by at most one unit in the last place, far
        // below anything a draw could notice, and saves a division per token on the hottest loop of generation.
        double inverse = 1 / temperature;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double x = logits[i];
            // exp(-Infinity) is 0, but Math.exp takes a slow path to say so; a truncated vocabulary is mostly masked.
            double w = x == Double.NEGATIVE_INFINITY ? 0 : Math.exp((x - max) * inverse);
            weights[i] = w;
            sum += w;
        }
        double target = u * sum;
        double cumulative = 0;
        int last = best;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (w > 0) {
                cumulative += w;
                last = i;
                if (target < cumulative) {
                    return i;
                }
            }
        }
        // target fell in the rounding gap between the running sum and the total: the last possible token takes it.
        return last;
    }

    /** The same for float logits, as a model emits them, widened into a buffer this picker reuses. */
    public int draw(float[] logits, double temperature) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty; pass one score per token");
        }
        if (widened.length != logits.length) {
            widened = new double[logits.length];
        }
        for (int i = 0; i < logits.length; i++) {
            widened[i] = logits[i];
        }
        return draw(widened, temperature);
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
