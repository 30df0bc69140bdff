package tempered.math;

import java.util.Locale;

/**
 * The temperature at which a distribution reaches a target entropy (or perplexity): the inverse of the curve
 * notebook 02 draws.
 *
 * <p>Entropy never falls as T rises (dH/dT = Var(x / T) / T >= 0), from ln(k) at T -> 0, where k tokens tie
 * for the largest logit, to ln(n) as T -> infinity, over the n tokens that are not masked. Any target strictly
 * between is reached at exactly one T, which bisection on log T finds to a relative precision of 1e-12 between
 * 1e-6 and 1e6. It leaves out targets at the ends themselves, which only T = 0 or T = infinity reach.
 *
 * <pre>{@code
 * TemperatureSolver.forEntropy(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32}, 1.0);   // 1.0656...
 * }</pre>
 */
public final class TemperatureSolver {
    private static final double LOWEST = 1e-6;
    private static final double HIGHEST = 1e6;

    private TemperatureSolver() {}

    /** The T at which the tempered softmax of {@code logits} has entropy {@code nats}. */
    public static double forEntropy(double[] logits, double nats) {
        Logits.requireValid(logits);
        int finite = 0;
        int ties = 0;
        double max = Logits.max(logits);
        for (double x : logits) {
            finite += x != Double.NEGATIVE_INFINITY ? 1 : 0;
            ties += x == max ? 1 : 0;
        }
        double floor = Math.log(ties);
        double ceiling = Math.log(finite);
        if (!(nats > floor && nats < ceiling)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "an entropy of %s nats is out of reach for these logits: it runs from %.6f (T -> 0) to ln %d = %.6f"
                            + " (T -> infinity), ends excluded; pick a target in between",
                    nats,
                    floor,
                    finite,
                    ceiling));
        }
        double lo = Math.log(LOWEST);
        double hi = Math.log(HIGHEST);
        if (entropy(logits, Math.exp(lo)) > nats || entropy(logits, Math.exp(hi)) < nats) {
            throw new IllegalArgumentException(
                    "an entropy of " + nats + " nats needs a temperature outside 1e-6 to 1e6 for these"
                            + " logits; pick a target further from the ends (" + floor + " and " + ceiling + ")");
        }
        while (hi - lo > 1e-12) {
            double mid = (lo + hi) / 2;
            if (entropy(logits, Math.exp(mid)) < nats) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** The same for float logits, as a model emits them. */
    public static double forEntropy(float[] logits, double nats) {
        return forEntropy(Logits.toDouble(logits), nats);
    }

    /**
     * The T at which the perplexity exp(H) is {@code perplexity}: as if choosing uniformly among that many tokens.
     * A perplexity is at least 1 (one certain token); the targets in reach run from e^H at T -> 0 to the number
     * of tokens that are not masked, ends excluded, as for {@link #forEntropy}.
     */
    public static double forPerplexity(double[] logits, double perplexity) {
        if (!(perplexity >= 1) || Double.isInfinite(perplexity)) {
            throw new IllegalArgumentException("perplexity " + perplexity + " must be a finite number >= 1: it counts"
                    + " equally likely tokens, and one certain token is 1");
        }
        return forEntropy(logits, Math.log(perplexity));
    }

    /** The same for float logits, as a model emits them. */
    public static double forPerplexity(float[] logits, double perplexity) {
        return forPerplexity(Logits.toDouble(logits), perplexity);
    }

    private static double entropy(double[] logits, double temperature) {
        return Distribution.of(logits, temperature).entropy();
    }
}
