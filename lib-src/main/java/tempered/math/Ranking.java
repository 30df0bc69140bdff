package tempered.math;

import java.util.Arrays;

/**
 * Token ids ordered by a score, highest first, ties by the lower id: the order every "top" view uses.
 *
 * <p>A stable merge sort on primitive ints, so that ordering a 50,257-token vocabulary boxes nothing.
 */
public final class Ranking {
    private Ranking() {}

    /** All indices of {@code scores}, highest score first; equal scores keep ascending index order. */
    public static int[] descending(double[] scores) {
        requireScores(scores);
        int n = scores.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int left = 0; left < n - width; left += 2 * width) {
                merge(scores, order, buffer, left, left + width, Math.min(left + 2 * width, n));
            }
        }
        return order;
    }

    /**
     * The index of the highest score, ties to the lowest index: the first entry of {@link #descending}, found in
     * one pass. Every argmax of the library is this one.
     */
    public static int first(double[] scores) {
        requireScores(scores);
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The indices whose score is above {@code floor}, in the order of {@link #descending}: the same prefix,
     * for the price of sorting only those.
     */
    public static int[] descendingAbove(double[] scores, double floor) {
        int count = 0;
        for (double score : scores) {
            if (score > floor) {
                count++;
            }
        }
        int[] ids = new int[count];
        double[] kept = new double[count];
        for (int i = 0, j = 0; i < scores.length; i++) {
            if (scores[i] > floor) {
                ids[j] = i;
                kept[j++] = scores[i];
            }
        }
        int[] order = descending(kept);
        for (int k = 0; k < order.length; k++) {
            order[k] = ids[order[k]];
        }
        return order;
    }

    /**
     * The first {@code n} entries of {@link #descending}, found by one pass that keeps only the best
     * {@code n}: for a top-5 of 50,257 tokens that is far cheaper than sorting them all.
     */
    public static int[] top(double[] scores, int n) {
        requireScores(scores);
        if (n < 0) {
            throw new IllegalArgumentException("top n=" + n + " must be >= 0");
        }
        int k = Math.min(n, scores.length);
        // Insertion into a sorted prefix costs about k per accepted token; past a few hundred a full sort wins.
        if (k > 256) {
            return Arrays.copyOf(descending(scores), k);
        }
        int[] best = new int[k];
        int size = 0;
        for (int i = 0; i < scores.length && k > 0; i++) {
            double score = scores[i];
            // Strictly greater: on a tie the token already kept has the lower id and stays ahead.
            if (size == k && !(score > scores[best[k - 1]])) {
                continue;
            }
            int position = size == k ? k - 1 : size++;
            while (position > 0 && score > scores[best[position - 1]]) {
                best[position] = best[position - 1];
                position--;
            }
            best[position] = i;
        }
        return best;
    }

    private static void requireScores(double[] scores) {
        if (scores == null) {
            throw new IllegalArgumentException("scores must not be null; pass one score per token");
        }
    }

    private static void merge(double[] scores, int[] order, int[] buffer, int from, int mid, int to) {
        int a = from;
        int b = mid;
        int out = from;
        while (a < mid && b < to) {
            // ">=" on the left run keeps equal scores in ascending id order: the sort is stable.
            buffer[out++] = scores[order[a]] >= scores[order[b]] ? order[a++] : order[b++];
        }
        while (a < mid) {
            buffer[out++] = order[a++];
        }
        while (b < to) {
            buffer[out++] = order[b++];
        }
        System.arraycopy(buffer, from, order, from, to - from);
    }
}
