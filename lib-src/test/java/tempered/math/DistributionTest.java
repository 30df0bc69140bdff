package tempered.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionTest {

    @ParameterizedTest(name = "H(T={0}) = {1} nats")
    @CsvSource({
        "1,      0.9514,  1e-4",
        // 1.6093148 (checked to 40 digits), just under ln 5 = 1.6094379.
        "100,    1.6093148, 1e-7",
        // The temperatures that reach 0.5, 1.0 and 1.5 nats on the five-word example.
        "0.5763, 0.5,     1e-3",
        "1.0656, 1.0,     1e-3",
        "3.1593, 1.5,     1e-3"
    })
    void entropyOfTheFiveWordsMatchesTheReference(double temperature, double nats, double tolerance) {
        assertEquals(nats, Distribution.of(Examples.WORD_LOGITS, temperature).entropy(), tolerance);
    }

    @Test
    void entropyTendsToLnNAndItsUnitsAgree() {
        Distribution hot = Distribution.of(Examples.WORD_LOGITS, 1e6);
        assertEquals(Math.log(5), hot.entropy(), 1e-9);
        assertEquals(Math.log(5) / Math.log(2), hot.entropyBits(), 1e-9);
        assertEquals(5.0, hot.perplexity(), 1e-7);
        Distribution greedy = Distribution.of(Examples.WORD_LOGITS, 0);
        assertEquals(0.0, greedy.entropy());
        assertEquals(1.0, greedy.perplexity());
    }

    @Test
    void entropySlopeIsTheVarianceOfTheScaledLogitsOverT() {
        // dH/dT = Var_p(x / T) / T: compare with a central difference.
        for (double t : new double[] {0.3, 1, 4}) {
            Distribution d = Distribution.of(Examples.WORD_LOGITS, t);
            double mean = 0;
            double square = 0;
            for (int i = 0; i < 5; i++) {
                double x = Examples.WORD_LOGITS[i] / t;
                mean += d.prob(i) * x;
                square += d.prob(i) * x * x;
            }
            double slope = (square - mean * mean) / t;
            double h = 1e-5;
            double numeric = (Distribution.of(Examples.WORD_LOGITS, t + h).entropy()
                            - Distribution.of(Examples.WORD_LOGITS, t - h).entropy())
                    / (2 * h);
            assertEquals(slope, numeric, 1e-6);
        }
    }

    @Test
    void topCumulativeAndMassAreInProbabilityOrder() {
        Distribution d = Distribution.of(Examples.WORD_LOGITS, 1);
        List<TokenProbability> top = d.top(3);
        assertEquals(List.of(2, 1, 3), top.stream().map(TokenProbability::id).toList());
        assertEquals(0.66571, top.get(0).prob(), 1e-5);
        assertEquals(Math.log(top.get(0).prob()), top.get(0).logProb(), 1e-12);
        assertEquals(2, d.argmax());
        assertArrayEquals(new int[] {2, 1, 3, 4, 0}, d.ranked());
        double[] cumulative = d.cumulative();
        assertEquals(0.66571 + 0.21079, cumulative[1], 2e-5);
        assertEquals(1.0, cumulative[4], 1e-12);
        assertEquals(1, d.tokensForMass(0.5));
        assertEquals(3, d.tokensForMass(0.9));
        assertEquals(5, d.tokensForMass(1.0));
        assertEquals(5, d.top(50).size());
    }

    @Test
    void tiesRankByTheLowerId() {
        Distribution d = Distribution.of(new double[] {1, 2, 2, 1}, 1);
        assertArrayEquals(new int[] {1, 2, 0, 3}, d.ranked());
        assertEquals(1, d.argmax());
    }

    @Test
    void printsSmallDistributionsInFullAndLargeOnesByTheirTop() {
        assertEquals(
                "[0.26894142, 0.73105858]",
                Distribution.of(new double[] {1, 2}, 1).toString());
        double[] logits = new double[100];
        logits[42] = 10;
        String text = Distribution.of(logits, 1).toString();
        assertTrue(text.startsWith("Distribution(100 tokens, entropy "), text);
        assertTrue(text.contains("#42 p=0.99"), text);
    }

    /**
     * A draw is the first token whose cumulative probability exceeds one uniform number: by hand, with
     * {0.1, 0.2, 0.3, 0.4} the cumulative sums are 0.1, 0.3, 0.6, 1.0. Masked tokens are stepped over, and
     * each draw takes exactly one number, so the same generator state always gives the same token.
     */
    @ParameterizedTest(name = "u={0} draws token {1}")
    @CsvSource({
        "0.0, 0",
        "0.0999, 0",
        "0.1001, 1",
        "0.2999, 1",
        "0.3001, 2",
        "0.5999, 2",
        "0.6001, 3",
        "0.9999999999999999, 3"
    })
    void aDrawIsTheInverseOfTheCumulativeDistribution(double u, int token) {
        Distribution d = Distribution.ofProbs(0.1, 0.2, 0.3, 0.4);
        Uniforms uniforms = new Uniforms(u);
        assertEquals(token, d.sample(uniforms));
        assertEquals(1, uniforms.used);
    }

    @Test
    void maskedTokensAreSteppedOverAndTheRoundingGapGoesToTheLastPossibleToken() {
        Distribution d = Distribution.of(new double[] {Double.NEGATIVE_INFINITY, 0, 0, Double.NEGATIVE_INFINITY}, 1);
        assertEquals(1, d.sample(new Uniforms(0.0)));
        assertEquals(2, d.sample(new Uniforms(0.5)));
        // Probabilities that sum to a little under 1 in double: a u above their sum still draws a possible token.
        Distribution thirds = Distribution.ofProbs(1 / 3.0, 1 / 3.0, 1 / 3.0, 0);
        assertEquals(2, thirds.sample(new Uniforms(Math.nextDown(1.0))));
    }

    /** A generator that hands out given uniform numbers, so that draws can be checked by hand. */
    private static final class Uniforms implements RandomGenerator {
        private final double[] values;
        private int used;

        Uniforms(double... values) {
            this.values = values;
        }

        @Override
        public double nextDouble() {
            return values[used++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("a draw takes a double");
        }
    }

    @Test
    void sampledFrequenciesMatchTheDistribution() {
        // Pearson's chi-square over 100,000 seeded draws, 5 degrees of freedom: a correct sampler passes at the
        // 0.1% level, and the same test notices one that is off by a little (one token 1% too often).
        Distribution d = Distribution.of(Examples.GREETING_LOGITS, 2.0);
        int draws = 100_000;
        long[] counts = new long[d.size()];
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < draws; i++) {
            counts[d.sample(random)]++;
        }
        double[] expected = new double[d.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = d.prob(i) * draws;
        }
        double p = ChiSquare.pValue(ChiSquare.statistic(counts, expected), d.size() - 1);
        assertTrue(p > 0.001, "p = " + p);
        long[] biased = counts.clone();
        biased[4] += draws / 100;
        biased[0] -= draws / 100;
        double biasedP = ChiSquare.pValue(ChiSquare.statistic(biased, expected), d.size() - 1);
        assertTrue(biasedP < 0.001, "p = " + biasedP);
    }

    @Test
    void maskedTokensAreNeverDrawn() {
        Distribution d = Distribution.of(new double[] {Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY}, 1);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, d.sample(random));
        }
    }

    @Test
    void ofProbsKeepsTheProbabilitiesAndRefusesOnesThatAreNot() {
        assertArrayEquals(
                new double[] {0.1, 0.2, 0.3, 0.4},
                Distribution.ofProbs(0.1, 0.2, 0.3, 0.4).probs(),
                1e-15);
        assertMessage("probs sum to 0.9", () -> Distribution.ofProbs(0.5, 0.4));
        assertMessage("probs[1]=-0.1 must be a finite number >= 0", () -> Distribution.ofProbs(1.1, -0.1));
        assertMessage(
                "token id 7 is outside the vocabulary 0..1",
                () -> Distribution.ofProbs(0.5, 0.5).prob(7));
        assertMessage(
                "mass=0.0 must be in (0, 1]",
                () -> Distribution.ofProbs(0.5, 0.5).tokensForMass(0));
    }

    @Test
    void returnsCopiesSoItStaysImmutable() {
        Distribution d = Distribution.of(new double[] {1, 2}, 1);
        d.probs()[0] = 99;
        d.logProbs()[0] = 99;
        assertEquals(0.26894142, d.prob(0), 1e-8);
    }

    static void assertMessage(String start, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
