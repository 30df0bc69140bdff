package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tempered.stats.MeanInterval;

class IntervalChartTest {
    @Test
    void theChartDrawsLinesWithBarsAndChecksItsSeries() {
        MeanInterval[] intervals = {
            MeanInterval.of(0.2, 0.3, 0.25), MeanInterval.of(0.1, 0.1), MeanInterval.of(0.05, 0.08)
        };
        BufferedImage image = IntervalChart.lines("t", "x", "y", new double[] {1, 2, 3}, Map.of("share", intervals));
        assertEquals(Charts.WIDTH, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 3) {
            for (int y = 0; y < image.getHeight(); y += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 4, "the chart draws something");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> IntervalChart.lines("t", "x", "y", new double[] {1, 2}, Map.of("share", intervals)));
        assertEquals("series 'share' has 3 intervals but there are 2 x values; give one per x value", e.getMessage());
    }
}
