package tempered.sampling;

import tempered.format.Numbers;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.math.Softmax;

/**
 * Nucleus sampling: keeps the smallest set of likeliest tokens whose probabilities add up to at least p.
 *
 * <p>The probabilities are those of the logits it is given, so its effect depends on whether temperature
 * ran before it. The likeliest token always survives. The running sum is compared with a tolerance of
 * 1e-9, so that {0.4, 0.3} counts as reaching p = 0.7 whatever the rounding of the sum. Of tokens tied in
 * probability where the cut falls, the lower ids are kept and the higher ones masked: tokens are added likeliest
 * first, ties by id, until the sum reaches p. p = 1 disables it.
 * Holtzman et al., "The curious case of neural text degeneration", https://arxiv.org/abs/1904.09751.
 *
 * <pre>{@code
 * double[] logits = Logits.fromProbs(0.1, 0.2, 0.3, 0.4);
 * Distribution.of(new TopP(0.7).apply(logits), 1.0);   // [0.00000000, 0.00000000, 0.42857143, 0.57142857]
 * }</pre>
 */
public record TopP(double p) implements LogitsProcessor {
    private static final double TOLERANCE = 1e-9;

    public TopP {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("top-p p=" + p + " must be in (0, 1]; use 1.0 to disable");
        }
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        if (p == 1) {
            return Logits.requireValid(logits).clone();
        }
        double[] probs = Softmax.probs(logits, 1.0);
        double[] out = Logits.masked(logits.length);
        double mass = 0;
        // A token the smallest set covering p can need has probability above (1 - p) / n (the tokens below
        // that hold less than 1 - p in all), so only those are sorted: a few thousand of GPT-2's 50,257.
        double floor = 0.5 * (1 - p) / probs.length;
        for (int id : Ranking.descendingAbove(probs, floor)) {
            out[id] = logits[id];
            mass += probs[id];
            if (mass >= p - TOLERANCE) {
                break;
            }
        }
        return Logits.requireValid(out);
    }

    @Override
    public String toString() {
        return "top-p(" + Numbers.format(p) + ")";
    }
}
