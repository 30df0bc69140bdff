package tempered.sampling;

import tempered.math.Logits;
import tempered.math.Ranking;

/**
 * Keeps the k likeliest tokens and masks the rest.
 *
 * <p>Exactly k survive: among equal logits at the cut, the lower ids are kept. That is this library's choice,
 * so that a run can be repeated: llama.cpp keeps k too, but which of the tied tokens survive is left to its
 * partial sort ({@code std::partial_sort}, not stable), and transformers keeps every token tied with the k-th.
 * k = 0 disables it, as in transformers and llama.cpp. Fan, Lewis and Dauphin, "Hierarchical neural story
 * generation", https://arxiv.org/abs/1805.04833.
 *
 * <pre>{@code
 * double[] logits = Logits.fromProbs(0.1, 0.2, 0.3, 0.4);
 * Distribution.of(new TopK(3).apply(logits), 1.0);   // [0.00000000, 0.22222222, 0.33333333, 0.44444444]
 * new TopK(1).apply(new double[] {2, 5, 5});          // [-Infinity, 5.0, -Infinity]: of tied tokens, the lower id
 * }</pre>
 */
public record TopK(int k) implements LogitsProcessor {

    public TopK {
        if (k < 0) {
            throw new IllegalArgumentException("top-k k=" + k + " must be >= 0; use 0 to disable");
        }
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        if (k == 0 || k >= logits.length) {
            return logits.clone();
        }
        double[] out = Logits.masked(logits.length);
        for (int id : Ranking.top(logits, k)) {
            out[id] = logits[id];
        }
        return out;
    }

    @Override
    public String toString() {
        return "top-k(" + k + ")";
    }
}
