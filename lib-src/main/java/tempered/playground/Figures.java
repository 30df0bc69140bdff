package tempered.playground;

import java.util.Locale;
import tempered.math.Distribution;

/**
 * The live figures a playground shows for one distribution, as the library computes them.
 *
 * <pre>{@code
 * Figures.of(Distribution.of(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32}, 1.0));
 * // entropy 0.9514 nats, perplexity 2.5893, top token's probability 0.6657, 90% of the mass in 3 tokens, 5 tokens left
 * }</pre>
 *
 * @param entropy Shannon entropy in nats
 * @param perplexity e to the entropy
 * @param topProbability the probability of the likeliest token
 * @param tokensFor90Percent how many of the likeliest tokens it takes to hold 90% of the mass
 * @param tokensLeft how many tokens have a probability above 0 (the rest were cut or masked)
 */
public record Figures(
        double entropy, double perplexity, double topProbability, int tokensFor90Percent, int tokensLeft) {

    /** The figures of {@code distribution}. */
    public static Figures of(Distribution distribution) {
        int left = 0;
        for (double p : distribution.probs()) {
            left += p > 0 ? 1 : 0;
        }
        return new Figures(
                distribution.entropy(),
                distribution.perplexity(),
                distribution.prob(distribution.argmax()),
                distribution.tokensForMass(0.9),
                left);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "entropy %.4f nats, perplexity %.4f, top token's probability %.4f, 90%% of the mass in %,d %s, %,d %s left",
                entropy,
                perplexity,
                topProbability,
                tokensFor90Percent,
                tokensFor90Percent == 1 ? "token" : "tokens",
                tokensLeft,
                tokensLeft == 1 ? "token" : "tokens");
    }
}
