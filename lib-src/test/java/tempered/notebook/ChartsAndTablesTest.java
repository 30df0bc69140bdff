package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Charts.bars("x", List.of("a", "b"), Map.of("T=1", new double[] {1, 2, 3})));
        assertEquals("series 'T=1' has 3 values but there are 2 labels; give one value per entry", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
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
    void htmlShadesEveryTemperatureColumnOnTheTablesOneProbabilityScale() {
        String html = Tables.html(Tables.probabilities(Examples.WORDS, Examples.WORD_LOGITS, 1, 100));
        assertTrue(html.contains("<table"), html);
        // mat at T = 1 (0.66571) is the table's largest probability: the darkest cell, and the only one.
        assertEquals(1, count(html, "background-color:#08519c"), html);
        // At T = 100 every word holds about 0.2: pale cells, about 0.2 / 0.666 = 0.3 of the way, not white to blue.
        String pale = Shading.colour(0.20436 / 0.66571);
        assertTrue(
                html.contains("background-color:" + pale
                        + ";color:#111111;text-align:right;font-variant-numeric:tabular-nums\">0.20436"),
                html);
        assertEquals(
                0,
                count(html, "background-color:#ffffff"),
                "a probability scale starts at 0, not at the smallest value: " + html);
    }

    @Test
    void tablesRefuseLabelsThatDoNotMatchTheLogits() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Tables.probabilities(List.of("a", "b"), new double[] {1, 2, 3}, 1));
        assertEquals("there are 2 labels for 3 logits; give exactly one label per logit", e.getMessage());
    }

    @Test
    void theSameDartLandsOnDifferentTokensAsTheTemperatureReshapesTheBar() {
        double u = 0.95;
        double[] temperatures = {0.5, 1, 2};
        BufferedImage image = Charts.dart(Examples.WORD_LOGITS, Examples.WORDS, u, temperatures);
        assertEquals(Charts.WIDTH, image.getWidth());
        // The rows start 62 pixels down, 58 apart, 34 high; the bar runs from x = 80 to WIDTH - 150.
        int dart = 80 + (int) Math.round(u * (Charts.WIDTH - 80 - 150));
        int[] expected = {2, 3, 4};
        for (int row = 0; row < temperatures.length; row++) {
            assertEquals(expected[row], expectedHit(u, temperatures[row]), "mat, car, grass as T rises");
            assertEquals(
                    Palette.QUALITATIVE[expected[row]].getRGB(),
                    image.getRGB(dart - 5, 62 + 58 * row + 5),
                    "row T = " + temperatures[row]);
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Charts.dart(Examples.WORD_LOGITS, Examples.WORDS, 1.0, 1));
        assertTrue(e.getMessage().startsWith("u=1.0 must be in [0, 1)"), e.getMessage());
    }

    /** Where a dart at u lands: the first token whose running total passes u, walking ids in order. */
    private static int expectedHit(double u, double temperature) {
        double[] p = Softmax.probs(Examples.WORD_LOGITS, temperature);
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            total += p[i];
            if (u < total) {
                return i;
            }
        }
        return p.length - 1;
    }

    @Test
    void countsStandBesideWhatTheProbabilitiesPredict() {
        double[] p = Softmax.probs(Examples.WORD_LOGITS, 1);
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("by hand", new int[] {7, 211, 664, 86, 32});
        counts.put("library", new int[] {7, 211, 664, 86, 32});
        BufferedImage image = Charts.countsAgainstProbs("1,000 draws", Examples.WORDS, p, counts);
        assertTrue(distinctColours(image) > 4);
        counts.put("short", new int[] {1, 2, 3, 4, 5});
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Charts.countsAgainstProbs("x", Examples.WORDS, p, counts));
        assertEquals(
                "counts 'short' hold 15 draws, the others 1000; compare series with the same number of draws",
                e.getMessage());
    }

    @Test
    void errorBarsBelongToTheirSeriesAndAreNeverNegative() {
        double[] x = {0.5, 1, 1.5};
        BufferedImage image = Charts.linesWithErrorBars(
                "distinct-2",
                "T",
                "share",
                x,
                Map.of("mean", new double[] {0.3, 0.5, 0.7}),
                Map.of("mean", new double[] {0.05, 0.04, 0.02}),
                false);
        assertTrue(distinctColours(image) > 4);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Charts.linesWithErrorBars(
                        "d",
                        "T",
                        "y",
                        x,
                        Map.of("mean", new double[] {1, 2, 3}),
                        Map.of("sd", new double[] {1, 1, 1}),
                        false));
        assertEquals(
                "errors are given for [sd] but the series are [mean]; give one array of error bars per series, under the same name",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Charts.linesWithErrorBars(
                        "d",
                        "T",
                        "y",
                        x,
                        Map.of("mean", new double[] {1, 2, 3}),
                        Map.of("mean", new double[] {1, -1, 1}),
                        false));
        assertEquals("error bar 1 of 'mean' is -1.0; an error bar is a half-width, never negative", e.getMessage());
    }

    @Test
    void logAxesTakeOnlyPositiveValues() {
        double[] x = Charts.logRange(0.2, 5, 9);
        assertTrue(distinctColours(Charts.lines("short range", "T", "y", x, Map.of("y", x), true, true)) > 4);
        assertTrue(
                distinctColours(Charts.lines("decades", "T", "y", Charts.logRange(0.01, 100, 9), Map.of("y", x), true))
                        > 4);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Charts.lines(
                        "t",
                        "T",
                        "tokens",
                        x,
                        Map.of("tokens", new double[] {1, 2, 3, 0, 5, 6, 7, 8, 9}),
                        false,
                        true));
        assertEquals(
                "'tokens' value 3 is 0.0, but the axis 'tokens' is logarithmic and shows only values above 0; use a linear axis or drop that point",
                e.getMessage());
    }

    @Test
    void longLegendsGoBelowThePlotOneNameALine() {
        double[] x = Charts.range(0, 1, 5);
        Map<String, double[]> short_ = new LinkedHashMap<>();
        Map<String, double[]> long_ = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            short_.put("T=" + i, x);
            long_.put("Artificial Intelligence is transforming the " + i, x);
        }
        assertEquals(Charts.HEIGHT, Charts.lines("short", "x", "y", x, short_).getHeight());
        assertEquals(
                Charts.HEIGHT + 5 * ChartFrame.LEGEND_LINE,
                Charts.lines("long", "x", "y", x, long_).getHeight());
    }

    @Test
    void crowdedTokenLabelsAreShortenedAndTurned() {
        List<String> labels =
                List.of("\" visualization\"", "\" a rather long token text\"", "\" a rather long token text!\"");
        assertEquals(
                List.of("\" visualization\"", "\" a rather long\u2026", "\" a rather long\u2026\u200b"),
                Charts.shortened(labels));
        assertTrue(Charts.crowded(List.of(
                "\" visualize\"",
                "\" create\"",
                "\" see\"",
                "\" make\"",
                "\" easily\"",
                "\" quickly\"",
                "\" explore\"",
                "\" find\"",
                "\" understand\"",
                "\" build\"")));
        assertFalse(Charts.crowded(Examples.WORDS));
    }

    @Test
    void onlyValueColumnsAreShadedAndTextIsLeftAligned() {
        Table table = Table.create(
                "t",
                tech.tablesaw.api.StringColumn.create("token", List.of("a", "b")),
                tech.tablesaw.api.IntColumn.create("id", new int[] {7, 9}),
                tech.tablesaw.api.DoubleColumn.create("p", new double[] {0.2, 0.8}));
        String html = Tables.html(table);
        assertEquals(2, count(html, "background-color:"), "the probabilities only, not the ids: " + html);
        assertEquals(3, count(html, "text-align:left"), "the token column, header and cells: " + html);
        assertTrue(html.contains("<td style=\"text-align:right;font-variant-numeric:tabular-nums\">7</td>"), html);
    }

    @Test
    void wideLinesBecomeATableRowByRow() {
        Tables.Rows rows = Tables.rows("prompt", "T", "tokens", "top 50 hold");
        rows.add("Data visualization empowers users to", 0.5, 3, 0.99812);
        rows.add("The cat slept on the", 2.0, 12_345L, 0.4);
        Table table = rows.table();
        assertEquals(List.of("prompt", "T", "tokens", "top 50 hold"), table.columnNames());
        assertTrue(table.column("prompt") instanceof tech.tablesaw.api.StringColumn);
        assertTrue(table.column("tokens") instanceof tech.tablesaw.api.LongColumn);
        assertEquals("0.9981", table.doubleColumn("top 50 hold").getString(0));
        String html = Tables.html(table);
        assertTrue(html.contains("12,345") || html.contains("12345"), html);
        assertEquals(4, count(html, "background-color:"), "T and top 50 hold are value columns: " + html);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rows.add("too few"));
        assertEquals(
                "a row of 1 values for the 4 columns [prompt, T, tokens, top 50 hold]; give one value per column",
                e.getMessage());
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

    @Test
    void countsScatterDrawsEverySeriesAndRefusesMismatchedInput() {
        BufferedImage image = Charts.countsScatter(
                "draws", 1000, Map.of("T=1", new double[] {0.25, 0.75}), Map.of("T=1", new long[] {260, 740}));
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(
                "series 'T=1' has 2 probabilities but 3 counts; give one count per token",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Charts.countsScatter(
                                        "x", 10, Map.of("T=1", new double[] {0.5, 0.5}), Map.of("T=1", new long[] {
                                            1, 2, 7
                                        })))
                        .getMessage());
        assertEquals(
                "give probabilities and counts under the same series names, for example \"T=1\"",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Charts.countsScatter(
                                        "x", 10, Map.of("T=1", new double[] {1}), Map.of("T=2", new long[] {10})))
                        .getMessage());
    }
}
