package tempered.math;

import java.util.Arrays;

/**
 * One pass of the tempered softmax over a vector of logits: the weights {@code w_i = exp((x_i - max) / T)}, their
 * sum, and the sum that gives the entropy, all from one loop of exponentials. It is the engine under
 * {@link Softmax} and {@link Distribution}, every draw of a sampler chain and the figures a generation records;
 * a lesson uses those, not this.
 *
 * <p>The weights are the probabilities before the division by their sum ({@link #probability} divides), so a
 * draw needs no normalised copy: it walks the weights up to {@code u} times their sum. Masked tokens
 * ({@code -Infinity}) weigh 0. T = 0 puts all the weight on the largest logit, ties to the lowest id: this is the
 * one place where the library says that T = 0 is greedy decoding. A pass keeps its weights in a buffer that the
 * next pass reuses, so weighing 50,257 logits at every step allocates nothing; read them before the next pass.
 * It is not thread-safe.
 *
 * <pre>{@code
 * SoftmaxPass pass = new SoftmaxPass().weigh(new double[] {0, Math.log(3)}, 1.0);
 * pass.probability(1);   // 0.75
 * pass.entropy();        // 0.56233514...: nats
 * }</pre>
 */
public final class SoftmaxPass {
    private double[] weights;
    private double[] logits = new double[0];
    private int size;
    private int best;
    private double max;
    private double temperature;
    private double inverse;
    private double sum;
    private double weighted;
    private double logSum;
    private SoftmaxSummary atOne;

    /** A pass with a buffer of its own, which grows to the largest vocabulary it weighs. */
    public SoftmaxPass() {
        this.weights = new double[0];
    }

    /** A pass that writes its weights into {@code buffer}, which must hold as many entries as it weighs. */
    SoftmaxPass(double[] buffer) {
        this.weights = buffer;
    }

    /** Weighs {@code logits} at {@code temperature}: checks both, then one loop of exponentials. */
    public SoftmaxPass weigh(double[] logits, double temperature) {
        return weigh(logits, temperature, false);
    }

    /**
     * The same, and with {@code atOne} also the softmax of the same logits at T = 1, summarised
     * ({@link #atOne()}), from the same loop: a generation that records the raw model's figures beside a draw at
     * another temperature pays for one loop instead of two.
     */
    public SoftmaxPass weigh(double[] logits, double temperature, boolean atOne) {
        Softmax.requireTemperature(temperature);
        if (logits == null || logits.length == 0) {
            Logits.requireValid(logits);
        }
        int n = logits.length;
        // One loop finds the largest logit and checks every value; a bad one is reported by the usual check.
        int first = -1;
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = logits[i];
            if (x > largest) {
                largest = x;
                first = i;
            } else if (Double.isNaN(x)) {
                Logits.requireValid(logits);
            }
        }
        if (first < 0 || largest == Double.POSITIVE_INFINITY) {
            Logits.requireValid(logits);
        }
        if (weights.length < n) {
            weights = new double[n];
        }
        this.logits = logits;
        this.size = n;
        this.best = first;
        this.max = largest;
        this.temperature = temperature;
        this.atOne = null;
        if (temperature == 0) {
            Arrays.fill(weights, 0, n, 0.0);
            weights[first] = 1;
            sum = 1;
            weighted = 0;
            logSum = 0;
            return this;
        }
        // Multiplying by 1/T instead of dividing changes the exponent by at most one unit in the last place, far
        // below anything a draw could notice, and saves a division per token on the hottest loop of generation.
        // Below T = 1/MAX_VALUE, 1/T is infinite and 0 * infinity NaN: the largest finite factor gives the same
        // weights (1 for the largest logits, 0 for the rest).
        inverse = Math.min(1 / temperature, Double.MAX_VALUE);
        double total = 0;
        double weightedTotal = 0;
        double totalAtOne = 0;
        double weightedAtOne = 0;
        for (int i = 0; i < n; i++) {
            double x = logits[i];
            double w = 0;
            // Math.exp(-Infinity) is 0 but slow; after a truncation most tokens are masked.
            if (x != Double.NEGATIVE_INFINITY) {
                // Subtracting first keeps (x - max) / T finite even where x / T alone would overflow.
                double shifted = x - largest;
                double scaled = shifted * inverse;
                w = Math.exp(scaled);
                weightedTotal += w * scaled;
                if (atOne) {
                    // At T = 1 the draw's own weight is this exponential already (shifted * 1 is exact).
                    double v = inverse == 1 ? w : Math.exp(shifted);
                    totalAtOne += v;
                    weightedAtOne += v * shifted;
                }
            }
            weights[i] = w;
            total += w;
        }
        sum = total;
        weighted = weightedTotal;
        logSum = Math.log(total);
        if (atOne) {
            this.atOne = new SoftmaxSummary(largest, totalAtOne, weightedAtOne);
        }
        return this;
    }

    /** An independent pass with the same weights and figures, which the next pass of either does not touch. */
    public SoftmaxPass copy() {
        SoftmaxPass copy = new SoftmaxPass(Arrays.copyOf(weights, size));
        copy.logits = logits;
        copy.size = size;
        copy.best = best;
        copy.max = max;
        copy.temperature = temperature;
        copy.inverse = inverse;
        copy.sum = sum;
        copy.weighted = weighted;
        copy.logSum = logSum;
        copy.atOne = atOne;
        return copy;
    }

    /** How many logits the last pass weighed. */
    public int size() {
        return size;
    }

    /** The weight {@code exp((x_i - max) / T)} of token {@code i}: its probability times {@link #sum()}. */
    public double weight(int i) {
        return weights[i];
    }

    /** The sum of the weights, at least 1 (the largest logit alone weighs exp(0) = 1). */
    public double sum() {
        return sum;
    }

    /** The probability of token {@code i}. */
    public double probability(int i) {
        return weights[i] / sum;
    }

    /**
     * The natural-log probability of token {@code i}, from its logit rather than its weight, so it stays an
     * ordinary number where the probability underflows to 0; {@code -Infinity} for a masked token (and at T = 0
     * for every token but the likeliest).
     */
    public double logProbability(int i) {
        if (temperature == 0) {
            return i == best ? 0.0 : Double.NEGATIVE_INFINITY;
        }
        return (logits[i] - max) * inverse - logSum;
    }

    /** {@code -sum p log p} in nats, with {@code log p_i = (x_i - max) / T - log sum}: both terms are at least 0. */
    public double entropy() {
        return logSum - weighted / sum;
    }

    /** The likeliest token, ties to the lowest id. */
    public int argmax() {
        return best;
    }

    /**
     * The softmax of the same logits at T = 1, when the last pass was asked for it; else null.
     */
    public SoftmaxSummary atOne() {
        return atOne;
    }

    /** This pass at T = 1 summarised: the raw model's figures when the logits are the model's own. */
    public SoftmaxSummary summary() {
        if (temperature != 1) {
            throw new IllegalStateException("this pass was taken at T=" + temperature + "; weigh at T = 1 to summarise"
                    + " the softmax of the logits as they are");
        }
        return new SoftmaxSummary(max, sum, weighted);
    }

    /**
     * Zeroes the weight of every token whose probability is below {@code share}, but never the likeliest one,
     * and makes the rest the distribution: a cut by probability, with no second loop of exponentials.
     */
    public void keepAtLeast(double share) {
        double floor = share * sum;
        double total = 0;
        double weightedTotal = 0;
        for (int i = 0; i < size; i++) {
            double w = weights[i];
            if (w > 0 && (w >= floor || i == best)) {
                total += w;
                weightedTotal += temperature == 0 ? 0 : w * ((logits[i] - max) * inverse);
            } else {
                weights[i] = 0;
            }
        }
        sum = total;
        weighted = weightedTotal;
        logSum = Math.log(total);
    }

    /**
     * The token a uniform number {@code u} in [0, 1) lands on: the first whose running total of weights passes
     * {@code u} times their sum. The same {@code u} always gives the same token.
     */
    public int draw(double u) {
        return walk(weights, size, u * sum);
    }

    /**
     * The first index whose running total of {@code weights} passes {@code target}; when rounding leaves
     * {@code target} between the running total and the sum, the last index with a weight takes it.
     */
    static int walk(double[] weights, int size, double target) {
        double cumulative = 0;
        int chosen = -1;
        for (int i = 0; i < size; i++) {
            double w = weights[i];
            if (w > 0) {
                cumulative += w;
                chosen = i;
                if (target < cumulative) {
                    break;
                }
            }
        }
        return chosen;
    }
}
