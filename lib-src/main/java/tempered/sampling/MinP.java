package tempered.sampling;

import tempered.format.Numbers;
import tempered.math.Logits;

/**
 * Keeps the tokens whose probability is at least p times that of the likeliest token.
 *
 * <p>Unlike top-p, the cut moves with the model's confidence: a confident step keeps few tokens, an uncertain
 * one many. Computed on logits (x_i >= max + ln p), so it needs no softmax and is exact. p = 0 disables it.
 * Nguyen et al., "Turning up the heat: min-p sampling for creative and coherent LLM outputs",
 * https://arxiv.org/abs/2407.01082.
 *
 * <pre>{@code
 * double[] logits = Logits.fromProbs(0.1, 0.2, 0.3, 0.4);
 * Distribution.of(new MinP(0.26).apply(logits), 1.0);   // [0.00000000, 0.22222222, 0.33333333, 0.44444444]
 * }</pre>
 */
public record MinP(double p) implements LogitsProcessor {

    public MinP {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("min-p p=" + p + " must be in [0, 1]; use 0 to disable");
        }
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        if (p == 0) {
            return logits.clone();
        }
        return Logits.maskBelow(logits, logits[Logits.argmax(logits)] + Math.log(p));
    }

    @Override
    public String toString() {
        return "min-p(" + Numbers.format(p) + ")";
    }
}
