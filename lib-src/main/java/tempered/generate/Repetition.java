package tempered.generate;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * How much a text repeats itself, counted on token n-grams: the measure behind "low temperature loops".
 *
 * <p>{@link #repeatedShare} is the share of n-grams that already appeared earlier in the same text;
 * {@link #distinct} is distinct-n (Li et al., 2016), the share of n-grams that are different. Every n-gram
 * is either the first of its kind or a repeat, so the two always add up to 1. They leave out meaning: a
 * paraphrase counts as new.
 *
 * <pre>{@code
 * Repetition.repeatedShare(new int[] {1, 2, 1, 2, 1, 2}, 2);   // 0.6: of 5 bigrams, 3 were seen before
 * Repetition.distinct(new int[] {1, 2, 1, 2, 1, 2}, 2);        // 0.4: 2 distinct of 5
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1510.03055">Li et al., 2016, A Diversity-Promoting Objective Function</a>
 */
public final class Repetition {
    private Repetition() {}

    /** Share of the text's n-grams that occurred earlier in it; 0 when it has no n-gram. */
    public static double repeatedShare(int[] tokens, int n) {
        int count = count(tokens, n);
        if (count == 0) {
            return 0;
        }
        Set<NGram> seen = new HashSet<>();
        int repeated = 0;
        for (int i = 0; i < count; i++) {
            if (!seen.add(new NGram(tokens, i, n))) {
                repeated++;
            }
        }
        return (double) repeated / count;
    }

    /** Distinct n-grams over all n-grams (distinct-n); 0 when the text has no n-gram. */
    public static double distinct(int[] tokens, int n) {
        int count = count(tokens, n);
        if (count == 0) {
            return 0;
        }
        Set<NGram> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            seen.add(new NGram(tokens, i, n));
        }
        return (double) seen.size() / count;
    }

    private static int count(int[] tokens, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n=" + n + " must be at least 1 (1 counts single tokens, 2 pairs, ...)");
        }
        if (tokens == null) {
            throw new IllegalArgumentException("tokens must not be null");
        }
        return Math.max(0, tokens.length - n + 1);
    }

    /** A view of n tokens, compared by value. */
    private record NGram(int[] tokens, int from, int n) {
        @Override
        public boolean equals(Object other) {
            return other instanceof NGram that
                    && Arrays.equals(tokens, from, from + n, that.tokens, that.from, that.from + n);
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (int i = from; i < from + n; i++) {
                hash = 31 * hash + tokens[i];
            }
            return hash;
        }
    }
}
