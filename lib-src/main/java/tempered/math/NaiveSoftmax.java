package tempered.math;

/**
 * The textbook softmax, {@code exp(x_i / T) / sum_j exp(x_j / T)}, exactly as written and with no safeguards.
 *
 * <p>Kept only to show why {@link Softmax} subtracts the largest logit first: with logits around -45 and
 * T below about 0.0607, every {@code exp(x / T)} underflows to 0 in double and the division is 0 / 0 = NaN;
 * with large positive logits the terms overflow to Infinity and Infinity / Infinity is NaN too.
 *
 * <pre>{@code
 * NaiveSoftmax.probs(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32}, 0.05);  // [NaN, NaN, NaN, NaN, NaN]
 * Softmax.probs(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32}, 0.05);       // [0, 0, 1, 0, 0]
 * }</pre>
 */
public final class NaiveSoftmax {
    private NaiveSoftmax() {}

    /** The unguarded formula: may return NaN, which is the point. Never use it for real work. */
    public static double[] probs(double[] logits, double temperature) {
        double[] probs = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probs[i] = Math.exp(logits[i] / temperature);
            sum += probs[i];
        }
        for (int i = 0; i < probs.length; i++) {
            probs[i] /= sum;
        }
        return probs;
    }
}
