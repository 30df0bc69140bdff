package tempered.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;

/** accept, reset and copy: llama.cpp's sampler lifecycle, on the chain and on each link with state. */
class LifecycleTest {
    private static final double[] LOGITS = {2.0, 4.0, 3.0, -1.0, 0.5, 3.5};

    private static List<SamplerChain> statefulChains() {
        return List.of(
                SamplerChain.builder().temperature(0.9).random(42),
                new SamplerChain(List.of(new Xtc(0.5, 0.1, 42), new Temperature(1.2)), new RandomPicker(42)),
                new SamplerChain(List.of(new Temperature(1.5)), new MirostatV2(2, 0.3, 42)),
                new SamplerChain(List.of(new TopK(5), new Xtc(0.7, 0.15, 3)), new MirostatV2(1.5, 0.2, 9)));
    }

    private static int[] draw(SamplerChain chain, int n) {
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = chain.next(LOGITS);
        }
        return tokens;
    }

    @Test
    void resetRestoresTheStartAndACopyIsIndependent() {
        for (SamplerChain chain : statefulChains()) {
            int[] first = draw(chain, 200);
            chain.reset();
            assertArrayEquals(first, draw(chain, 200), chain + ": reset starts over");
            chain.reset();
            draw(chain, 37);
            SamplerChain twin = chain.copy();
            int[] fromTwin = draw(twin, 100);
            assertArrayEquals(fromTwin, draw(chain, 100), chain + ": the copy draws what the original draws next");
            SamplerChain other = chain.copy();
            draw(other, 50);
            assertArrayEquals(draw(chain.copy(), 30), draw(chain, 30), chain + ": moving a copy moves nothing else");
        }
    }

    @Test
    void freshIsACopyStartedOverAndLeavesTheChainWhereItWas() {
        for (SamplerChain chain : statefulChains()) {
            int[] start = draw(chain.fresh(), 40);
            draw(chain, 13);
            assertArrayEquals(start, draw(chain.fresh(), 40), chain.toString());
            SamplerChain copy = chain.copy();
            assertArrayEquals(draw(copy, 20), draw(chain, 20), chain + ": fresh() did not move the chain");
        }
    }

    /** distribution() and process() show what the next draw draws from, and move no state. */
    @Test
    void theDistributionMovesNothingAndIsWhatTheNextDrawUses() {
        SplittableRandom random = new SplittableRandom(2);
        for (SamplerChain chain : statefulChains()) {
            SamplerChain twin = chain.copy();
            for (int step = 0; step < 300; step++) {
                Distribution next = chain.distribution(LOGITS);
                chain.process(LOGITS);
                int token = chain.next(LOGITS);
                assertTrue(next.prob(token) > 0, chain + " drew a token its distribution gave no chance, step " + step);
                assertEquals(token, twin.next(LOGITS), chain + " step " + step);
                if (random.nextInt(10) == 0) {
                    chain.reset();
                    twin.reset();
                }
            }
        }
    }

    /** Accepting a token moves mirostat's mu by that token's surprise, as llama.cpp's step does. */
    @Test
    void acceptMovesMirostatsMu() {
        MirostatV2 mirostat = new MirostatV2(3, 0.1, 7);
        SamplerChain chain = new SamplerChain(List.of(), mirostat);
        assertEquals(6.0, mirostat.mu());
        Distribution before = chain.distribution(LOGITS);
        int token = chain.next(LOGITS);
        double surprise = -Math.log(before.prob(token)) / Math.log(2);
        assertEquals(6.0 - 0.1 * (surprise - 3), mirostat.mu(), 1e-12);
        SamplerChain.Choice choice = chain.choose(toFloat(LOGITS), new int[0], 0, false);
        double mu = mirostat.mu();
        assertEquals(mu, mirostat.mu(), 0.0, "choose() draws but does not accept");
        chain.accept(choice.id());
        double surpriseOfChoice = -Math.log(choice.probability()) / Math.log(2);
        assertEquals(mu - 0.1 * (surpriseOfChoice - 3), mirostat.mu(), 1e-12);
        chain.reset();
        assertEquals(6.0, mirostat.mu(), "reset puts mu back at 2 tau");
    }

    @Test
    void seedsReachEveryLinkThatDraws() {
        SamplerChain chain =
                new SamplerChain(List.of(new Xtc(0.5, 0.1, 4), new Temperature(1)), new MirostatV2(5, 0.1, 4));
        assertEquals(
                "xtc(p=0.5, threshold=0.1, seed=4) -> temperature(1) -> mirostat-v2(tau=5, eta=0.1, seed=4)",
                chain.toString());
        assertEquals(4, chain.seed().getAsLong());
        assertEquals(
                "xtc(p=0.5, threshold=0.1, seed=9) -> temperature(1) -> mirostat-v2(tau=5, eta=0.1, seed=9)",
                chain.withSeed(9).toString());
        SamplerChain xtcOnly = new SamplerChain(List.of(new Xtc(0.5, 0.1, 4)), new Greedy());
        assertEquals(4, xtcOnly.seed().getAsLong(), "a greedy chain with XTC still draws");
        SamplerChain greedy = SamplerChain.builder().topK(3).greedy();
        assertSame(greedy, greedy.withSeed(5));
        assertTrue(greedy.seed().isEmpty());
    }

    /** XTC's coin is not the picker's draw: with one seed for both, the two streams differ. */
    @Test
    void xtcDrawsFromItsOwnStream() {
        Draws picker = new Draws(11, false);
        Draws xtc = new Draws(11, true);
        double[] a = new double[20];
        double[] b = new double[20];
        for (int i = 0; i < 20; i++) {
            a[i] = picker.next();
            b[i] = xtc.next();
        }
        assertNotEquals(Arrays.toString(a), Arrays.toString(b));
        assertEquals(new java.util.SplittableRandom(11).nextDouble(), a[0], "the picker's stream is unchanged");
    }

    @Test
    void nullAndBadInputsSayWhatToDo() {
        SamplerChain chain = SamplerChain.builder().topK(2).random(1);
        assertEquals(
                "logits must not be null; pass one score per token",
                assertThrows(IllegalArgumentException.class, () -> chain.next((double[]) null))
                        .getMessage());
        assertEquals(
                "logits must not be null; pass one score per token",
                assertThrows(IllegalArgumentException.class, () -> chain.next((float[]) null, new int[0]))
                        .getMessage());
        assertEquals(
                "history must not be null; pass new int[0] for a fresh sequence",
                assertThrows(IllegalArgumentException.class, () -> chain.next(LOGITS, null))
                        .getMessage());
        assertEquals(
                "logits must not be null; pass one score per token",
                assertThrows(IllegalArgumentException.class, () -> chain.distribution((double[]) null))
                        .getMessage());
        assertEquals(
                "logits must not be null; pass one score per token",
                assertThrows(IllegalArgumentException.class, () -> new RandomPicker(1).pick(null))
                        .getMessage());
    }

    @Test
    void settingsPlaceTheNewSamplersInBothOrders() {
        SamplerSettings s = SamplerSettings.of(0.8)
                .withTopK(40)
                .withTopP(0.95)
                .withMinP(0.05)
                .withTopNSigma(1)
                .withTypicalP(0.9)
                .withXtc(0.5, 0.1)
                .withSeed(7);
        assertEquals(
                "temperature(0.8) -> top-n-sigma(1) -> top-k(40) -> top-p(0.95) -> min-p(0.05) -> typical-p(0.9)"
                        + " -> xtc(p=0.5, threshold=0.1, seed=7) -> random(seed=7)",
                s.temperatureFirst().toString());
        assertEquals(
                "top-n-sigma(1) -> top-k(40) -> typical-p(0.9) -> top-p(0.95) -> min-p(0.05)"
                        + " -> xtc(p=0.5, threshold=0.1, seed=7) -> temperature(0.8) -> random(seed=7)",
                s.temperatureLast().toString());
        SamplerSettings mirostat =
                SamplerSettings.of(0.8).withMirostatV2(5, 0.1).withSeed(7);
        assertEquals(
                "temperature(0.8) -> mirostat-v2(tau=5, eta=0.1, seed=7)",
                mirostat.temperatureFirst().toString());
        assertEquals(
                "temperature(0.8) -> mirostat-v2(tau=5, eta=0.1, seed=7)",
                mirostat.temperatureLast().toString());
        assertEquals("greedy", mirostat.withTemperature(0).temperatureLast().toString());
        assertEquals(
                "top-n-sigma n=-1.0 must be a finite number >= 0; use 0 to disable, about 1 to keep the tokens near the"
                        + " top",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> SamplerSettings.of(1).withTopNSigma(-1))
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> SamplerSettings.of(1).withMirostatV2(-2, 0.1))
                .getMessage()
                .startsWith("mirostat-v2 tau=-2.0 must be a finite number of bits > 0"));
        assertEquals(
                new SamplerSettings(0.8, 0, 1.0, 0, 1.0, 0),
                SamplerSettings.of(0.8),
                "the six-knob constructor leaves the others disabled");
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
