package tempered.stats;

import java.util.Locale;

/**
 * A share counted over independent trials (how many of 8 texts repeat a 3-gram) with its 95% Wilson score
 * interval.
 *
 * <p>The interval stays inside [0, 1] and still says something when the count is 0 or all: 0 of 8 gives 0 to
 * 0.324, not "0, certainly". It is the set of shares p for which the observed count is within 1.96 standard
 * deviations of n·p, which keeps its 95% close to 95% for small n, where the textbook p ± 1.96·√(p(1-p)/n) does not.
 * It assumes the trials are independent: separate texts, not the n-grams of one text.
 *
 * <pre>{@code
 * WilsonInterval.of(0, 8).toString();   // "0 of 8 (95% CI 0.000 to 0.324)"
 * WilsonInterval.of(4, 8).toString();   // "4 of 8 (95% CI 0.215 to 0.785)"
 * }</pre>
 *
 * @see <a href="https://doi.org/10.1080/01621459.1927.10502953">Wilson, 1927, Probable Inference, the Law of
 *     Succession, and Statistical Inference</a>
 */
public record WilsonInterval(int count, int n, double low, double high) {
    private static final double Z = 1.959963984540054;

    /** The share {@code count / n} and its 95% Wilson interval. */
    public static WilsonInterval of(int count, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a share needs at least one trial, got n = " + n);
        }
        if (count < 0 || count > n) {
            throw new IllegalArgumentException(
                    "count " + count + " must be between 0 and n = " + n + "; count the trials that succeeded");
        }
        double p = (double) count / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 and at n the end is exactly 0 (or 1); rounding would leave a hair's width.
        double low = count == 0 ? 0 : Math.max(0, centre - half);
        double high = count == n ? 1 : Math.min(1, centre + half);
        return new WilsonInterval(count, n, low, high);
    }

    /** The observed share, count / n. */
    public double share() {
        return (double) count / n;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d of %d (95%% CI %.3f to %.3f)", count, n, low, high);
    }
}
