package tempered.math;

import java.util.Locale;

/**
 * One token of a distribution: its id (its index in the vocabulary), its probability and its log-probability.
 *
 * <pre>{@code
 * Distribution.of(new double[] {2, 4, 3}, 1).top(1);  // [#1 p=0.66524096]
 * }</pre>
 */
public record TokenProbability(int id, double prob, double logProb) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "#%d p=%.8f", id, prob);
    }
}
