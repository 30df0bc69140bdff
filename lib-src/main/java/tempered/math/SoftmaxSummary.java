package tempered.math;

/**
 * A softmax at T = 1 summarised by three numbers: its largest logit, its log-sum-exp and its entropy in nats,
 * which give any token's log-probability from its logit without keeping the vocabulary's probabilities.
 *
 * <p>It leaves out the probabilities themselves; {@link Distribution} keeps them. A {@link SoftmaxPass} at T = 1
 * makes one.
 *
 * <pre>{@code
 * SoftmaxSummary s = new SoftmaxPass().weigh(new double[] {0, 0}, 1.0).summary();
 * s.logProb(0);   // -0.6931471805599453, log(1/2)
 * s.entropy();    // 0.6931471805599453
 * }</pre>
 */
public final class SoftmaxSummary {
    private final double max;
    private final double logSum;
    private final double entropy;

    /**
     * From the sums of a softmax pass over every logit {@code x}, with {@code s = x - max}: {@code sum} of
     * {@code exp(s)} and {@code weighted}, the sum of {@code s exp(s)}.
     */
    SoftmaxSummary(double max, double sum, double weighted) {
        this.max = max;
        this.logSum = Math.log(sum);
        // -sum p log p with log p = shifted - logSum; both terms are at least 0, so nothing cancels.
        this.entropy = logSum - weighted / sum;
    }

    /** The log-probability (natural log) of a token with this logit. */
    public double logProb(double logit) {
        return logit - max - logSum;
    }

    /** The entropy of the distribution, in nats. */
    public double entropy() {
        return entropy;
    }
}
