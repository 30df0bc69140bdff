package tempered.generate;

/**
 * The raw model's distribution at one step (T = 1, nothing cut), summarised in one pass of exponentials:
 * its log-sum-exp and its entropy, which give any token's log-probability without the 50,257 probabilities.
 *
 * <p>It reads logits that the sampler chain has already checked, so it does not check them again.
 */
final class RawSoftmax {
    private final float[] logits;
    private final double max;
    private final double logSum;
    private final double entropy;

    private RawSoftmax(float[] logits) {
        this.logits = logits;
        double largest = Double.NEGATIVE_INFINITY;
        for (float x : logits) {
            largest = Math.max(largest, x);
        }
        double sum = 0;
        double weighted = 0;
        for (float x : logits) {
            if (x != Float.NEGATIVE_INFINITY) {
                double shifted = x - largest;
                double w = Math.exp(shifted);
                sum += w;
                weighted += w * shifted;
            }
        }
        this.max = largest;
        this.logSum = Math.log(sum);
        // -sum p log p with log p = shifted - logSum; both terms are at least 0, so nothing cancels.
        this.entropy = logSum - weighted / sum;
    }

    static RawSoftmax of(float[] logits) {
        return new RawSoftmax(logits);
    }

    double logProb(int id) {
        return logits[id] - max - logSum;
    }

    double entropy() {
        return entropy;
    }
}
