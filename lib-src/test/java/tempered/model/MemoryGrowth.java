package tempered.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import tempered.bench.Memory;

/**
 * Whether a workload run again and again grows resident memory, as a leak of native tensors would. Resident
 * memory wanders as malloc's arenas grow and shrink, so the check compares the median of three readings early on
 * with the median of three at the end.
 */
final class MemoryGrowth {
    private MemoryGrowth() {}

    /**
     * Runs {@code thousandSteps} ten times, reading resident memory after each, and asserts that it grew by less
     * than {@code limit} bytes between the early and the late readings.
     */
    static void assertBelow(long limit, Runnable thousandSteps) {
        long[] readings = new long[10];
        for (int i = 0; i < readings.length; i++) {
            thousandSteps.run();
            readings[i] = Memory.resident();
        }
        long early = median(readings[1], readings[2], readings[3]);
        long late = median(readings[7], readings[8], readings[9]);
        assertTrue(
                late - early < limit,
                "resident memory grew from " + (early >> 20) + " MB to " + (late >> 20)
                        + " MB over 6,000 steps; readings in MB: "
                        + Arrays.toString(
                                Arrays.stream(readings).map(r -> r >> 20).toArray()));
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
