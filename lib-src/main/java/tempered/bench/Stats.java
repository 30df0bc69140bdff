package tempered.bench;

import java.util.Arrays;

/** Medians and ranges, the statistics the benchmark reports: robust to the odd slow run on a shared machine. */
final class Stats {
    private Stats() {}

    static double median(double... values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double... values) {
        return sorted(values)[0];
    }

    static double max(double... values) {
        return sorted(values)[values.length - 1];
    }

    private static double[] sorted(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarise; measure at least one run");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
