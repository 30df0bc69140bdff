package tempered.sampling;

import java.util.Arrays;
import java.util.SplittableRandom;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Softmax;
import tempered.math.SoftmaxSummary;

/**
 * Draws a token from the softmax of the logits, with a generator seeded explicitly.
 *
 * <p>Each draw takes exactly one number from the generator, so the same seed and the same logits give the
 * same sequence of tokens on every run; {@link #fresh()} starts the sequence over. Across JVMs and machines
 * that is not promised: {@link Math#exp} may differ by one unit in the last place between JVMs, and a model's
 * logits differ more than that between CPUs (ONNX Runtime picks different kernels), so a draw that lands
 * within a rounding error of a boundary between two tokens can go either way.
 *
 * <p>Unlike {@link java.util.Random} it is not thread-safe: it reuses buffers between draws, so give each
 * thread its own picker ({@link #fresh()} makes one). It leaves out llama.cpp's and transformers' own
 * generators, so a seed here does not reproduce their tokens.
 *
 * <pre>{@code
 * Picker p = new RandomPicker(42);
 * p.pick(new double[] {0, 0});  // 1, the same every run with seed 42
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
     * exponentials into a buffer this picker reuses, then one scan. The probabilities it draws with are those
     * of {@link Distribution#of(double[], double)}.
     */
    public int draw(double[] logits, double temperature) {
        return weigh(logits, temperature).index();
    }

    /** The same for float logits, as a model emits them, widened into a buffer this picker reuses. */
    public int draw(float[] logits, double temperature) {
        return draw(widen(logits), temperature);
    }

    /**
     * A draw together with the weights it was drawn with, for a caller that also wants the chosen token's
     * probability, the entropy, or the likeliest tokens, without a second pass of exponentials. The weights
     * live in this picker's buffer: read them before the next draw.
     */
    Drawn weigh(double[] logits, double temperature) {
        return weigh(logits, temperature, false);
    }

    /**
     * The same, and with {@code atOne} also the sums of {@code exp(x - max)} and {@code (x - max) exp(x - max)}
     * at T = 1, taken in the same loop, for a caller that wants the softmax of these very logits at T = 1 too
     * (generation records the raw model's figures): one loop instead of two.
     */
    Drawn weigh(double[] logits, double temperature, boolean atOne) {
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
        if (weights.length < n) {
            weights = new double[n];
        }
        double u = random.nextDouble();
        if (temperature == 0) {
            Arrays.fill(weights, 0, n, 0.0);
            weights[best] = 1;
            // No pass of exponentials is taken, so there are no sums at T = 1 to give.
            return new Drawn(best, weights, 1, 0, null);
        }
        // Multiplying by 1/T instead of dividing changes the exponent by at most one unit in the last place, far
        // below anything a draw could notice, and saves a division per token on the hottest loop of generation.
        double inverse = 1 / temperature;
        double sum = 0;
        double weighted = 0;
        double sumAtOne = 0;
        double weightedAtOne = 0;
        for (int i = 0; i < n; i++) {
            double x = logits[i];
            double w = 0;
            // Math.exp(-Infinity) is 0 but slow; after a truncation most tokens are masked.
            if (x != Double.NEGATIVE_INFINITY) {
                double shifted = x - max;
                double scaled = shifted * inverse;
                w = Math.exp(scaled);
                weighted += w * scaled;
                if (atOne) {
                    // At T = 1 the draw's own weight is this exponential already (shifted * 1 is exact).
                    double v = inverse == 1 ? w : Math.exp(shifted);
                    sumAtOne += v;
                    weightedAtOne += v * shifted;
                }
            }
            weights[i] = w;
            sum += w;
        }
        double target = u * sum;
        double cumulative = 0;
        int chosen = best;
        for (int i = 0; i < n; i++) {
            double w = weights[i];
            if (w > 0) {
                cumulative += w;
                chosen = i;
                if (target < cumulative) {
                    break;
                }
            }
        }
        // When target falls in the rounding gap between the running sum and the total, the last possible token takes
        // it.
        return new Drawn(
                chosen, weights, sum, weighted, atOne ? SoftmaxSummary.ofSums(max, sumAtOne, weightedAtOne) : null);
    }

    /** The logits in double precision, in a buffer this picker reuses: valid until its next widening. */
    double[] widen(float[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty; pass one score per token");
        }
        if (widened.length != logits.length) {
            widened = new double[logits.length];
        }
        for (int i = 0; i < logits.length; i++) {
            widened[i] = logits[i];
        }
        return widened;
    }

    /**
     * The token drawn, and the weights {@code w_i = exp((x_i - max) / T)} it was drawn with: their sum and
     * {@code sum w_i (x_i - max) / T}, which give the entropy without another pass; and the softmax of the same
     * logits at T = 1 when it was asked for and taken, else null.
     */
    record Drawn(int index, double[] weights, double sum, double weightedSum, SoftmaxSummary atOne) {
        double probability(int i) {
            return weights[i] / sum;
        }

        /** {@code -sum p log p} with {@code log p_i = (x_i - max) / T - log sum}: both terms are at least 0. */
        double entropy() {
            return Math.log(sum) - weightedSum / sum;
        }
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
