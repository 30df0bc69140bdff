package tempered.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import tempered.format.Numbers;

/**
 * A probability distribution over token ids, immutable, with the measures a lesson on temperature needs.
 *
 * <p>It keeps both probabilities and log-probabilities, so entropy and the surprisal of rare tokens stay
 * precise where the probability itself underflows. It knows nothing of token texts: label it with a
 * vocabulary or a list of words where you show it.
 *
 * <pre>{@code
 * Distribution d = Distribution.of(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32}, 1.0);
 * d.argmax();    // 2
 * d.prob(2);     // 0.66571...
 * d.entropy();   // 0.9514... nats
 * d;             // [0.00689542, 0.21078894, 0.66571213, 0.08570039, 0.03090313]: printed to 8 places
 * }</pre>
 *
 * <p>Entropy is Shannon's, "A mathematical theory of communication" (1948); perplexity is e^H.
 */
public final class Distribution {
    private static final int SHOWN_IN_FULL = 12;

    private final double[] probs;
    private final double[] logProbs;

    private Distribution(double[] probs, double[] logProbs) {
        this.probs = probs;
        this.logProbs = logProbs;
    }

    /** The tempered softmax of {@code logits} at {@code temperature} (0 is greedy). */
    public static Distribution of(double[] logits, double temperature) {
        int size = logits == null ? 0 : logits.length;
        double[] probs = new double[size];
        double[] logProbs = new double[size];
        SoftmaxPass pass = new SoftmaxPass(probs).weigh(logits, temperature);
        double sum = pass.sum();
        for (int i = 0; i < size; i++) {
            logProbs[i] = pass.logProbability(i);
            probs[i] /= sum;
        }
        return new Distribution(probs, logProbs);
    }

    /** The tempered softmax of float logits, computed in double. */
    public static Distribution of(float[] logits, double temperature) {
        return of(Logits.toDouble(logits), temperature);
    }

    /**
     * A distribution given by its probabilities, which must be finite, non-negative and sum to 1 within 1e-6;
     * they are renormalised so that they sum to 1 in double.
     */
    public static Distribution ofProbs(double... probs) {
        if (probs == null || probs.length == 0) {
            throw new IllegalArgumentException("probs must not be empty; pass one probability per token");
        }
        double sum = 0;
        for (int i = 0; i < probs.length; i++) {
            if (!(probs[i] >= 0) || Double.isInfinite(probs[i])) {
                throw new IllegalArgumentException("probs[" + i + "]=" + probs[i] + " must be a finite number >= 0");
            }
            sum += probs[i];
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("probs sum to " + sum + ", not 1; divide each by their sum first");
        }
        return of(Logits.fromProbs(probs), 1.0);
    }

    /** Number of tokens (the vocabulary size). */
    public int size() {
        return probs.length;
    }

    /** Probability of token {@code id}. */
    public double prob(int id) {
        return probs[checkId(id)];
    }

    /** Natural-log probability of token {@code id} ({@code -Infinity} if it is masked). */
    public double logProb(int id) {
        return logProbs[checkId(id)];
    }

    /** A copy of all probabilities, indexed by token id. */
    public double[] probs() {
        return probs.clone();
    }

    /** A copy of all natural-log probabilities, indexed by token id. */
    public double[] logProbs() {
        return logProbs.clone();
    }

    /** Shannon entropy in nats: {@code -sum p ln p}, from 0 (one certain token) to ln N (uniform). */
    public double entropy() {
        double h = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] > 0) {
                h -= probs[i] * logProbs[i];
            }
        }
        // Rounding can leave -1e-17 for a one-hot distribution; entropy is never negative.
        return Math.max(0.0, h);
    }

    /** Shannon entropy in bits. */
    public double entropyBits() {
        return entropy() / Math.log(2);
    }

    /** Perplexity, e^H: the number of equally likely tokens that would be as uncertain as this distribution. */
    public double perplexity() {
        return Math.exp(entropy());
    }

    /** The most likely token (ties: the lowest id). */
    public int argmax() {
        return Ranking.first(probs);
    }

    /** Token ids, most likely first (ties: lower id first). */
    public int[] ranked() {
        return Ranking.descending(probs);
    }

    /** The {@code n} most likely tokens, most likely first (fewer if the vocabulary is smaller). */
    public List<TokenProbability> top(int n) {
        int[] order = Ranking.top(probs, n);
        List<TokenProbability> top = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            top.add(new TokenProbability(order[i], probs[order[i]], logProbs[order[i]]));
        }
        return List.copyOf(top);
    }

    /** Cumulative mass along {@link #ranked()}: entry k is the total probability of the k + 1 likeliest tokens. */
    public double[] cumulative() {
        int[] order = ranked();
        double[] cumulative = new double[order.length];
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            sum += probs[order[i]];
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** How many of the likeliest tokens it takes to hold at least {@code mass} of the probability. */
    public int tokensForMass(double mass) {
        if (!(mass > 0 && mass <= 1)) {
            throw new IllegalArgumentException("mass=" + mass + " must be in (0, 1]");
        }
        double[] cumulative = cumulative();
        for (int i = 0; i < cumulative.length; i++) {
            // The tolerance absorbs rounding in the running sum, so that mass = 1 is reached.
            if (cumulative[i] >= mass - 1e-12) {
                return i + 1;
            }
        }
        return cumulative.length;
    }

    /**
     * Draws one token id: the first whose cumulative probability exceeds a uniform number from {@code random}.
     * The same generator state gives the same token.
     */
    public int sample(RandomGenerator random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null; pass e.g. new SplittableRandom(42)");
        }
        // The same walk as every draw of a sampler chain, over weights that already sum to 1.
        return SoftmaxPass.walk(probs, probs.length, random.nextDouble());
    }

    /** The probabilities, to 8 decimal places; long vocabularies show their likeliest tokens only. */
    @Override
    public String toString() {
        if (probs.length <= SHOWN_IN_FULL) {
            return Numbers.list(probs);
        }
        return String.format(
                Locale.ROOT, "Distribution(%d tokens, entropy %.4f nats, top %s)", probs.length, entropy(), top(5));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Distribution d && Arrays.equals(probs, d.probs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(probs);
    }

    private int checkId(int id) {
        if (id < 0 || id >= probs.length) {
            throw new IllegalArgumentException(
                    "token id " + id + " is outside the vocabulary 0.." + (probs.length - 1));
        }
        return id;
    }
}
