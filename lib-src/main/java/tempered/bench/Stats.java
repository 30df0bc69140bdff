package tempered.bench;

import java.util.Arrays;

/** Medians, the one statistic the benchmark reports: robust to the odd slow run on a shared machine. */
final class Stats {
    private Stats() {
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
