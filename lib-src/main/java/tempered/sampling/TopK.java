package tempered.sampling;

import tempered.math.Logits;
import tempered.math.Ranking;

/**
 * Keeps the k likeliest tokens and masks the rest.
 *
 * <p>Exactly k survive: among equal logits at the cut, the lower ids are kept (llama.cpp's behaviour;
 * transformers keeps every tie). k = 0 disables it, as in transformers and llama.cpp. Fan, Lewis and
 * Dauphin, "Hierarchical neural story generation", https://arxiv.org/abs/1805.04833.
 *
 * <pre>{@code
 * // probabilities {0.1, 0.2, 0.3, 0.4} -> top-k(3) -> {0, 0.22222, 0.33333, 0.44444}
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
        double[] out = new double[logits.length];
        java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
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
