package tempered.math;

/**
 * Pearson's chi-square test of observed counts against expected ones: are sampled token frequencies what
 * the distribution says they should be?
 *
 * <p>The p-value is the upper tail of the chi-square distribution, Q(df / 2, statistic / 2), the regularised
 * upper incomplete gamma function, computed by its series below a + 1 and its continued fraction above
 * (accurate to about 1e-12). It leaves out corrections for small counts: keep every expected count at 5 or more,
 * for example by pooling rare tokens into one bin.
 *
 * <pre>{@code
 * ChiSquare.pValue(3.841459, 1);   // 0.0500
 * }</pre>
 */
public final class ChiSquare {
    private ChiSquare() {}

    /** The statistic sum (observed - expected)^2 / expected over the bins. */
    public static double statistic(long[] observed, double[] expected) {
        if (observed == null || expected == null || observed.length != expected.length || observed.length < 2) {
            throw new IllegalArgumentException("give observed and expected counts for the same two or more bins");
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            if (!(expected[i] > 0)) {
                throw new IllegalArgumentException("expected count " + expected[i] + " in bin " + i
                        + " must be > 0; pool empty bins into their neighbours");
            }
            double difference = observed[i] - expected[i];
            statistic += difference * difference / expected[i];
        }
        return statistic;
    }

    /** The probability of a statistic at least this large if the counts do follow the expected ones. */
    public static double pValue(double statistic, int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException(
                    "degrees of freedom " + degreesOfFreedom + " must be at least 1 (bins minus one)");
        }
        if (!(statistic >= 0) || Double.isInfinite(statistic)) {
            throw new IllegalArgumentException("chi-square statistic " + statistic + " must be a finite number >= 0");
        }
        double a = degreesOfFreedom / 2.0;
        double x = statistic / 2.0;
        if (x == 0) {
            return 1;
        }
        return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
    }

    /** P(a, x) by its power series. */
    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < 10_000; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    /** Q(a, x) by its continued fraction (modified Lentz). */
    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** ln Gamma(a) for a > 0, by Lanczos' approximation (g = 7, nine coefficients; about 1e-15 relative). */
    static double logGamma(double a) {
        double[] c = {
            0.99999999999980993,
            676.5203681218851,
            -1259.1392167224028,
            771.32342877765313,
            -176.61502916214059,
            12.507343278686905,
            -0.13857109526572012,
            9.9843695780195716e-6,
            1.5056327351493116e-7
        };
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double x = a - 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++) {
            sum += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
