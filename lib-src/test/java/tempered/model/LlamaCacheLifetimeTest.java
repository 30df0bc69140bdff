package tempered.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.bench.Memory;
import tempered.model.synthetic.SyntheticLlama;

/**
 * Thousands of cached steps with grouped-query attention must not grow native memory either: the same check as
 * {@link KvCacheLifetimeTest}, on the Llama-shaped model. Here a leaked step would keep its logits (296 floats per
 * row) and its keys and values, and 3 native tensors per step that were never closed.
 */
class LlamaCacheLifetimeTest {

    @Test
    void sixThousandStepsDoNotGrowResidentMemory(@TempDir Path dir) {
        assumeTrue(Memory.available(), "resident memory is read from /proc, which only Linux has");
        long[] readings = new long[10];
        try (OnnxModel model = OnnxModel.open(SyntheticLlama.write(dir))) {
            for (int i = 0; i < readings.length; i++) {
                run(model, 1_000);
                readings[i] = Memory.resident();
            }
        }
        long early = median(readings[1], readings[2], readings[3]);
        long late = median(readings[7], readings[8], readings[9]);
        assertTrue(
                late - early < 50L << 20,
                "resident memory grew from " + (early >> 20) + " MB to " + (late >> 20)
                        + " MB over 6,000 steps; readings in MB: "
                        + Arrays.toString(
                                Arrays.stream(readings).map(r -> r >> 20).toArray()));
    }

    /** Batches of two, up to the context's 64 positions, so caches are opened, filled and closed again and again. */
    private static void run(OnnxModel model, int steps) {
        int done = 0;
        while (done < steps) {
            try (KvCache cache = model.newCache(2)) {
                cache.append(new int[][] {{272, 265}, {281, 285}});
                done++;
                for (int i = 0; i < 60 && done < steps; i++, done++) {
                    cache.append(new int[][] {{3 + i}, {100 + i}});
                }
            }
        }
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
