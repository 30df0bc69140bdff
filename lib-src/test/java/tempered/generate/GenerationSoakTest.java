package tempered.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.bench.Memory;
import tempered.model.Gpt2Model;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.sampling.LogitsProcessor;
import tempered.sampling.RandomPicker;
import tempered.sampling.SamplerChain;
import tempered.sampling.Temperature;
import tempered.text.Gpt2Tokenizer;

/**
 * A long run, as a notebook kernel lives for hours: 10,000 generation steps in batches of four, with samples
 * ending early at different times, must leave native and heap memory where they were. Tagged "soak" and
 * left out of the default suite; run it with {@code mvn -B test -Dgroups=soak -Dsoak.excluded=none}.
 */
@Tag("soak")
class GenerationSoakTest {

    /** Ends a sample whenever its last token's id is a multiple of 13, so samples in a batch stop at different steps. */
    private static final LogitsProcessor SOMETIMES_END = (logits, history) -> {
        if (history.length > 6 && history[history.length - 1] % 13 == 0) {
            double[] end = new double[logits.length];
            Arrays.fill(end, Double.NEGATIVE_INFINITY);
            end[Gpt2Tokenizer.END_OF_TEXT] = 0;
            return end;
        }
        return logits.clone();
    };

    @Test
    void tenThousandStepsLeaveMemoryFlat(@TempDir Path dir) {
        assumeTrue(Memory.available(), "resident memory is read from /proc, which only Linux has");
        Map<StopReason, Integer> stops = new EnumMap<>(StopReason.class);
        long[] resident = new long[10];
        long[] heap = new long[10];
        try (Gpt2Model model = Gpt2Model.open(SyntheticGpt2.write(dir, SyntheticGpt2.Layout.MERGED))) {
            Generator generator = new Generator(model);
            int steps = 0;
            int round = 0;
            for (int reading = 0; reading < 10; reading++) {
                while (steps < (reading + 1) * 1_000) {
                    SamplerChain chain =
                            new SamplerChain(List.of(new Temperature(1.3), SOMETIMES_END), new RandomPicker(round++));
                    Generation generation = generator.generate(
                            "The cat slept on the",
                            chain,
                            GenerationSettings.of(40).withSamples(4));
                    for (Sample sample : generation.samples()) {
                        steps += sample.steps().size();
                        stops.merge(sample.stop(), 1, Integer::sum);
                    }
                }
                resident[reading] = Memory.resident();
                heap[reading] = Runtime.getRuntime().totalMemory()
                        - Runtime.getRuntime().freeMemory();
            }
            assertTrue(steps >= 10_000);
        }
        assertTrue(
                stops.getOrDefault(StopReason.END_OF_TEXT, 0) > 50
                        && stops.getOrDefault(StopReason.MAX_NEW_TOKENS, 0) > 10,
                "samples ended both early and at the limit: " + stops);
        long residentGrowth = median(resident, 7) - median(resident, 1);
        long heapGrowth = median(heap, 7) - median(heap, 1);
        String readings = "resident MB "
                + Arrays.toString(Arrays.stream(resident).map(r -> r >> 20).toArray()) + ", heap MB "
                + Arrays.toString(Arrays.stream(heap).map(r -> r >> 20).toArray());
        System.out.println("soak: " + stops + "; " + readings);
        assertTrue(
                residentGrowth < 100L << 20, "resident memory grew by " + (residentGrowth >> 20) + " MB: " + readings);
        assertTrue(heapGrowth < 50L << 20, "heap grew by " + (heapGrowth >> 20) + " MB: " + readings);
    }

    /** The median of three readings from {@code from}: resident memory wanders as malloc's arenas grow and shrink. */
    private static long median(long[] values, int from) {
        long[] three = Arrays.copyOfRange(values, from, from + 3);
        Arrays.sort(three);
        return three[1];
    }
}
