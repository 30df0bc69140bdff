package tempered.sampling;

import tempered.format.Numbers;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;

/**
 * Locally typical sampling: keeps the tokens whose surprise is closest to the entropy, the surprise the model
 * expects, until they hold at least p of the probability.
 *
 * <p>Each token's distance from typical is {@code |-ln p_i - H|}, with H the entropy in nats of the softmax of
 * the logits it is given. The most typical tokens are kept first (ties: the lower id), and the running sum is
 * compared with p with a tolerance of 1e-9, as in {@link TopP}. So a confident step keeps its likeliest tokens,
 * while a flat one may leave out the likeliest token when it is unusually likely. p = 1 disables it. Meister et
 * al., "Locally typical sampling", https://arxiv.org/abs/2202.00666.
 *
 * <p>Checked against llama.cpp's {@code llama_sampler_init_typical} on hand-made logits (the tests hold its
 * figures). It differs in two places, both read in llama.cpp's code: llama.cpp stops once the running sum
 * exceeds p strictly, so where a sum lands on p exactly it keeps one token more; and it counts masked tokens in
 * the entropy, where 0 log 0 is NaN in float (its top-k and top-p remove tokens rather than mask them, so after
 * those the two agree). Hugging Face transformers' {@code TypicalLogitsWarper} stops where the sum reaches p, as
 * here, but also keeps every token exactly as typical as the last one kept.
 *
 * <pre>{@code
 * double[] logits = Logits.fromProbs(0.4, 0.2, 0.2, 0.2);
 * Distribution.of(new TypicalP(0.5).apply(logits), 1.0);   // [0.00000000, 0.33333333, 0.33333333, 0.33333333]
 * }</pre>
 */
public record TypicalP(double p) implements LogitsProcessor {
    private static final double TOLERANCE = 1e-9;

    public TypicalP {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("typical-p p=" + p + " must be in (0, 1]; use 1.0 to disable");
        }
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        if (p == 1) {
            return Logits.requireValid(logits).clone();
        }
        Distribution d = Distribution.of(logits, 1.0);
        double entropy = d.entropy();
        // Ranked by closeness to typical: the negated distance, so the most typical token comes first. Masked
        // tokens rank last and are never reached: the others already hold all the mass.
        double[] closeness = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double logProb = d.logProb(i);
            closeness[i] =
                    logProb == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : -Math.abs(-logProb - entropy);
        }
        double[] out = Logits.masked(logits.length);
        double mass = 0;
        for (int id : Ranking.descending(closeness)) {
            out[id] = logits[id];
            mass += d.prob(id);
            if (mass >= p - TOLERANCE) {
                break;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "typical-p(" + Numbers.format(p) + ")";
    }
}
