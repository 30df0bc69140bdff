package tempered.math;

import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square test of observed counts against expected ones: are sampled token frequencies what
 * the distribution says they should be?
 *
 * <p>The p-value is the upper tail of the chi-square distribution, Q(df / 2, statistic / 2), the regularised
 * upper incomplete gamma function, as Apache Commons Math computes it ({@code Gamma.regularizedGammaQ}). It leaves
 * out corrections for small counts: keep every expected count at 5 or more, for example by pooling rare tokens
 * into one bin.
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
        // Q(df / 2, statistic / 2), the regularised upper incomplete gamma function, from Commons Math: its
        // continued fraction keeps the far tail precise, where 1 - P would round to 0.
        return Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
