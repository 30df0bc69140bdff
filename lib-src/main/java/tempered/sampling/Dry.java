package tempered.sampling;

import java.util.Arrays;
import tempered.format.Numbers;
import tempered.math.Logits;

/**
 * DRY ("don't repeat yourself"): makes a token less likely when it would continue a sequence that already
 * appeared in the text, the more so the longer that sequence, so the text can quote a phrase but not loop.
 *
 * <p>It looks at the last {@code lastN} tokens of the history. Where the text's tail, of length L, also
 * appeared earlier, the token that followed it there would make the repeat one longer; if L is at least
 * {@code allowedLength}, that token's logit goes down by {@code multiplier * base^(L - allowedLength)}, for the
 * longest such L. A sequence breaker (a token, or a few in a row, such as a line break) cuts a repeat short:
 * repeats are counted only back to the latest breaker in the window, and a one-token breaker is never
 * penalised itself. Multiplier 0 disables it. Introduced by p-e-w in text-generation-webui (2024) and taken up
 * by KoboldCpp and llama.cpp.
 *
 * <p>As llama.cpp's {@code llama_sampler_init_dry}, checked against its code on hand-made histories (the tests
 * hold its figures), with these differences: it reads the history the chain is given, where llama.cpp keeps its
 * own window of the tokens accepted into it; breakers here are sequences of token ids, where llama.cpp takes
 * strings and also matches the tokens that contain part of one; it counts repeats by comparing token lists
 * directly, where llama.cpp uses the Z-algorithm (the same counts, in linear time); and where a penalty would
 * take a logit below the most negative double it stops there instead of masking the token, and in double,
 * where llama.cpp clamps the exponent to keep a float finite. Hugging Face transformers has no DRY.
 *
 * <pre>{@code
 * Dry dry = new Dry(1.0, 1.1, 2, 5);
 * dry.apply(new double[] {0, 0, 0, 0}, new int[] {0, 1, 2, 0, 1});   // [0.0, 0.0, -1.0, 0.0]: "0 1" was followed by 2
 * }</pre>
 */
public final class Dry implements LogitsProcessor {
    private final double multiplier;
    private final double base;
    private final int allowedLength;
    private final int lastN;
    private final int[][] breakers;

    /**
     * @param multiplier the penalty of the shortest repeat that counts (llama.cpp's default 0 disables it; 0.8
     *     is the usual value)
     * @param base how much each further token of a repeat multiplies the penalty (llama.cpp's default is 1.75)
     * @param allowedLength the longest repeat left alone (llama.cpp's default is 2)
     * @param lastN how many of the last tokens it looks at (llama.cpp's default is 64)
     * @param breakers sequences of token ids that cut a repeat short, such as the tokens of a line break
     */
    public Dry(double multiplier, double base, int allowedLength, int lastN, int[]... breakers) {
        if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("dry multiplier " + multiplier + " must be a finite number >= 0; use 0"
                    + " to disable, about 0.8 to discourage loops");
        }
        if (!(base >= 1) || Double.isInfinite(base)) {
            throw new IllegalArgumentException("dry base " + base + " must be a finite number >= 1: each token a repeat"
                    + " grows by multiplies its penalty by the base; llama.cpp's default is 1.75");
        }
        if (allowedLength < 1) {
            throw new IllegalArgumentException("dry allowed length " + allowedLength + " must be at least 1: the"
                    + " longest repeat left alone; llama.cpp's default is 2");
        }
        if (lastN < 1) {
            throw new IllegalArgumentException("dry last n " + lastN + " must be at least 1: how many of the last"
                    + " tokens it looks at; llama.cpp's default is 64");
        }
        if (breakers == null || Arrays.stream(breakers).anyMatch(b -> b == null || b.length == 0)) {
            throw new IllegalArgumentException(
                    "dry breakers must be sequences of at least one token id each; pass" + " none for no breakers");
        }
        this.multiplier = multiplier;
        this.base = base;
        this.allowedLength = allowedLength;
        this.lastN = lastN;
        this.breakers = Arrays.stream(breakers).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        History.require(history);
        double[] out = logits.clone();
        int n = Math.min(history.length, lastN);
        if (multiplier == 0 || n <= allowedLength) {
            return out;
        }
        // back(i) is the i-th token from the end of the window: back(0) is the last one.
        int[] window = Arrays.copyOfRange(history, history.length - n, history.length);
        int limit = repeatLimit(window);
        if (limit < allowedLength) {
            return out;
        }
        // For each earlier end k, the length of the repeat of the text's tail that ends there: the token that
        // followed it, back(k - 1), would make that repeat one longer.
        int[] longest = new int[logits.length];
        boolean any = false;
        for (int k = 1; k < n; k++) {
            int length = 0;
            while (length + k < n && back(window, length) == back(window, length + k)) {
                length++;
            }
            length = Math.min(length, limit);
            if (length >= allowedLength) {
                int token = back(window, k - 1);
                if (token < 0 || token >= logits.length) {
                    throw new IllegalArgumentException(
                            "history token id " + token + " is outside the vocabulary 0.." + (logits.length - 1));
                }
                longest[token] = Math.max(longest[token], length);
                any = true;
            }
        }
        if (!any) {
            return out;
        }
        for (int token = 0; token < logits.length; token++) {
            if (longest[token] > 0 && out[token] != Double.NEGATIVE_INFINITY && !isSingleBreaker(token)) {
                double penalty = multiplier * Math.pow(base, longest[token] - allowedLength);
                // A penalty beyond every double would mask the token; the most negative double keeps it possible.
                out[token] = Math.max(out[token] - penalty, -Double.MAX_VALUE);
            }
        }
        return out;
    }

    /** How long a repeat may be: from the end of the window back to the latest breaker in it, else the window. */
    private int repeatLimit(int[] window) {
        int n = window.length;
        for (int i = 0; i < n; i++) {
            int longestMatch = -1;
            for (int[] breaker : breakers) {
                int tail = breaker.length - 1;
                if (breaker[0] != back(window, i) || tail > i || tail <= longestMatch) {
                    continue;
                }
                boolean match = true;
                // The breaker reads forwards: its second token is one place later in the text than its first.
                for (int offset = 0; offset < tail && match; offset++) {
                    match = breaker[offset + 1] == back(window, i - offset - 1);
                }
                if (match) {
                    longestMatch = tail;
                }
            }
            if (longestMatch >= 0) {
                return i - longestMatch;
            }
        }
        return n;
    }

    private boolean isSingleBreaker(int token) {
        for (int[] breaker : breakers) {
            if (breaker.length == 1 && breaker[0] == token) {
                return true;
            }
        }
        return false;
    }

    private static int back(int[] window, int i) {
        return window[window.length - 1 - i];
    }

    @Override
    public String toString() {
        return "dry(" + Numbers.format(multiplier) + ", base=" + Numbers.format(base) + ", allowed=" + allowedLength
                + ", last=" + lastN + ")";
    }
}
