package tempered.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.OnnxModel;
import tempered.model.OnnxWeights;
import tempered.model.synthetic.SyntheticLlama;

/**
 * Each model's bound is the bandwidth over the bytes its own file says a step reads, and its share is its decoding
 * over that bound: the arithmetic, on made-up speeds and a made-up bandwidth, with no timing.
 */
class FamilySpeedTest {
    @TempDir
    Path folder;

    private final List<OnnxModel> opened = new ArrayList<>();
    private final List<FamilySpeed.Entry> models = new ArrayList<>();

    @BeforeEach
    void openTheTinyLlamaInEveryPrecision() {
        for (SyntheticLlama.Precision precision : SyntheticLlama.Precision.values()) {
            Path dir = SyntheticLlama.write(folder, SyntheticLlama.Shape.TINY, 7, precision, false);
            OnnxModel model = OnnxModel.open(dir.resolve(precision.file));
            opened.add(model);
            models.add(new FamilySpeed.Entry("Llama " + precision.name(), model));
        }
    }

    @AfterEach
    void close() {
        opened.forEach(OnnxModel::close);
    }

    private static double bytes(FamilySpeed.Entry entry) {
        return OnnxWeights.read(entry.model().info().file()).bytesReadPerToken();
    }

    private static double value(Measurements figures, String label) {
        return figures.get(label)
                .orElseThrow(() -> new AssertionError("no " + label + ":\n" + figures.format()))
                .value();
    }

    @Test
    void eachBoundIsTheBandwidthOverTheBytesItsFileSaysAStepReads() {
        Measurements figures = new Measurements();
        double[] decoding = {200, 500, 800};
        for (int i = 0; i < models.size(); i++) {
            String label = models.get(i).label();
            if (i > 0) {
                // The ratio's label also starts with the decoding's; it must not be taken for it.
                figures.add(Figure.exact(FamilySpeed.decode(label) + " / Llama FLOAT32 beside it", "x", 99));
            }
            figures.add(Figure.exact(FamilySpeed.decode(label) + ", batch 1, 24 tokens", "tokens/s", decoding[i]));
        }
        BandwidthBound bound = new BandwidthBound(8e9, "java", true, "made up");
        FamilySpeed.bounds(models, bound, figures);
        double[] bounds = new double[models.size()];
        for (int i = 0; i < models.size(); i++) {
            String label = models.get(i).label();
            double bytes = bytes(models.get(i));
            assertEquals(bytes / 1e6, value(figures, label + ": weights read per token"), 1e-12);
            bounds[i] = value(figures, label + ": bandwidth bound");
            assertEquals(8e9 / bytes, bounds[i], 1e-9 * bounds[i]);
            assertEquals(100 * decoding[i] / bounds[i], value(figures, label + ": decoding as a share of its bound"));
        }
        // TINY: a float32 step reads about 112 kB, an int8 one about 28 kB, a 4-bit one about 22 kB.
        assertEquals(4, bounds[1] / bounds[0], 0.4);
        assertTrue(bounds[2] > bounds[1], "4 bits read fewer bytes than int8: " + figures.format());
    }

    @Test
    void anUnstableBoundGivesTheBoundsButNoShares() {
        Measurements figures = new Measurements();
        for (FamilySpeed.Entry entry : models) {
            figures.add(Figure.exact(FamilySpeed.decode(entry.label()) + ", batch 1, 24 tokens", "tokens/s", 100));
        }
        FamilySpeed.bounds(models, new BandwidthBound(8e9, "java", false, "made up"), figures);
        for (FamilySpeed.Entry entry : models) {
            assertTrue(figures.get(entry.label() + ": bandwidth bound").isPresent(), figures.format());
            assertFalse(
                    figures.get(entry.label() + ": decoding as a share of its bound")
                            .isPresent(),
                    figures.format());
        }
    }

    @Test
    void aModelWhoseDecodingWasNotMeasuredGetsNoShare() {
        Measurements figures = new Measurements();
        FamilySpeed.bounds(models.subList(0, 1), new BandwidthBound(8e9, "java", true, "made up"), figures);
        assertEquals(
                List.of("Llama FLOAT32: weights read per token", "Llama FLOAT32: bandwidth bound"),
                figures.all().stream().map(Figure::label).toList());
    }
}
