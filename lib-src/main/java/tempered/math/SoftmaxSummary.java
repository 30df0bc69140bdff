package tempered.math;

/**
 * A softmax at T = 1 summarised by three numbers: its largest logit, its log-sum-exp and its entropy in nats,
 * which give any token's log-probability from its logit without keeping the vocabulary's probabilities.
 *
 * <p>It leaves out the probabilities themselves; {@link Distribution} keeps them. It reads logits that have
 * already been checked (a sampler chain checks them), so it does not check them again.
 *
 * <pre>{@code
 * SoftmaxSummary s = SoftmaxSummary.of(new float[] {0, 0});
 * s.logProb(0);   // -0.6931471805599453, log(1/2)
 * s.entropy();    // 0.6931471805599453
 * }</pre>
 */
public final class SoftmaxSummary {
    private final double max;
    private final double logSum;
    private final double entropy;

    private SoftmaxSummary(double max, double sum, double weighted) {
        this.max = max;
        this.logSum = Math.log(sum);
        // -sum p log p with log p = shifted - logSum; both terms are at least 0, so nothing cancels.
        this.entropy = logSum - weighted / sum;
    }

    /** One pass of exponentials over the logits. */
    public static SoftmaxSummary of(float[] logits) {
        float largest = Float.NEGATIVE_INFINITY;
        for (float x : logits) {
            if (x > largest) {
                largest = x;
            }
        }
        double sum = 0;
        double weighted = 0;
        for (float x : logits) {
            if (x != Float.NEGATIVE_INFINITY) {
                double shifted = (double) x - largest;
                double w = Math.exp(shifted);
                sum += w;
                weighted += w * shifted;
            }
        }
        return new SoftmaxSummary(largest, sum, weighted);
    }

    /**
     * From sums another pass already took, over every logit {@code x} with {@code s = x - max}: {@code sum} of
     * {@code exp(s)} and {@code weighted}, the sum of {@code s exp(s)}.
     */
    public static SoftmaxSummary ofSums(double max, double sum, double weighted) {
        if (!(sum >= 1) || Double.isNaN(weighted) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("sum=" + sum + ", weighted=" + weighted + ", max=" + max
                    + " are not the sums of a softmax pass: the largest logit alone adds exp(0) = 1 to the sum");
        }
        return new SoftmaxSummary(max, sum, weighted);
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
