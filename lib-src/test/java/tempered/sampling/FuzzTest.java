package tempered.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.function.Executable;
import tempered.math.Distribution;
import tempered.math.Softmax;

/**
 * Fuzzing the softmax, the distribution type and every processor and picker of the sampler chain with logits drawn to
 * include the extremes: magnitudes up to 1e300, -Infinity masks, ties, one token or GPT-2's 50,257, and
 * temperatures from 1e-6 to 1e6. Every result must be a proper distribution (finite, non-negative, summing
 * to 1 within 1e-9) or an {@link IllegalArgumentException} that says what was wrong; never a NaN.
 */
class FuzzTest {

    /** A recipe for a logit vector; the vector itself is built from a seed, so 50,257 values cost one draw. */
    record Recipe(long seed, int size, double scale, double maskShare, double tieShare, double shift) {
        double[] logits() {
            SplittableRandom random = new SplittableRandom(seed);
            double[] logits = new double[size];
            for (int i = 0; i < size; i++) {
                double u = random.nextDouble();
                if (u < maskShare) {
                    logits[i] = Double.NEGATIVE_INFINITY;
                } else if (u < maskShare + tieShare && i > 0) {
                    logits[i] = logits[random.nextInt(i)];
                } else {
                    logits[i] = shift + scale * (2 * random.nextDouble() - 1);
                }
            }
            return logits;
        }

        @Override
        public String toString() {
            return String.format(
                    "logits(size=%d, scale=%.3g, shift=%.3g, masked=%.2f, ties=%.2f, seed=%d)",
                    size, scale, shift, maskShare, tieShare, seed);
        }
    }

    @Provide
    Arbitrary<Recipe> logits() {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(1)),
                Tuple.of(10, Arbitraries.integers().between(2, 300)),
                Tuple.of(2, Arbitraries.just(50_257)));
        Arbitrary<Double> scales = Arbitraries.of(0.0, 1e-12, 1.0, 10.0, 1e4, 1e30, 1e300);
        Arbitrary<Double> shifts = Arbitraries.of(0.0, -50.0, 1e6, -1e30, 1e300, -1e300);
        return Combinators.combine(
                        Arbitraries.longs(),
                        sizes,
                        scales,
                        Arbitraries.of(0.0, 0.0, 0.3, 0.9, 0.999),
                        Arbitraries.of(0.0, 0.2, 0.9),
                        shifts)
                .as(Recipe::new);
    }

    @Provide
    Arbitrary<Double> temperatures() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, 1e-6, 1e-3, 0.0607, 0.7, 1.0, 2.0, 100.0, 1e6),
                Arbitraries.doubles().between(-6, 6).map(exponent -> Math.pow(10, exponent)));
    }

    @Provide
    Arbitrary<LogitsProcessor> processors() {
        return Arbitraries.oneOf(
                temperatures().map(Temperature::new),
                Arbitraries.integers().between(0, 60_000).map(TopK::new),
                Arbitraries.oneOf(
                                Arbitraries.of(1e-9, 0.5, 0.9, 1.0),
                                Arbitraries.doubles().between(-6, 0).map(exponent -> Math.pow(10, exponent)))
                        .map(TopP::new),
                Arbitraries.oneOf(
                                Arbitraries.of(0.0, 0.05, 1.0),
                                Arbitraries.doubles().ofScale(6).between(0, 1))
                        .map(MinP::new),
                Arbitraries.oneOf(
                                Arbitraries.of(1.0, 1.3, 1e-6, 1e6),
                                Arbitraries.doubles().between(-3, 2).map(exponent -> Math.pow(10, exponent)))
                        .map(RepetitionPenalty::new),
                Combinators.combine(temperatures(), Arbitraries.of(0.0, 0.5, 2.0, 1e3), Arbitraries.of(0.5, 1.0, 3.0))
                        .as(DynamicTemperature::new),
                Arbitraries.oneOf(
                                Arbitraries.of(0.0, 1e-9, 1.0, 3.0, 1e6),
                                Arbitraries.doubles().between(0, 5))
                        .map(TopNSigma::new),
                Arbitraries.oneOf(
                                Arbitraries.of(1e-9, 0.5, 0.95, 1.0),
                                Arbitraries.doubles().ofScale(6).between(1e-6, 1))
                        .map(TypicalP::new),
                Combinators.combine(
                                Arbitraries.of(0.0, 0.5, 1.0),
                                Arbitraries.oneOf(
                                        Arbitraries.of(1e-9, 0.1, 0.5),
                                        Arbitraries.doubles().ofScale(6).between(1e-6, 0.5)),
                                Arbitraries.longs())
                        .as(Xtc::new),
                Combinators.combine(
                                Arbitraries.of(0.0, 0.8, 1e6, 1e300),
                                Arbitraries.of(1.0, 1.75, 1e3),
                                Arbitraries.integers().between(1, 3),
                                Arbitraries.of(1, 2, 64))
                        .as((multiplier, base, allowed, lastN) -> new Dry(multiplier, base, allowed, lastN)));
    }

    @Property(tries = 300)
    void softmaxIsAlwaysAProperDistribution(
            @ForAll("logits") Recipe recipe, @ForAll("temperatures") double temperature) {
        double[] logits = recipe.logits();
        if (allMasked(logits)) {
            assertRefused(() -> Softmax.probs(logits, temperature), "all");
            return;
        }
        assertProper(Softmax.probs(logits, temperature), recipe + " at T=" + temperature);
        // Masked tokens get exactly nothing.
        double[] probs = Softmax.probs(logits, temperature);
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] == Double.NEGATIVE_INFINITY) {
                assertEquals(0.0, probs[i]);
            }
        }
    }

    @Property(tries = 300)
    void theDistributionsNumbersAreFiniteAndItsDrawsPossible(
            @ForAll("logits") Recipe recipe, @ForAll("temperatures") double temperature) {
        double[] logits = recipe.logits();
        if (allMasked(logits)) {
            return;
        }
        Distribution distribution = Distribution.of(logits, temperature);
        assertProper(distribution.probs(), recipe.toString());
        double entropy = distribution.entropy();
        assertTrue(
                Double.isFinite(entropy) && entropy >= -1e-12 && entropy <= Math.log(logits.length) + 1e-9,
                "entropy " + entropy + " for " + recipe);
        assertTrue(distribution.prob(distribution.argmax()) > 0);
        int drawn = distribution.sample(new SplittableRandom(recipe.seed()));
        assertTrue(distribution.prob(drawn) > 0, "drew token " + drawn + " of probability 0 from " + recipe);
        for (double logProb : distribution.logProbs()) {
            assertFalse(Double.isNaN(logProb) || logProb == Double.POSITIVE_INFINITY);
        }
    }

    /** Any chain of processors: a proper distribution to draw from, and a draw it gives a non-zero probability. */
    @Property(tries = 300)
    void everyChainGivesAProperDistributionAndAPossibleToken(
            @ForAll("logits") Recipe recipe,
            @ForAll("processors") LogitsProcessor first,
            @ForAll("processors") LogitsProcessor second) {
        double[] logits = recipe.logits();
        if (allMasked(logits)) {
            return;
        }
        int last = Math.min(3, logits.length - 1);
        int[] history = {0, last, 0, last, 0};
        double[] copy = logits.clone();
        Picker picker = recipe.seed() % 3 == 0
                ? new MirostatV2(1 + Math.floorMod(recipe.seed(), 7), 0.1, recipe.seed())
                : new RandomPicker(recipe.seed());
        SamplerChain chain = new SamplerChain(List.of(first, second), picker);
        Distribution distribution;
        try {
            distribution = chain.distribution(logits, history);
        } catch (IllegalArgumentException refused) {
            // Allowed, if it says what went wrong: a penalty can push a logit near 1e308 past the largest double.
            assertTrue(
                    refused.getMessage().contains("cannot be penalised"),
                    chain + " on " + recipe + ": " + refused.getMessage());
            return;
        }
        assertProper(distribution.probs(), chain + " on " + recipe);
        int token = chain.next(logits, history);
        assertTrue(distribution.prob(token) > 0, chain + " drew an impossible token from " + recipe);
        assertArrayEquals(copy, logits, "the input logits must not change");
        for (double value : chain.process(logits, history)) {
            assertFalse(Double.isNaN(value) || value == Double.POSITIVE_INFINITY, chain + " produced " + value);
        }
        // A second step after the chain accepted the first: still a proper distribution and a possible token.
        Distribution again = chain.distribution(logits, history);
        assertProper(again.probs(), chain + " after one step on " + recipe);
        assertTrue(again.prob(chain.next(logits, history)) > 0, chain + " drew an impossible token on its second step");
    }

    @Property(tries = 200)
    void badSettingsAreRefusedWithAMessage(@ForAll double value) {
        List<Runnable> attempts = new ArrayList<>();
        if (!(value >= 0) || Double.isInfinite(value)) {
            attempts.add(() -> new Temperature(value));
        }
        if (!(value > 0 && value <= 1)) {
            attempts.add(() -> new TopP(value));
        }
        if (!(value >= 0 && value <= 1)) {
            attempts.add(() -> new MinP(value));
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            attempts.add(() -> new RepetitionPenalty(value));
            attempts.add(() -> new MirostatV2(value, 0.1, 0));
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            attempts.add(() -> new TopNSigma(value));
            attempts.add(() -> new MirostatV2(5, value, 0));
        }
        if (!(value > 0 && value <= 1)) {
            attempts.add(() -> new TypicalP(value));
        }
        if (!(value >= 0 && value <= 1)) {
            attempts.add(() -> new Xtc(value, 0.1, 0));
        }
        if (!(value > 0 && value <= 0.5)) {
            attempts.add(() -> new Xtc(0.5, value, 0));
        }
        for (Runnable attempt : attempts) {
            assertRefused(attempt::run, "");
        }
    }

    private static boolean allMasked(double[] logits) {
        for (double logit : logits) {
            if (logit != Double.NEGATIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    private static void assertProper(double[] probs, String what) {
        double sum = 0;
        for (double p : probs) {
            assertTrue(Double.isFinite(p) && p >= 0 && p <= 1, "probability " + p + " in " + what);
            sum += p;
        }
        assertEquals(1.0, sum, 1e-9, "sum of probabilities in " + what);
    }

    private static void assertRefused(Executable call, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(
                e.getMessage() != null
                        && e.getMessage().length() > 20
                        && e.getMessage().contains(messagePart),
                e.getMessage());
    }
}
