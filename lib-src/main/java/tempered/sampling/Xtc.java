package tempered.sampling;

import java.util.OptionalLong;
import tempered.format.Numbers;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;

/**
 * Exclude Top Choices: at a share of the steps, chosen at random, removes every token whose probability is at
 * least a threshold except the least likely of them, so the text leaves its most predictable path while a
 * plausible token remains.
 *
 * <p>At each step it takes one number u from its own generator, seeded explicitly, and acts when u is below
 * {@code probability}. When two or more tokens reach {@code threshold}, all of them but the least likely are
 * masked (of tokens tied there, the one with the higher id stays, the last in this library's ranking); with
 * fewer it changes nothing. Probabilities are the softmax of the logits it is given. Probability 0 disables
 * it; a threshold above 0.5 would never find two tokens, so it is refused. Introduced by p-e-w in
 * text-generation-webui (2024) and taken up by llama.cpp.
 *
 * <p>As llama.cpp's {@code llama_sampler_init_xtc}, checked against its code on hand-made logits (the tests
 * hold its figures), with these differences: its generator is this library's (the stream
 * {@code new SplittableRandom(seed).split()}, so it never repeats the numbers of a {@link RandomPicker} with
 * the same seed), so a seed does not reproduce llama.cpp's steps; it takes its number at every step, where
 * llama.cpp skips the draw when fewer than two candidates remain; and llama.cpp computes in float.
 *
 * <pre>{@code
 * new Xtc(1.0, 0.2, 7).apply(new double[] {3, 2, 1, 0, -1});   // [-Infinity, 2.0, 1.0, 0.0, -1.0]
 * }</pre>
 */
public final class Xtc implements LogitsProcessor {
    private final double probability;
    private final double threshold;
    private final long seed;
    private final Draws draws;

    /**
     * @param probability the share of steps at which it acts, in [0, 1] (0 disables it)
     * @param threshold the probability a token needs to count as a top choice, in (0, 0.5] (llama.cpp's default is
     *     0.1)
     * @param seed the seed of its own draws
     */
    public Xtc(double probability, double threshold, long seed) {
        this(probability, threshold, seed, new Draws(seed, true));
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("xtc probability " + probability + " must be in [0, 1]: the share of"
                    + " steps at which it acts; use 0 to disable");
        }
        if (!(threshold > 0 && threshold <= 0.5)) {
            throw new IllegalArgumentException("xtc threshold " + threshold + " must be in (0, 0.5]: above 0.5 no two"
                    + " tokens can reach it, so XTC would never act; llama.cpp's default is 0.1");
        }
    }

    private Xtc(double probability, double threshold, long seed, Draws draws) {
        this.probability = probability;
        this.threshold = threshold;
        this.seed = seed;
        this.draws = draws;
    }

    public double probability() {
        return probability;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        if (!(draws.next() < probability)) {
            return logits.clone();
        }
        Distribution d = Distribution.of(logits, 1.0);
        int[] ranked = Ranking.descending(d.probs());
        int reaching = 0;
        while (reaching < ranked.length && d.prob(ranked[reaching]) >= threshold) {
            reaching++;
        }
        double[] out = logits.clone();
        // The least likely of the tokens that reach the threshold stays; those above it go.
        for (int k = 0; k < reaching - 1; k++) {
            out[ranked[k]] = Double.NEGATIVE_INFINITY;
        }
        return out;
    }

    @Override
    public void reset() {
        draws.reset();
    }

    @Override
    public Xtc copy() {
        return new Xtc(probability, threshold, seed, draws.copy());
    }

    @Override
    public OptionalLong seed() {
        return OptionalLong.of(seed);
    }

    @Override
    public Xtc withSeed(long value) {
        return new Xtc(probability, threshold, value);
    }

    @Override
    public String toString() {
        return "xtc(p=" + Numbers.format(probability) + ", threshold=" + Numbers.format(threshold) + ", seed=" + seed
                + ")";
    }
}
