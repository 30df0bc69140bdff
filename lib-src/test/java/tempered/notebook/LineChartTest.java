package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tempered.math.Distribution;
import tempered.math.Examples;

class LineChartTest {
    private static final double[] T = Charts.logRange(0.01, 1000, 200);

    private static double[] entropy() {
        return Arrays.stream(T)
                .map(t -> Distribution.of(Examples.WORD_LOGITS, t).entropy())
                .toArray();
    }

    @Test
    void temperaturesAreColouredColdToHotAndReferencesAreDashedGrey() {
        double[] x = Charts.range(-4, 1, 51);
        LineChart chart = LineChart.of("slopes", "x", "y", x)
                .line("T = 0.5", x)
                .line("T = 2", x)
                .reference("expected", x)
                .reference("zero", 0);
        XYChart xy = chart.chart();
        assertEquals(Palette.ramp(0), xy.getSeriesMap().get("T = 0.5").getLineColor());
        assertEquals(Palette.ramp(1), xy.getSeriesMap().get("T = 2").getLineColor());
        XYSeries expected = xy.getSeriesMap().get("expected");
        assertEquals(Palette.REFERENCE, expected.getLineColor());
        assertTrue(expected.getLineStyle().getDashArray() != null, "dashed");
        assertTrue(count(chart.image(), Palette.REFERENCE.getRGB()) > 100, "the grey references are drawn");
        assertTrue(
                count(LineChart.of("none", "x", "y", x).line("T = 0.5", x).image(), Palette.REFERENCE.getRGB()) < 20,
                "without references, that grey is only a few anti-aliased pixels of text");
    }

    @Test
    void aReferenceBeyondTheDataWidensTheAxisSoItStaysInView() {
        XYChart xy = LineChart.of("entropy", "T", "nats", T)
                .line("H", entropy())
                .reference("ln 50257", Math.log(50257))
                .logX()
                .chart();
        assertTrue(xy.getStyler().getYAxisMax() > Math.log(50257), "the axis reaches ln 50257");
    }

    @Test
    void markingFindsTheCrossingAndTheMinimum() {
        double[] x = Charts.range(0, 1, 11);
        double[] up = x.clone();
        double[] down = Arrays.stream(x).map(v -> 1 - v).toArray();
        LineChart chart = LineChart.of("cross", "x", "y", x)
                .line("up", up)
                .line("down", down)
                .markCrossing("up", "down", "they cross at x = {x}");
        assertEquals(
                new LineChart.Mark("they cross at x = 0.5", 0.5, 0.5),
                chart.marks().get(0));
        // On a log x axis the crossing is interpolated on the log scale: log10(T) and -log10(T) meet at T = 1.
        double[] logUp = Arrays.stream(T).map(Math::log10).toArray();
        double[] logDown = Arrays.stream(logUp).map(v -> -v).toArray();
        LineChart.Mark logCross = LineChart.of("c", "T", "y", T)
                .line("a", logUp)
                .line("b", logDown)
                .logX()
                .markCrossing("a", "b", "T = {x}")
                .marks()
                .get(0);
        assertEquals(1, logCross.x(), 1e-9);
        double[] parabola = Arrays.stream(x).map(v -> (v - 0.3) * (v - 0.3) + 2).toArray();
        assertEquals(
                new LineChart.Mark("lowest at 0.3, 2", 0.3, 2.0),
                LineChart.of("p", "x", "y", x)
                        .line("p", parabola)
                        .markMinimum("p", "lowest at {x}, {y}")
                        .marks()
                        .get(0));
        assertEquals(
                "'up' and 'up2' never cross over these x values; mark a point with mark(label, x, y) instead",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LineChart.of("n", "x", "y", x)
                                        .line("up", up)
                                        .line(
                                                "up2",
                                                Arrays.stream(up)
                                                        .map(v -> v + 1)
                                                        .toArray())
                                        .markCrossing("up", "up2", "never"))
                        .getMessage());
    }

    @Test
    void tickLabelsKeepTheirLeadingZero() {
        XYChart xy = LineChart.of("small", "x", "y", new double[] {0, 1, 2})
                .line("y", new double[] {0.001, 0.004, 0.006})
                .chart();
        assertEquals(
                "0.001", xy.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.001));
        assertEquals(
                "0.5", xy.getStyler().getxAxisTickLabelsFormattingFunction().apply(0.5));
    }

    @Test
    void aLogYAxisMarksPointsGivenBarsOfWidthZero() {
        double[] x = {0.5, 1, 2};
        double[] medians = {2, 40, 3000};
        XYChart marked = LineChart.of("t", "T", "tokens", x)
                .line("median", medians, new double[3])
                .logY()
                .chart();
        XYChart plain = LineChart.of("t", "T", "tokens", x)
                .line("median", medians)
                .logY()
                .chart();
        XYSeries dots = marked.getSeriesMap().get("median");
        assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE, dots.getMarker());
        assertTrue(Arrays.equals(plain.getSeriesMap().get("median").getYData(), dots.getYData()));
    }

    @Test
    void aLogYAxisRefusesZeroAndErrorBars() {
        double[] x = {1, 2, 3};
        assertEquals(
                "'tokens' value 1 is 0.0, but the axis 'tokens kept' is logarithmic and shows only values above 0;"
                        + " use a linear axis or drop that point",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> LineChart.of("t", "T", "tokens kept", x)
                                        .line("tokens", new double[] {1, 0, 3})
                                        .logY()
                                        .image())
                        .getMessage());
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> LineChart.of("t", "T", "y", x)
                                .line("m", new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1})
                                .logY()
                                .image())
                .getMessage()
                .startsWith("error bars on a log y axis are not drawn"));
    }

    @Test
    void theLongestTitleANotebookUsesWrapsInsteadOfBeingCut() {
        String title = "Tokens surviving top-p 0.95 and min-p 0.05 after \""
                + "Once upon a time, in a distant galaxy, there was a spaceship called Voyager.\"";
        java.util.List<String> lines = ChartFrame.wrap(title, ChartFrame.TITLE, Charts.WIDTH - 40);
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(ChartFrame.width(line, ChartFrame.TITLE) <= Charts.WIDTH - 40, line);
        }
        assertEquals(title, String.join(" ", lines));
        BufferedImage image =
                LineChart.of(title, "T", "tokens", T).line("T = 1", entropy()).image();
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT + ChartFrame.TITLE_LINE, image.getHeight(), "one line taller for the second line");
        assertEquals(
                Charts.HEIGHT,
                LineChart.of("Short", "T", "y", T)
                        .line("T = 1", entropy())
                        .image()
                        .getHeight());
        assertEquals(
                java.util.List.of("abcdefgh", "ijkl"),
                ChartFrame.wrap("abcdefghijkl", ChartFrame.TITLE, ChartFrame.width("abcdefgh", ChartFrame.TITLE)),
                "a word longer than the line is cut where it must be");
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += image.getRGB(x, y) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
