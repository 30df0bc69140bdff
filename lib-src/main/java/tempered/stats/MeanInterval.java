package tempered.stats;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a few measurements with its 95% confidence interval from Student's t distribution:
 * mean ± t(0.975, n - 1) · s / √n, where s is the sample standard deviation.
 *
 * <p>It assumes the measurements are independent (one per seeded text, say) and that their mean is roughly
 * normal. When every measurement is the same the spread cannot be estimated: the interval is then not given
 * (NaN ends) rather than shown as zero wide, and {@link #toString()} says so.
 *
 * <pre>{@code
 * MeanInterval.of(1, 2, 3, 4).toString();   // "2.500 (95% CI 0.446 to 4.554, n = 4)"
 * MeanInterval.of(2, 2, 2).toString();      // "2.000 (all 3 equal: no spread to estimate)"
 * }</pre>
 */
public record MeanInterval(double mean, double low, double high, int n) {

    /** The mean of {@code values} and its 95% t interval. */
    public static MeanInterval of(double... values) {
        if (values == null || values.length < 2) {
            throw new IllegalArgumentException("an interval needs at least two measurements, got "
                    + (values == null ? 0 : values.length) + "; draw more samples");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "measurement " + value + " is not a finite number; drop it or fix the measure");
            }
        }
        int n = values.length;
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        if (squares == 0) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, n);
        }
        double halfWidth =
                new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(squares / (n - 1) / n);
        return new MeanInterval(mean, mean - halfWidth, mean + halfWidth, n);
    }

    /** Half the interval's width: the "±" part; NaN when the measurements had no spread. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * Whether the two means differ by more than their noise: the intervals share no value, or, when one side's
     * measurements had no spread, its mean lies outside the other's interval. Two sides without spread give no verdict.
     */
    public boolean separatedFrom(MeanInterval other) {
        boolean spread = !Double.isNaN(low);
        boolean otherSpread = !Double.isNaN(other.low);
        if (spread && otherSpread) {
            return high < other.low || other.high < low;
        }
        if (spread) {
            return other.mean < low || other.mean > high;
        }
        return otherSpread && (mean < other.low || mean > other.high);
    }

    @Override
    public String toString() {
        if (Double.isNaN(low)) {
            return String.format(Locale.ROOT, "%.3f (all %d equal: no spread to estimate)", mean, n);
        }
        return String.format(Locale.ROOT, "%.3f (95%% CI %.3f to %.3f, n = %d)", mean, low, high, n);
    }
}
