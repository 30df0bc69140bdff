package tempered.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemperatureSolverTest {
    private static final double[] WORDS = {-49.82, -46.40, -45.25, -47.30, -48.32};

    /** Notebook 10: the temperatures at which the five words reach 0.5, 1 and 1.5 nats. */
    @ParameterizedTest
    @CsvSource({"0.5, 0.5763", "1.0, 1.0656", "1.5, 3.1593"})
    void findsTheExamplesTemperatures(double nats, double temperature) {
        assertEquals(temperature, TemperatureSolver.forEntropy(WORDS, nats), 1e-4);
    }

    /** Property: solving then measuring gives the target back, for random logits and targets. */
    @Test
    void theEntropyAtTheSolvedTemperatureIsTheTarget() {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 200; trial++) {
            double[] logits = new double[2 + random.nextInt(2000)];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = random.nextGaussian() * (1 + random.nextInt(20));
            }
            double target = random.nextDouble(0.01, 0.99) * Math.log(logits.length);
            double t = TemperatureSolver.forEntropy(logits, target);
            assertEquals(target, Distribution.of(logits, t).entropy(), 1e-9);
        }
    }

    @Test
    void perplexityIsTheExponentialOfEntropy() {
        double t = TemperatureSolver.forPerplexity(WORDS, 3.0);
        assertEquals(3.0, Distribution.of(WORDS, t).perplexity(), 1e-9);
        float[] asAModelEmitsThem = {-49.82f, -46.40f, -45.25f, -47.30f, -48.32f};
        double fromFloats = TemperatureSolver.forPerplexity(asAModelEmitsThem, 3.0);
        assertEquals(
                3.0,
                Distribution.of(Logits.toDouble(asAModelEmitsThem), fromFloats).perplexity(),
                1e-9);
    }

    /** A perplexity counts equally likely tokens: below 1 is no distribution's; 1 itself only T -> 0 reaches. */
    @Test
    void perplexitiesBelowOneAreRefusedAndOneIsOutOfReach() {
        assertEquals(
                "perplexity 0.5 must be a finite number >= 1: it counts equally likely tokens, and one certain token is 1",
                assertThrows(IllegalArgumentException.class, () -> TemperatureSolver.forPerplexity(WORDS, 0.5))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> TemperatureSolver.forPerplexity(WORDS, Double.NaN));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TemperatureSolver.forPerplexity(WORDS, 1.0))
                .getMessage()
                .startsWith("an entropy of 0.0 nats is out of reach for these logits"));
    }

    @Test
    void targetsOutOfReachSayWhichRangeIsPossible() {
        assertEquals(
                "an entropy of 2.0 nats is out of reach for these logits: it runs from 0.000000 (T -> 0) to ln 5 = 1.609438"
                        + " (T -> infinity), ends excluded; pick a target in between",
                assertThrows(IllegalArgumentException.class, () -> TemperatureSolver.forEntropy(WORDS, 2.0))
                        .getMessage());
        // Two tied tokens can never go below ln 2, and a masked token does not count towards the ceiling.
        assertThrows(IllegalArgumentException.class, () -> TemperatureSolver.forEntropy(new double[] {1, 1, 0}, 0.5));
        assertThrows(
                IllegalArgumentException.class,
                () -> TemperatureSolver.forEntropy(new double[] {1, 0, Double.NEGATIVE_INFINITY}, 0.7));
        assertEquals(
                0.6,
                Distribution.of(
                                new double[] {1, 0, Double.NEGATIVE_INFINITY},
                                TemperatureSolver.forEntropy(new double[] {1, 0, Double.NEGATIVE_INFINITY}, 0.6))
                        .entropy(),
                1e-9);
    }
}
