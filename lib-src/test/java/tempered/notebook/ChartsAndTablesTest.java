package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tempered.math.Examples;
import tempered.math.Softmax;

class ChartsAndTablesTest {

    @Test
    void barChartHasOneSeriesPerTemperature() {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (double t : new double[] {0.5, 1, 100}) {
            series.put("T=" + t, Softmax.probs(Examples.WORD_LOGITS, t));
        }
        BufferedImage image = Charts.bars("five words", Examples.WORDS, series);
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertTrue(distinctColours(image) > 4, "the chart draws something");
    }

    @Test
    void lineChartDrawsCurves() {
        double[] x = Charts.range(-2, 2, 41);
        double[] ex = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            ex[i] = Math.exp(x[i]);
        }
        BufferedImage image = Charts.lines("e^x", "x", "y", x, Map.of("e^x", ex));
        assertTrue(distinctColours(image) > 4);
        assertEquals(1e-2, Charts.logRange(1e-2, 1e2, 5)[0], 1e-15);
        assertEquals(1.0, Charts.logRange(1e-2, 1e2, 5)[2], 1e-12);
    }

    @Test
    void chartsRefuseSeriesThatDoNotFitTheLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.bars("x", List.of("a", "b"), Map.of("T=1", new double[] {1, 2, 3})));
        assertEquals("series 'T=1' has 3 values but there are 2 labels; give one value per entry", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.bars("x", List.of("a"), Map.of("T=1", new double[] {Double.NaN})));
        assertTrue(e.getMessage().startsWith("series 'T=1' value 0 is NaN"), e.getMessage());
    }

    @Test
    void probabilityTableHoldsTheReferenceFigures() {
        Table table = Tables.probabilities(Examples.WORDS, Examples.WORD_LOGITS, 1, 100);
        assertEquals(List.of("token", "T=1", "T=100"), table.columnNames());
        assertEquals(0.66571, table.doubleColumn("T=1").get(2), 1e-5);
        assertEquals(0.20436, table.doubleColumn("T=100").get(2), 1e-5);
        String text = Tables.text(table);
        assertTrue(text.contains("0.66571") && text.contains("ceiling"), text);
    }

    @Test
    void htmlColoursEachColumnFromItsOwnMinimumToItsMaximum() {
        String html = Tables.html(Tables.probabilities(Examples.WORDS, Examples.WORD_LOGITS, 1, 100));
        assertTrue(html.contains("<table"), html);
        // mat is the maximum of both columns, ceiling the minimum of both: darkest and white.
        assertEquals(2, count(html, "background-color:#08519c"), html);
        assertEquals(2, count(html, "background-color:#ffffff"), html);
        assertTrue(html.contains("0.20436"));
    }

    @Test
    void tablesRefuseLabelsThatDoNotMatchTheLogits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.probabilities(List.of("a", "b"), new double[] {1, 2, 3}, 1));
        assertEquals("there are 2 labels for 3 logits; give exactly one label per logit", e.getMessage());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
