package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DrawChartsTest {
    private static final List<String> GREETINGS = List.of("Ni Hao", "Konnichiwa", "Hola", "Namaste", "Hello", "Ciao");
    private static final double[] LOGITS = {0.1, 0, 0.5, 1, 4, 0.6};

    @Test
    void theDartChartHasARowPerTemperatureAndIsNotBlank() {
        BufferedImage one = DrawCharts.dart(LOGITS, GREETINGS, 0.5, 1);
        BufferedImage three = DrawCharts.dart(LOGITS, GREETINGS, 0.5, 0.5, 1, 2);
        assertEquals(Charts.WIDTH, three.getWidth());
        assertEquals(2 * 78, three.getHeight() - one.getHeight(), "each temperature adds a row");
        assertTrue(colours(three) > 8, "segments in several colours, labels and the dart");
    }

    /** The bar of the likeliest token is drawn where u = 0.5 falls at T = 1: the pixel under the dart is Hello's colour. */
    @Test
    void theDartSitsAtUAlongTheBar() {
        BufferedImage image = DrawCharts.dart(LOGITS, GREETINGS, 0.95, 1);
        int width = Charts.WIDTH - 92 - 28;
        // u = 0.95 at T = 1 lands in "Hello" (running total 0.107 before it, 0.975 after): the pixel just right of the dart.
        int x = 92 + (int) Math.round(0.95 * width) + 4;
        int y = 56 + 22 + 34 - 3;
        assertEquals(0x56B4E9, image.getRGB(x, y) & 0xFFFFFF);
    }

    @Test
    void countsAgainstProbabilitiesDrawsEverySeries() {
        BufferedImage image = DrawCharts.countsAgainstProbabilities("draws", 1000,
                Map.of("T=1", new double[] {0.25, 0.75}), Map.of("T=1", new long[] {260, 740}));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertTrue(colours(image) > 4);
    }

    @Test
    void refusesInputItCannotDrawWithTheReason() {
        assertEquals("u=1.0 must be in [0, 1), as a uniform draw is",
                assertThrows(IllegalArgumentException.class, () -> DrawCharts.dart(LOGITS, GREETINGS, 1.0, 1)).getMessage());
        assertEquals("a dart chart needs one label per logit: got 6 logits and 2 labels",
                assertThrows(IllegalArgumentException.class, () -> DrawCharts.dart(LOGITS, List.of("a", "b"), 0.5, 1)).getMessage());
        assertEquals("give at least one temperature, for example 1.0",
                assertThrows(IllegalArgumentException.class, () -> DrawCharts.dart(LOGITS, GREETINGS, 0.5)).getMessage());
        assertEquals("series 'T=1' has 2 probabilities but 3 counts; give one count per token",
                assertThrows(IllegalArgumentException.class, () -> DrawCharts.countsAgainstProbabilities("x", 10,
                        Map.of("T=1", new double[] {0.5, 0.5}), Map.of("T=1", new long[] {1, 2, 7}))).getMessage());
        assertEquals("give probabilities and counts under the same series names, for example \"T=1\"",
                assertThrows(IllegalArgumentException.class, () -> DrawCharts.countsAgainstProbabilities("x", 10,
                        Map.of("T=1", new double[] {1}), Map.of("T=2", new long[] {10}))).getMessage());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
