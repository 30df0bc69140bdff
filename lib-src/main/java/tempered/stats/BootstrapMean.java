package tempered.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The mean of a few measurements (one per seeded text, say) with a 95% percentile-bootstrap interval: resample the
 * measurements with replacement 10,000 times, take the mean of each resample, and keep the middle 95% of those
 * means.
 *
 * <p>Unlike mean ± t·s/√n, the interval never leaves the range of the measurements, so the interval on a share
 * stays inside [0, 1]. It assumes the measurements are independent (separate texts, separate seeds). With as few as
 * eight of them it is a little too narrow: read it as a rough 95%. When every measurement is the same there is
 * nothing to resample: the interval is then not given (NaN ends) and {@link #toString()} says so; equal values are
 * not proof that the true mean is that value. {@link #difference} compares two sets measured on the same seeds,
 * pair by pair: two means differ by more than their noise when that interval leaves out 0, not when their own
 * intervals fail to overlap (overlapping intervals can hide a real difference). The resamples use a fixed seed, so
 * the same measurements always give the same interval.
 *
 * <pre>{@code
 * BootstrapMean.of(0.2, 0.4, 0.1, 0.3).toString();   // "0.250 (95% CI 0.150 to 0.350, n = 4)"
 * BootstrapMean.of(0, 0, 0).toString();             // "0.000 (all 3 equal: no spread to resample)"
 * }</pre>
 *
 * @see <a href="https://doi.org/10.1214/aos/1176344552">Efron, 1979, Bootstrap Methods: Another Look at the
 *     Jackknife</a>
 */
public record BootstrapMean(double mean, double low, double high, int n) {
    /** How many resamples: enough for the 2.5% and 97.5% points to settle to about three digits. */
    public static final int RESAMPLES = 10_000;

    private static final long SEED = 1979;

    /** The mean of {@code values} and its 95% percentile-bootstrap interval. */
    public static BootstrapMean of(double... values) {
        if (values == null || values.length < 2) {
            throw new IllegalArgumentException("an interval needs at least two measurements, got "
                    + (values == null ? 0 : values.length) + "; measure more texts");
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "measurement " + value + " is not a finite number; drop it or fix the measure");
            }
        }
        int n = values.length;
        double mean = mean(values);
        if (Arrays.stream(values).allMatch(v -> v == values[0])) {
            return new BootstrapMean(mean, Double.NaN, Double.NaN, n);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double low = means[(int) Math.floor(0.025 * RESAMPLES)];
        double high = means[(int) Math.ceil(0.975 * RESAMPLES) - 1];
        return new BootstrapMean(mean, low, high, n);
    }

    /**
     * The mean of the pairwise differences {@code after[i] - before[i]}, with its bootstrap interval: for two sets
     * of measurements made on the same seeds (the same text number i at two temperatures), so each pair shares
     * whatever the seed did.
     */
    public static BootstrapMean difference(double[] after, double[] before) {
        if (after == null || before == null || after.length != before.length) {
            throw new IllegalArgumentException("a paired difference needs two sets of the same length, got "
                    + (after == null ? 0 : after.length) + " and " + (before == null ? 0 : before.length)
                    + "; measure both on the same seeds");
        }
        double[] differences = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            differences[i] = after[i] - before[i];
        }
        return of(differences);
    }

    /** Whether every measurement was the same, so that no interval could be estimated. */
    public boolean noSpread() {
        return Double.isNaN(low);
    }

    /**
     * For a {@link #difference}: whether the interval leaves out 0, so the two sets differ by more than their
     * noise. A difference without spread counts only when it is not 0 (every pair differed by the same amount).
     */
    public boolean excludesZero() {
        return noSpread() ? mean != 0 : low > 0 || high < 0;
    }

    @Override
    public String toString() {
        if (noSpread()) {
            return String.format(Locale.ROOT, "%.3f (all %d equal: no spread to resample)", mean, n);
        }
        return String.format(Locale.ROOT, "%.3f (95%% CI %.3f to %.3f, n = %d)", mean, low, high, n);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
