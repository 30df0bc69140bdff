package tempered.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's memory read bandwidth, measured by summing a 512 MB array with one thread per core: the
 * speed limit of batch-1 decoding, which reads every weight once per token.
 *
 * <p>It leaves out caches (the array is far larger than any) and writes; the figure is a median of runs.
 */
public final class Bandwidth {
    private Bandwidth() {
    }

    /** Bytes per second: the median of {@code runs} full reads of a {@code megabytes} array. */
    public static double measure(int megabytes, int runs, int threads) {
        long[] data = new long[megabytes * (1 << 20) / Long.BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[] rates = new double[runs + 1];
            long sink = 0;
            for (int run = 0; run <= runs; run++) {
                List<Callable<Long>> parts = new ArrayList<>();
                int chunk = data.length / threads;
                for (int t = 0; t < threads; t++) {
                    int from = t * chunk;
                    int to = t == threads - 1 ? data.length : from + chunk;
                    parts.add(() -> sum(data, from, to));
                }
                long start = System.nanoTime();
                for (Future<Long> part : pool.invokeAll(parts)) {
                    sink += part.get();
                }
                rates[run] = (double) data.length * Long.BYTES / ((System.nanoTime() - start) / 1e9);
            }
            if (sink == 42) {
                // Keeps the sums alive, so the JIT cannot drop the reads.
                System.out.print("");
            }
            // The first run warms up the JIT and the pages; it is left out.
            return Stats.median(Arrays.copyOfRange(rates, 1, rates.length));
        } catch (Exception e) {
            throw new IllegalStateException("could not measure the bandwidth: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Four independent sums, so the loop is bound by memory rather than by one chain of additions. */
    private static long sum(long[] data, int from, int to) {
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            a += data[i];
            b += data[i + 1];
            c += data[i + 2];
            d += data[i + 3];
        }
        for (; i < to; i++) {
            a += data[i];
        }
        return a + b + c + d;
    }
}
