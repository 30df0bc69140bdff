package tempered.sampling;

import java.util.BitSet;
import tempered.format.Numbers;
import tempered.math.Logits;

/**
 * Makes tokens that already appeared less likely: a positive logit is divided by the penalty, a negative one
 * multiplied by it, once per distinct token (Hugging Face transformers' semantics).
 *
 * <p>Every token of {@code history} counts, however long ago it appeared, as in transformers, which penalises
 * the whole sequence, prompt included. llama.cpp looks back only over the last 64 tokens by default
 * ({@code --repeat-last-n}, {@code penalty_last_n}); pass the tail of the history to do the same. It leaves out
 * llama.cpp's frequency and presence penalties, which subtract instead. 1 disables it; values below 1
 * encourage repetition. Keskar et al., "CTRL: a conditional transformer language model",
 * https://arxiv.org/abs/1909.05858.
 *
 * <pre>{@code
 * new RepetitionPenalty(2).apply(new double[] {4, -1, 3}, new int[] {0, 1});  // [2.0, -2.0, 3.0]
 * }</pre>
 */
public record RepetitionPenalty(double penalty) implements LogitsProcessor {

    public RepetitionPenalty {
        if (!(penalty > 0) || Double.isInfinite(penalty)) {
            throw new IllegalArgumentException("repetition penalty " + penalty
                    + " must be a finite number > 0; use 1.0 to disable, about 1.2 to discourage repeats");
        }
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        History.require(history);
        double[] out = logits.clone();
        BitSet seen = new BitSet(logits.length);
        for (int id : history) {
            if (id < 0 || id >= logits.length) {
                throw new IllegalArgumentException(
                        "history token id " + id + " is outside the vocabulary 0.." + (logits.length - 1));
            }
            if (!seen.get(id)) {
                seen.set(id);
                out[id] = out[id] > 0 ? out[id] / penalty : out[id] * penalty;
                if (Double.isInfinite(out[id]) && !Double.isInfinite(logits[id])) {
                    // Only absurd inputs get here (|logit| near 1e308); a silent infinity would mask or crown the
                    // token.
                    throw new IllegalArgumentException(this + " turns the logit " + logits[id] + " of token " + id
                            + " into " + out[id] + "; logits this large cannot be penalised, use a penalty near 1");
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "repetition-penalty(" + Numbers.format(penalty) + ")";
    }
}
