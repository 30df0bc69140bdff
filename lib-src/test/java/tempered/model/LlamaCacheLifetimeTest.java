package tempered.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
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
        try (OnnxModel model = OnnxModel.open(SyntheticLlama.write(dir))) {
            MemoryGrowth.assertBelow(50L << 20, () -> run(model, 1_000));
        }
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
}
