package tempered.bench;

import java.util.SplittableRandom;
import tempered.math.Logits;
import tempered.model.KvCache;
import tempered.model.OnnxModel;

/**
 * The model step alone, as the benchmark times it: a prompt in one pass, or token after token through the cache,
 * each step feeding back the likeliest token (no sampling), so the time is the model's.
 */
final class Decoding {
    /** The prompt's one token: GPT-2's "The". */
    private static final int FIRST = 464;

    private Decoding() {}

    /** Seconds per step for {@code steps} greedy steps of {@code batch} sequences after a one-token prompt. */
    static double[] steps(OnnxModel model, int batch, int steps) {
        double[] seconds = new double[steps];
        try (KvCache cache = model.newCache(batch)) {
            int[][] rows = new int[batch][1];
            for (int row = 0; row < batch; row++) {
                rows[row][0] = (FIRST + row) % model.vocabularySize();
            }
            float[][] logits = cache.append(rows);
            for (int step = 0; step < steps; step++) {
                int[][] next = new int[batch][1];
                for (int row = 0; row < batch; row++) {
                    next[row][0] = Logits.argmax(logits[row]);
                }
                long start = System.nanoTime();
                logits = cache.append(next);
                seconds[step] = (System.nanoTime() - start) / 1e9;
            }
        }
        return seconds;
    }

    /**
     * Seconds the model takes for {@code tokens} new tokens at batch 1, the one-token prompt included: what a
     * generation of that length costs the model. Choosing each next token (an argmax here) is left out.
     */
    static double tokens(OnnxModel model, int tokens) {
        long start = System.nanoTime();
        double seconds;
        try (KvCache cache = model.newCache(1)) {
            cache.append(FIRST % model.vocabularySize());
            seconds = (System.nanoTime() - start) / 1e9;
        }
        return seconds + sum(steps(model, 1, tokens - 1));
    }

    /** Seconds to process {@code prompt} in one pass. */
    static double prompt(OnnxModel model, int[] prompt) {
        long start = System.nanoTime();
        try (KvCache cache = model.newCache(1)) {
            cache.append(prompt);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Token ids drawn uniformly from the model's vocabulary, the same for the same seed and vocabulary. */
    static int[] randomTokens(OnnxModel model, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = random.nextInt(model.vocabularySize());
        }
        return tokens;
    }

    static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }
}
