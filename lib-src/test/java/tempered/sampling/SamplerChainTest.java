package tempered.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tempered.math.Distribution;
import tempered.math.Examples;
import tempered.math.Logits;
import tempered.math.SoftmaxPass;
import tempered.math.SoftmaxSummary;
import tempered.math.TokenProbability;

class SamplerChainTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final double[] LLAMA_PROBS = {0.1, 0.2, 0.3, 0.4};

    static Stream<Arguments> llamaCppTable() {
        // llama.cpp's test-sampling.cpp: each sampler alone on the probabilities {0.1, 0.2, 0.3, 0.4}.
        return Stream.of(
                Arguments.of(new TopK(1), new double[] {0, 0, 0, 1}),
                Arguments.of(new TopK(3), new double[] {0, 0.22222, 0.33333, 0.44444}),
                Arguments.of(new TopK(4), LLAMA_PROBS),
                Arguments.of(new TopK(0), LLAMA_PROBS),
                Arguments.of(new TopP(0.7), new double[] {0, 0, 0.428571, 0.571429}),
                Arguments.of(new TopP(0.8), new double[] {0, 0.222222, 0.333333, 0.444444}),
                Arguments.of(new TopP(1.0), LLAMA_PROBS),
                Arguments.of(new MinP(0.26), new double[] {0, 0.2 / 0.9, 0.3 / 0.9, 0.4 / 0.9}),
                Arguments.of(new MinP(0.76), new double[] {0, 0, 0, 1}),
                Arguments.of(new MinP(0.0), LLAMA_PROBS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("llamaCppTable")
    void matchesLlamaCppHandCheckableTable(LogitsProcessor processor, double[] expected) {
        double[] logits = Logits.fromProbs(LLAMA_PROBS);
        assertArrayEquals(expected, Distribution.of(processor.apply(logits), 1).probs(), 1e-5);
    }

    @Test
    void temperatureFirstAndLastKeepDifferentTokens() {
        // Logits [3, 2, 1], top-p 0.8, T = 0.5: transformers/vLLM keep {0}, llama.cpp keeps {0, 1}.
        double[] logits = {3, 2, 1};
        SamplerSettings settings = SamplerSettings.of(0.5).withTopP(0.8).withSeed(1);
        SamplerChain first = settings.temperatureFirst();
        SamplerChain last = settings.temperatureLast();
        assertEquals("temperature(0.5) -> top-p(0.8) -> random(seed=1)", first.toString());
        assertEquals("top-p(0.8) -> temperature(0.5) -> random(seed=1)", last.toString());
        assertEquals(List.of(0), survivors(first.distribution(logits)));
        assertEquals(List.of(0, 1), survivors(last.distribution(logits)));
        double[] lastProbs = last.distribution(logits).probs();
        assertEquals(Math.exp(4) / (Math.exp(4) + Math.exp(6)), lastProbs[1], 1e-12);
    }

    private static List<Integer> survivors(Distribution d) {
        return java.util.stream.IntStream.range(0, d.size())
                .filter(i -> d.prob(i) > 0)
                .boxed()
                .toList();
    }

    @Test
    void namesReadLikeTheChainAndPrintNumbersPlainly() {
        assertEquals(
                "top-k(50) -> temperature(0.8) -> random(seed=42)",
                SamplerChain.builder().topK(50).temperature(0.8).random(42).toString());
        assertEquals(
                "repetition-penalty(1.2) -> top-k(40) -> top-p(0.95) -> min-p(0.05) -> temperature(1) -> random(seed=0)",
                SamplerSettings.of(1)
                        .withTopK(40)
                        .withTopP(0.95)
                        .withMinP(0.05)
                        .withRepetitionPenalty(1.2)
                        .temperatureLast()
                        .toString());
        assertEquals("greedy", SamplerChain.builder().greedy().toString());
        assertEquals("temperature(1.0E-6)", new Temperature(1e-6).toString());
        assertEquals("temperature(100)", new Temperature(100).toString());
    }

    @Test
    void temperatureZeroIsGreedyInEveryForm() {
        double[] logits = {1, 3, 3, 2};
        assertEquals("greedy", SamplerSettings.of(0).temperatureFirst().toString());
        assertEquals(1, SamplerSettings.of(0).temperatureLast().next(logits));
        assertArrayEquals(new double[] {NEG_INF, 3, NEG_INF, NEG_INF}, new Temperature(0).apply(logits), 0);
        assertEquals(1, SamplerChain.builder().temperature(0).random(9).next(logits));
        assertArrayEquals(
                new double[] {0, 1, 0, 0},
                SamplerChain.builder().greedy().distribution(logits).probs(),
                0);
    }

    @Test
    void temperatureDividesAndSurvivesOverflow() {
        assertArrayEquals(new double[] {6, 4, 2}, new Temperature(0.5).apply(new double[] {3, 2, 1}), 0);
        double[] huge = new Temperature(1e-6).apply(new double[] {Double.MAX_VALUE / 2, 0, NEG_INF});
        assertArrayEquals(new double[] {1, 0, 0}, Distribution.of(huge, 1).probs(), 0);
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogitsOnce() {
        double[] out = new RepetitionPenalty(2).apply(new double[] {4, -1, 3}, new int[] {0, 1, 0, 0});
        assertArrayEquals(new double[] {2, -2, 3}, out, 0);
        assertArrayEquals(
                new double[] {4, -1, 3}, new RepetitionPenalty(1).apply(new double[] {4, -1, 3}, new int[] {0}), 0);
    }

    @Test
    void processorsNeverChangeTheirInput() {
        double[] logits = Logits.fromProbs(LLAMA_PROBS);
        double[] copy = logits.clone();
        SamplerChain chain = SamplerSettings.of(0.7)
                .withTopK(3)
                .withTopP(0.9)
                .withMinP(0.1)
                .withRepetitionPenalty(1.3)
                .temperatureFirst();
        chain.next(logits, new int[] {3});
        chain.distribution(logits, new int[] {3});
        assertArrayEquals(copy, logits, 0);
    }

    @Test
    void aSeededChainDrawsTheSameTokensEveryRunAndFreshStartsOver() {
        SamplerChain chain = SamplerChain.builder().topK(5).temperature(1.5).random(42);
        int[] first = draw(chain, 300);
        int[] again = draw(chain.fresh(), 300);
        int[] rebuilt = draw(SamplerChain.builder().topK(5).temperature(1.5).random(42), 300);
        assertArrayEquals(first, again);
        assertArrayEquals(first, rebuilt);
        int[] otherSeed = draw(SamplerChain.builder().topK(5).temperature(1.5).random(43), 300);
        assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(otherSeed));
    }

    @Test
    void manyDrawsAtOnceAreTheDrawsOneByOne() {
        SplittableRandom random = new SplittableRandom(11);
        double[] logits = new double[3000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextGaussian() * 3;
        }
        logits[17] = Double.NEGATIVE_INFINITY;
        SamplerSettings base = SamplerSettings.of(0.8).withSeed(5);
        for (SamplerChain chain : List.of(
                base.temperatureFirst(),
                base.withTopK(40).withTopP(0.9).temperatureLast(),
                base.withTopNSigma(1.5).withTypicalP(0.9).withMinP(0.01).temperatureFirst(),
                base.withXtc(0.5, 0.01).temperatureLast(),
                base.withMirostatV2(4, 0.2).temperatureLast(),
                base.withTemperature(0).withTopK(3).temperatureFirst())) {
            SamplerChain twin = chain.fresh();
            int[] oneByOne = new int[500];
            for (int i = 0; i < oneByOne.length; i++) {
                oneByOne[i] = twin.next(logits, new int[] {4});
            }
            assertArrayEquals(oneByOne, chain.next(logits, new int[] {4}, 500), chain.toString());
            assertEquals(twin.next(logits), chain.next(logits), chain + ": both go on from the same state");
        }
        assertEquals(
                "count=-1 must be >= 0: the number of tokens to draw",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> base.temperatureFirst().next(logits, new int[0], -1))
                        .getMessage());
    }

    private static int[] draw(SamplerChain chain, int n) {
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = chain.next(Examples.GREETING_LOGITS);
        }
        return tokens;
    }

    @Test
    void chainDrawsFollowTheChainDistribution() {
        // 100,000 seeded draws through top-k(4) -> temperature(2): chi-square with 3 degrees of freedom,
        // 0.1% critical value 16.27; the two masked tokens are never drawn.
        SamplerChain chain = SamplerChain.builder().topK(4).temperature(2).random(7);
        Distribution expected = chain.distribution(Examples.GREETING_LOGITS);
        long[] counts = new long[6];
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts[chain.next(Examples.GREETING_LOGITS)]++;
        }
        double chi = 0;
        for (int i = 0; i < 6; i++) {
            if (expected.prob(i) == 0) {
                assertEquals(0, counts[i], "masked token " + i + " was drawn");
            } else {
                double e = expected.prob(i) * draws;
                chi += (counts[i] - e) * (counts[i] - e) / e;
            }
        }
        assertTrue(chi < 16.27, "chi-square " + chi);
    }

    @Test
    void everyProcessorKeepsAtLeastTheLikeliestToken() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            double[] logits = new double[random.nextInt(1, 30)];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = random.nextInt(10) == 0 ? NEG_INF : random.nextDouble(-50, 50);
            }
            logits[random.nextInt(logits.length)] = random.nextDouble(-50, 50);
            int best = Logits.argmax(logits);
            for (LogitsProcessor p : List.of(
                    new TopK(1 + random.nextInt(5)),
                    new TopP(random.nextDouble(1e-6, 1)),
                    new MinP(random.nextDouble(0, 1)),
                    new Temperature(random.nextDouble(0, 5)))) {
                double[] out = p.apply(logits);
                assertTrue(out[best] > NEG_INF, p + " removed the likeliest token");
                assertEquals(
                        1.0,
                        java.util.Arrays.stream(Distribution.of(out, 1).probs()).sum(),
                        1e-12);
            }
        }
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((Executable) () -> new TopP(1.3), "top-p p=1.3 must be in (0, 1]; use 1.0 to disable"),
                Arguments.of((Executable) () -> new TopP(0), "top-p p=0.0 must be in (0, 1]; use 1.0 to disable"),
                Arguments.of((Executable) () -> new TopP(Double.NaN), "top-p p=NaN must be in (0, 1]"),
                Arguments.of((Executable) () -> new TopK(-1), "top-k k=-1 must be >= 0; use 0 to disable"),
                Arguments.of((Executable) () -> new MinP(-0.1), "min-p p=-0.1 must be in [0, 1]; use 0 to disable"),
                Arguments.of((Executable) () -> new MinP(1.5), "min-p p=1.5 must be in [0, 1]"),
                Arguments.of((Executable) () -> new Temperature(-0.5), "temperature T=-0.5 must be >= 0"),
                Arguments.of((Executable) () -> new Temperature(Double.NaN), "temperature T=NaN is not a number"),
                Arguments.of(
                        (Executable) () -> new RepetitionPenalty(0),
                        "repetition penalty 0.0 must be a finite number > 0"),
                Arguments.of((Executable) () -> SamplerSettings.of(-1), "temperature T=-1.0 must be >= 0"),
                Arguments.of((Executable) () -> SamplerSettings.of(1).withTopP(2), "top-p p=2.0 must be in (0, 1]"),
                Arguments.of(
                        (Executable) () -> new SamplerChain(List.of(), null), "a chain ends in exactly one picker"),
                Arguments.of(
                        (Executable) () -> SamplerChain.builder().greedy().next(new double[0]),
                        "logits must not be empty"),
                Arguments.of(
                        (Executable) () -> SamplerChain.builder().random(1).next(new double[] {1, Double.NaN}),
                        "logits[1] is NaN"),
                Arguments.of(
                        (Executable) () -> new RepetitionPenalty(1.2).apply(new double[] {1, 2}, new int[] {5}),
                        "history token id 5 is outside the vocabulary 0..1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void refusesBadSettingsWithAMessageThatTeaches(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    /**
     * choose() must be next() and distribution() in one: the same tokens, in the same order, from the same
     * draws, with the chosen token's probability, the entropy and the likeliest tokens of the distribution.
     */
    @Test
    void chooseGivesWhatNextAndDistributionGive() {
        SplittableRandom random = new SplittableRandom(3);
        float[] logits = new float[1000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 3);
        }
        for (SamplerChain chain : List.of(
                SamplerChain.builder().topK(50).temperature(0.8).random(9),
                SamplerChain.builder().topP(0.9).minP(0.05).random(1),
                SamplerChain.builder().temperature(0.7).random(2),
                SamplerChain.builder().topK(3).random(4),
                SamplerChain.builder().temperature(0.5).greedy())) {
            SamplerChain a = chain.fresh();
            SamplerChain b = chain.fresh();
            Distribution expected = chain.distribution(logits, new int[0]);
            List<TokenProbability> possible =
                    expected.top(6).stream().filter(t -> t.prob() > 0).toList();
            for (int step = 0; step < 200; step++) {
                SamplerChain.Choice choice = a.choose(logits, new int[0], 6, false);
                assertEquals(b.next(logits, new int[0]), choice.id(), chain + " step " + step);
                assertEquals(expected.prob(choice.id()), choice.probability(), 1e-12, chain + " step " + step);
                assertEquals(expected.entropy(), choice.entropy(), 1e-12, chain.toString());
                assertEquals(possible.size(), choice.top().size(), chain.toString());
                for (int i = 0; i < possible.size(); i++) {
                    assertEquals(possible.get(i).id(), choice.top().get(i).id(), chain + " alternative " + i);
                    assertEquals(possible.get(i).prob(), choice.top().get(i).prob(), 1e-12);
                    assertEquals(possible.get(i).logProb(), choice.top().get(i).logProb(), 1e-9);
                }
            }
            assertEquals(
                    List.of(),
                    chain.choose(logits, new int[0], 0, false).top(),
                    "no alternatives asked, none computed");
        }
        assertEquals(
                "alternatives=-1 must be >= 0; use 0 for none",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> SamplerChain.builder().random(1).choose(logits, new int[0], -1, false))
                        .getMessage());
    }

    /**
     * A chain that is only a temperature gives the softmax of its input at T = 1 from the draw's own loop, with
     * the same sums as a pass of their own; any other chain takes that pass. Asking for it never moves a draw.
     */
    @Test
    void theRawSoftmaxIsTheLogitsOwnWhetherItComesWithTheDrawOrNot() {
        SplittableRandom random = new SplittableRandom(8);
        float[] logits = new float[2000];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 4 - 60);
        }
        logits[17] = Float.NEGATIVE_INFINITY;
        Distribution atOne = Distribution.of(logits, 1.0);
        SamplerChain plain = SamplerChain.builder().temperature(0.8).random(3);
        SamplerChain twin = plain.fresh();
        for (int step = 0; step < 50; step++) {
            SamplerChain.Choice choice = plain.choose(logits, new int[0], 3, true);
            assertEquals(twin.choose(logits, new int[0], 3, false).id(), choice.id(), "step " + step);
            SoftmaxSummary summary = choice.raw().orElseThrow();
            assertEquals(atOne.entropy(), summary.entropy(), 1e-12);
            assertEquals(atOne.logProb(choice.id()), summary.logProb(logits[choice.id()]), 1e-12);
            SoftmaxSummary ownPass =
                    new SoftmaxPass().weigh(Logits.toDouble(logits), 1.0).summary();
            assertEquals(ownPass.entropy(), summary.entropy(), 0.0, "the same sums in the same order");
        }
        assertTrue(plain.choose(logits, new int[0], 3, false).raw().isEmpty(), "not asked, not computed");
        SoftmaxSummary atTemperatureOne = SamplerChain.builder()
                .random(3)
                .choose(logits, new int[0], 3, true)
                .raw()
                .orElseThrow();
        assertEquals(atOne.entropy(), atTemperatureOne.entropy(), 1e-12, "T = 1 reuses the draw's own weights");
        // A chain that changes the logits, and a greedy one, take the raw softmax in a pass of their own: the same.
        for (SamplerChain other : List.of(
                SamplerChain.builder().topK(40).temperature(0.8).random(3),
                SamplerChain.builder().greedy())) {
            SoftmaxSummary own = other.choose(logits, new int[0], 3, true).raw().orElseThrow();
            assertEquals(atOne.entropy(), own.entropy(), 1e-12, other.toString());
            assertEquals(atOne.logProb(5), own.logProb(logits[5]), 1e-12, other.toString());
        }
    }

    /**
     * After a small top-k the chain works on the k candidates alone. A penalty of 1 changes no logit but
     * turns that shortcut off, so the two chains below must agree exactly, token for token, with every
     * processor the shortcut allows after the top-k, dynamic temperature, top-n-sigma, typical-p and XTC included.
     */
    @Test
    void workingOnTopKCandidatesGivesExactlyTheWholeVocabularysResults() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 100; trial++) {
            double[] logits = new double[500 + random.nextInt(5000)];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextGaussian() * 5; // ties included
            }
            int k = 1 + random.nextInt(100);
            double p = random.nextDouble(0.05, 1.0);
            double m = random.nextDouble(0, 0.5);
            double t = random.nextDouble(0.1, 3);
            LogitsProcessor dynamic = new DynamicTemperature(
                    random.nextDouble(0.2, 2), random.nextDouble(0, 0.5), random.nextDouble(0.5, 2));
            double n = random.nextDouble(0.5, 3);
            double typical = random.nextDouble(0.3, 1);
            List<LogitsProcessor> after = new java.util.ArrayList<>(List.of(
                    new TopP(p),
                    new MinP(m),
                    dynamic,
                    new Temperature(t),
                    new TopNSigma(n),
                    new TypicalP(typical),
                    new Xtc(0.5, 0.1, trial)));
            // The processors after the top-k in a random order: the shortcut must not depend on llama.cpp's.
            java.util.Collections.shuffle(after, new java.util.Random(trial));
            List<LogitsProcessor> shortcutChain = new java.util.ArrayList<>(List.of(new TopK(k)));
            shortcutChain.addAll(after);
            List<LogitsProcessor> wholeChain =
                    new java.util.ArrayList<>(List.of(new TopK(k), new RepetitionPenalty(1.0)));
            // XTC keeps state: each chain gets its own copy, drawing the same numbers.
            after.forEach(processor -> wholeChain.add(processor.copy()));
            SamplerChain shortcut = new SamplerChain(shortcutChain, new RandomPicker(trial));
            SamplerChain whole = new SamplerChain(wholeChain, new RandomPicker(trial));
            assertArrayEquals(
                    whole.distribution(logits).probs(),
                    shortcut.distribution(logits).probs(),
                    shortcut.toString());
            for (int draw = 0; draw < 50; draw++) {
                assertEquals(whole.next(logits), shortcut.next(logits), shortcut + " draw " + draw);
            }
        }
    }
}
