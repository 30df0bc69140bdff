package tempered.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionTest {

    @ParameterizedTest(name = "H(T={0}) = {1} nats")
    @CsvSource({
        "1,      0.9514,  1e-4",
        // EXAMPLES.md gives 1.60935; the exact value is 1.6093148 (checked to 40 digits), ln 5 = 1.6094379.
        "100,    1.6093148, 1e-7",
        // The temperatures that reach 0.5, 1.0 and 1.5 nats on the five-word example.
        "0.5763, 0.5,     1e-3",
        "1.0656, 1.0,     1e-3",
        "3.1593, 1.5,     1e-3"})
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
                    - Distribution.of(Examples.WORD_LOGITS, t - h).entropy()) / (2 * h);
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
        assertEquals("[0.26894142, 0.73105858]", Distribution.of(new double[] {1, 2}, 1).toString());
        double[] logits = new double[100];
        logits[42] = 10;
        String text = Distribution.of(logits, 1).toString();
        assertTrue(text.startsWith("Distribution(100 tokens, entropy "), text);
        assertTrue(text.contains("#42 p=0.99"), text);
    }

    @Test
    void aSeededSamplerDrawsTheSameTokensEveryRun() {
        Distribution d = Distribution.of(Examples.GREETING_LOGITS, 1.5);
        int[] first = new int[200];
        int[] second = new int[200];
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < first.length; i++) {
            first[i] = d.sample(a);
            second[i] = d.sample(b);
        }
        assertArrayEquals(first, second);
    }

    @Test
    void sampledFrequenciesMatchTheDistribution() {
        // Chi-square goodness of fit over 100,000 seeded draws, 5 degrees of freedom:
        // the 0.1% critical value is 20.52, so a correct sampler passes and a biased one does not.
        Distribution d = Distribution.of(Examples.GREETING_LOGITS, 2.0);
        int draws = 100_000;
        long[] counts = new long[d.size()];
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < draws; i++) {
            counts[d.sample(random)]++;
        }
        assertTrue(chiSquare(d, counts, draws) < 20.52, "chi-square " + chiSquare(d, counts, draws));
        // The same statistic notices a sampler that is off by a little: one token 1% too often.
        long[] biased = counts.clone();
        biased[4] += draws / 100;
        biased[0] -= draws / 100;
        assertTrue(chiSquare(d, biased, draws) > 20.52);
    }

    static double chiSquare(Distribution d, long[] counts, int draws) {
        double chi = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = d.prob(i) * draws;
            chi += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return chi;
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
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, Distribution.ofProbs(0.1, 0.2, 0.3, 0.4).probs(), 1e-15);
        assertMessage("probs sum to 0.9", () -> Distribution.ofProbs(0.5, 0.4));
        assertMessage("probs[1]=-0.1 must be a finite number >= 0", () -> Distribution.ofProbs(1.1, -0.1));
        assertMessage("token id 7 is outside the vocabulary 0..1", () -> Distribution.ofProbs(0.5, 0.5).prob(7));
        assertMessage("mass=0.0 must be in (0, 1]", () -> Distribution.ofProbs(0.5, 0.5).tokensForMass(0));
    }

    @Test
    void returnsCopiesSoItStaysImmutable() {
        Distribution d = Distribution.of(new double[] {1, 2}, 1);
        d.probs()[0] = 99;
        d.logProbs()[0] = 99;
        assertEquals(0.26894142, d.prob(0), 1e-8);
    }

    static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
