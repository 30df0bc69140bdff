package tempered.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    static Stream<Arguments> references() {
        return Stream.of(
                // Notebook 01: softmax([1, 2]) at T = 1, 2, 5.
                Arguments.of(new double[] {1, 2}, 1.0, new double[] {0.26894142, 0.73105858}, 1e-8),
                Arguments.of(new double[] {1, 2}, 2.0, new double[] {0.37754067, 0.62245933}, 1e-8),
                Arguments.of(new double[] {1, 2}, 5.0, new double[] {0.45016600, 0.54983400}, 1e-8),
                // Notebook 02: [2, 4, 3] on paper, and the five words at T = 1 and T = 100.
                Arguments.of(new double[] {2, 4, 3}, 1.0, new double[] {0.09003057, 0.66524096, 0.24472847}, 1e-8),
                Arguments.of(
                        Examples.WORD_LOGITS, 1.0, new double[] {0.00690, 0.21079, 0.66571, 0.08570, 0.03090}, 1e-5),
                Arguments.of(
                        Examples.WORD_LOGITS, 100.0, new double[] {0.19523, 0.20202, 0.20436, 0.20021, 0.19818}, 1e-5),
                // Notebook 02: apple, banana, cherry; with logits ln p, T = 0.5 gives p^2 / sum.
                Arguments.of(Logits.fromProbs(Examples.FRUIT_PROBS), 0.5, new double[] {0.6579, 0.2368, 0.1053}, 1e-4),
                // T = 0 is greedy, ties to the lowest index.
                Arguments.of(new double[] {1, 3, 3, 2}, 0.0, new double[] {0, 1, 0, 0}, 0.0),
                // Masked tokens get exactly 0.
                Arguments.of(new double[] {NEG_INF, 0, NEG_INF, 0}, 1.0, new double[] {0, 0.5, 0, 0.5}, 1e-15));
    }

    @ParameterizedTest(name = "softmax({0}, T={1})")
    @MethodSource("references")
    void matchesReferenceFigures(double[] logits, double temperature, double[] expected, double tolerance) {
        assertArrayEquals(expected, Softmax.probs(logits, temperature), tolerance);
    }

    @Test
    void greetingHelloTakesAboutEightySevenPercentAtTemperatureOne() {
        double[] probs = Softmax.probs(Examples.GREETING_LOGITS, 1.0);
        // Notebook 01: e^4 / (e^0.1 + 1 + e^0.5 + e + e^4 + e^0.6) = 0.868119404 (checked to 40 digits).
        assertEquals(0.868119404, probs[Examples.GREETINGS.indexOf("Hello")], 1e-9);
    }

    @Test
    void raisingTemperatureSpreadsTheGreetingMass() {
        int hello = Examples.GREETINGS.indexOf("Hello");
        double previous = 1.0;
        for (double t : new double[] {0.5, 1, 2, 5, 10}) {
            double p = Softmax.probs(Examples.GREETING_LOGITS, t)[hello];
            assertTrue(p < previous, "Hello's share falls as T rises: " + p + " at T=" + t);
            previous = p;
        }
    }

    @Test
    void naiveFormulaTurnsIntoNaNWhereTheStableOneStaysExact() {
        double[] naive = NaiveSoftmax.probs(Examples.WORD_LOGITS, 0.05);
        for (double p : naive) {
            assertTrue(Double.isNaN(p), "every term underflows to 0 and 0 / 0 is NaN");
        }
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, Softmax.probs(Examples.WORD_LOGITS, 0.05), 1e-9);
        // The edge: exp(-45.25 / T) leaves the double range just below T = 0.0607.
        assertTrue(Double.isNaN(NaiveSoftmax.probs(Examples.WORD_LOGITS, 0.0607)[2]));
        assertEquals(1.0, NaiveSoftmax.probs(Examples.WORD_LOGITS, 0.0608)[2], 1e-12);
    }

    @Test
    void naiveFormulaOverflowsForLargeLogits() {
        assertTrue(Double.isNaN(NaiveSoftmax.probs(new double[] {1000, 999}, 1.0)[0]));
        assertArrayEquals(new double[] {0.73105858, 0.26894142}, Softmax.probs(new double[] {1000, 999}, 1.0), 1e-8);
    }

    @ParameterizedTest(name = "T={0}")
    @ValueSource(doubles = {1e-6, 1e-3, 0.1, 1, 10, 1e3, 1e6})
    void staysAProperDistributionForHugeLogitsAtEveryTemperature(double temperature) {
        double[] logits = {1e30, -1e30, 0, 1e30 - 1e15, NEG_INF, -5e29};
        double[] probs = Softmax.probs(logits, temperature);
        assertProperDistribution(probs);
        assertEquals(0.0, probs[4], "a masked token stays at 0");
        double[] logProbs = Softmax.logProbs(logits, temperature);
        for (int i = 0; i < logits.length; i++) {
            assertEquals(probs[i], Math.exp(logProbs[i]), 1e-12);
        }
    }

    @Test
    void floatLogitsAsLargeAsFloatAllowsStayFinite() {
        float[] logits = {Float.MAX_VALUE, -Float.MAX_VALUE, 0f};
        assertArrayEquals(new double[] {1, 0, 0}, Softmax.probs(logits, 1e-6), 0.0);
    }

    @Test
    void logProbsStayPreciseWhereProbabilitiesUnderflow() {
        double[] logProbs = Softmax.logProbs(new double[] {0, -1000}, 1.0);
        assertEquals(-1000.0, logProbs[1], 1e-9);
        assertEquals(0.0, Softmax.probs(new double[] {0, -1000}, 1.0)[1]);
    }

    @Test
    void greedyLogProbsAreZeroAndMinusInfinity() {
        assertArrayEquals(new double[] {NEG_INF, 0, NEG_INF}, Softmax.logProbs(new double[] {1, 5, 5}, 0.0), 0.0);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(new double[] {1, 2}, -1.0, "temperature T=-1.0 must be >= 0"),
                Arguments.of(new double[] {1, 2}, Double.NaN, "temperature T=NaN is not a number"),
                Arguments.of(new double[] {1, 2}, Double.POSITIVE_INFINITY, "temperature T=Infinity must be finite"),
                Arguments.of(new double[0], 1.0, "logits must not be empty"),
                Arguments.of(new double[] {0, Double.NaN}, 1.0, "logits[1] is NaN"),
                Arguments.of(new double[] {Double.POSITIVE_INFINITY, 0}, 1.0, "logits[0] is +Infinity"),
                Arguments.of(new double[] {NEG_INF, NEG_INF}, 1.0, "all 2 logits are -Infinity"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void refusesBadInputWithAMessageThatSaysWhatToDo(double[] logits, double temperature, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Softmax.probs(logits, temperature));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Softmax.logProbs(logits, temperature));
    }

    @Test
    void neverChangesItsInput() {
        double[] logits = {3, 1, 2};
        Softmax.probs(logits, 0.5);
        Softmax.logProbs(logits, 0.0);
        assertArrayEquals(new double[] {3, 1, 2}, logits, 0.0);
    }

    // Properties, over seeded random logit vectors.

    @Test
    void probabilitiesSumToOneAndIgnoreAConstantShift() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 500; trial++) {
            double[] logits = randomLogits(random);
            double temperature = Math.pow(10, random.nextDouble(-3, 3));
            double shift = random.nextDouble(-1e3, 1e3);
            double[] shifted = logits.clone();
            for (int i = 0; i < shifted.length; i++) {
                shifted[i] += shift;
            }
            double[] probs = Softmax.probs(logits, temperature);
            assertProperDistribution(probs);
            assertArrayEquals(probs, Softmax.probs(shifted, temperature), 1e-9);
        }
    }

    @Test
    void uniformLogitsStayUniformAtEveryTemperature() {
        for (double t : new double[] {1e-6, 0.01, 1, 100, 1e6}) {
            double[] probs = Softmax.probs(new double[] {7, 7, 7, 7}, t);
            assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, probs, 1e-15);
        }
    }

    @Test
    void entropyNeverFallsAsTemperatureRises() {
        SplittableRandom random = new SplittableRandom(2);
        for (int trial = 0; trial < 100; trial++) {
            double[] logits = randomLogits(random);
            double previous = -1;
            for (double logT = -3; logT <= 3; logT += 0.05) {
                double h = Distribution.of(logits, Math.pow(10, logT)).entropy();
                assertTrue(h >= previous - 1e-12, "entropy fell from " + previous + " to " + h);
                previous = h;
            }
        }
    }

    @Test
    void smallTemperaturesApproachGreedy() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 100; trial++) {
            double[] logits = randomLogits(random);
            double[] greedy = Softmax.probs(logits, 0.0);
            double gap = 1.0;
            for (double t : new double[] {1, 0.1, 0.01, 1e-3}) {
                double distance = maxDifference(greedy, Softmax.probs(logits, t));
                assertTrue(distance <= gap + 1e-12, "T=" + t + " moved away from greedy");
                gap = distance;
            }
            // Random logits differ by far more than 1e-3 * ln(1e12), so at T = 1e-6 the rest is below 1e-12.
            assertTrue(maxDifference(greedy, Softmax.probs(logits, 1e-6)) < 1e-9);
        }
    }

    private static double[] randomLogits(SplittableRandom random) {
        double[] logits = new double[random.nextInt(1, 40)];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextDouble(-20, 20);
        }
        return logits;
    }

    private static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    static void assertProperDistribution(double[] probs) {
        double sum = 0;
        for (double p : probs) {
            assertTrue(Double.isFinite(p) && p >= 0, "probability " + p);
            sum += p;
        }
        assertEquals(1.0, sum, 1e-12);
    }
}
