package tempered.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.bench.Memory;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticGpt2.Layout;

/**
 * 10,000 cached steps must not grow native memory. A step that forgot to close its run would keep its
 * logits (50,257 floats per row) and keys and values: about 400 KB a step here, 400 MB per thousand steps.
 * Resident memory wanders by about 100 MB as malloc's arenas grow and shrink, so the test compares the
 * median of three readings early on with the median of three at the end.
 */
class KvCacheLifetimeTest {

    @Test
    void tenThousandStepsDoNotGrowResidentMemory(@TempDir Path dir) {
        assumeTrue(Memory.available(), "resident memory is read from /proc, which only Linux has");
        try (Gpt2Model model = Gpt2Model.open(SyntheticGpt2.write(dir, Layout.MERGED))) {
            MemoryGrowth.assertBelow(100L << 20, () -> run(model, 1_000));
        }
    }

    /** Batches of two, 45 steps each, so caches are opened, filled and closed again and again. */
    private static void run(Gpt2Model model, int steps) {
        int done = 0;
        while (done < steps) {
            try (KvCache cache = model.newCache(2)) {
                cache.append(new int[][] {{464, 3797}, {464, 3290}});
                done++;
                for (int i = 0; i < 44 && done < steps; i++, done++) {
                    cache.append(new int[][] {{i}, {i + 1}});
                }
            }
        }
    }
}
