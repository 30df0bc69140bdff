package tempered.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.TestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChiSquareTest {

    /** Critical values from any chi-square table: the statistic whose upper tail is 0.05 or 0.01. */
    @ParameterizedTest(name = "df={1}, x={0}")
    @CsvSource({
        "3.841459, 1, 0.05",
        "6.634897, 1, 0.01",
        "5.991465, 2, 0.05",
        "18.307038, 10, 0.05",
        "23.209251, 10, 0.01",
        "124.342113, 100, 0.05",
        "0.454936, 1, 0.5",
        "2.0, 2, 0.36787944117144233"
    })
    void matchesTheTables(double statistic, int df, double p) {
        assertEquals(p, ChiSquare.pValue(statistic, df), 1e-6);
    }

    @Test
    void theStatisticByHand() {
        // (10 - 12.5)^2 / 12.5 + (15 - 12.5)^2 / 12.5 = 1.0
        assertEquals(1.0, ChiSquare.statistic(new long[] {10, 15}, new double[] {12.5, 12.5}), 1e-12);
    }

    /**
     * The statistic and the p-value agree with Apache Commons Math, an independent implementation, on random
     * counts over 2 to 300 bins, near the expected ones or far from them so that p-values span (0, 1).
     */
    @Test
    void agreesWithCommonsMathOnRandomCounts() {
        SplittableRandom random = new SplittableRandom(15);
        for (int trial = 0; trial < 300; trial++) {
            int bins = 2 + random.nextInt(random.nextBoolean() ? 10 : 299);
            double[] shape = new double[bins];
            long[] observed = new long[bins];
            double shapeSum = 0;
            long total = 0;
            for (int i = 0; i < bins; i++) {
                shape[i] = 5 + random.nextDouble() * 200;
                observed[i] = Math.max(
                        0, Math.round(shape[i] + random.nextGaussian() * Math.sqrt(shape[i]) * (1 + trial % 4)));
                shapeSum += shape[i];
                total += observed[i];
            }
            // Expected counts with the observed total, as Commons Math would rescale them anyway.
            double[] expected = new double[bins];
            for (int i = 0; i < bins; i++) {
                expected[i] = shape[i] * total / shapeSum;
            }
            double statistic = ChiSquare.statistic(observed, expected);
            assertEquals(TestUtils.chiSquare(expected, observed), statistic, 1e-9 * statistic);
            assertEquals(
                    TestUtils.chiSquareTest(expected, observed),
                    ChiSquare.pValue(statistic, bins - 1),
                    1e-9,
                    bins + " bins, statistic " + statistic);
        }
    }

    /** The p-value against Commons Math's chi-square distribution over a grid of statistics and degrees of freedom. */
    @Test
    void pValuesAgreeWithCommonsMathsDistribution() {
        for (int df = 1; df <= 300; df += df < 10 ? 1 : 17) {
            ChiSquaredDistribution reference = new ChiSquaredDistribution(df);
            for (double x = 0; x <= 2.5 * df + 40; x += 0.05 * df + 0.1) {
                assertEquals(
                        1 - reference.cumulativeProbability(x), ChiSquare.pValue(x, df), 1e-9, "df=" + df + ", x=" + x);
            }
        }
    }

    @Test
    void badInputsSayWhatToDo() {
        assertEquals(
                "expected count 0.0 in bin 1 must be > 0; pool empty bins into their neighbours",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ChiSquare.statistic(new long[] {1, 0}, new double[] {1, 0}))
                        .getMessage());
        assertEquals(
                "degrees of freedom 0 must be at least 1 (bins minus one)",
                assertThrows(IllegalArgumentException.class, () -> ChiSquare.pValue(1, 0))
                        .getMessage());
    }

    /** With two degrees of freedom the tail has a closed form, exp(-x / 2); and it only falls as x grows. */
    @Test
    void twoDegreesOfFreedomMatchTheClosedFormAndTailsFall() {
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 1000; trial++) {
            double x = random.nextDouble(0, 80);
            assertEquals(Math.exp(-x / 2), ChiSquare.pValue(x, 2), 1e-12 + 1e-9 * Math.exp(-x / 2));
            int df = 1 + random.nextInt(300);
            assertTrue(ChiSquare.pValue(x, df) >= ChiSquare.pValue(x + 0.5, df));
        }
    }
}
