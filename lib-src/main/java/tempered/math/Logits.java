package tempered.math;

import java.util.Arrays;

/**
 * Checks and conversions for logit vectors: one raw score per token, as a language model emits them.
 *
 * <p>A logit may be any finite number or {@code -Infinity}, which marks a token as masked (probability 0).
 * NaN and {@code +Infinity} are refused, and so is a vector in which every token is masked, because no
 * distribution can be made from it. Each refusal is an {@link IllegalArgumentException} that names the
 * offending entry and says what to do.
 *
 * <pre>{@code
 * Logits.requireValid(new double[] {1, Double.NaN});
 * // IllegalArgumentException: logits[1] is NaN; every logit must be a number (use -Infinity to mask a token)
 * }</pre>
 */
public final class Logits {
    private Logits() {}

    /**
     * Returns {@code logits} unchanged after checking it can be turned into a distribution.
     *
     * @throws IllegalArgumentException if it is null or empty, holds NaN or +Infinity, or masks every token
     */
    public static double[] requireValid(double[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null; pass one score per token");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty; pass one score per token");
        }
        boolean anyFinite = false;
        for (int i = 0; i < logits.length; i++) {
            double x = logits[i];
            if (Double.isNaN(x)) {
                throw new IllegalArgumentException(
                        "logits[" + i + "] is NaN; every logit must be a number" + " (use -Infinity to mask a token)");
            }
            if (x == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits[" + i + "] is +Infinity; logits must be finite"
                        + " (only -Infinity, a masked token, is allowed)");
            }
            anyFinite |= x != Double.NEGATIVE_INFINITY;
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("all " + logits.length + " logits are -Infinity, so every token"
                    + " is masked; keep at least one token");
        }
        return logits;
    }

    /** Widens float logits (as models emit them) to double, the precision every computation here uses. */
    public static double[] toDouble(float[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null; pass one score per token");
        }
        double[] wide = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            wide[i] = logits[i];
        }
        return wide;
    }

    /**
     * Index of the largest logit; ties go to the lowest index. (llama.cpp's greedy sampler takes the first of
     * tied tokens in its candidate list, which is the lowest id only while no earlier sampler sorted the list.)
     */
    public static int argmax(double[] logits) {
        return Ranking.first(requireValid(logits));
    }

    /** The same for float logits, as a model emits them. */
    public static int argmax(float[] logits) {
        return argmax(toDouble(logits));
    }

    /** The largest logit of a vector already checked by {@link #requireValid}. */
    static double max(double[] logits) {
        return logits[Ranking.first(logits)];
    }

    /**
     * A vector of {@code size} logits, every token masked ({@code -Infinity}): where a processor that keeps
     * only some tokens starts.
     */
    public static double[] masked(int size) {
        double[] logits = new double[size];
        Arrays.fill(logits, Double.NEGATIVE_INFINITY);
        return logits;
    }

    /**
     * A copy of {@code logits} with every logit below {@code threshold} masked ({@code -Infinity}): what a
     * processor that keeps the tokens above a cut-off returns. A logit equal to the threshold is kept.
     */
    public static double[] maskBelow(double[] logits, double threshold) {
        if (logits == null || Double.isNaN(threshold)) {
            throw new IllegalArgumentException("maskBelow needs logits and a threshold that is a number; got "
                    + (logits == null ? "no logits" : "threshold NaN") + ": check the cut-off's inputs");
        }
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] >= threshold ? logits[i] : Double.NEGATIVE_INFINITY;
        }
        return out;
    }

    /** Logits whose softmax is the given distribution: ln p, with -Infinity for p = 0. */
    public static double[] fromProbs(double... probs) {
        if (probs == null || probs.length == 0) {
            throw new IllegalArgumentException("probs must not be empty; pass one probability per token");
        }
        double[] logits = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            double p = probs[i];
            if (!(p >= 0) || p > 1) {
                throw new IllegalArgumentException("probs[" + i + "]=" + p + " must be in [0, 1]");
            }
            logits[i] = Math.log(p);
        }
        return requireValid(logits);
    }
}
