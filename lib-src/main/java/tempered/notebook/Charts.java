package tempered.notebook;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts for the notebooks, drawn with XChart and returned as images, which the Java kernel shows as PNG
 * when a cell ends on one.
 *
 * <p>Series keep the order of the map they come in (use {@link LinkedHashMap} or {@link Map#of} with one
 * entry), so a legend reads in the order of the temperatures. It draws bars and lines only; for anything
 * else build an XChart chart and call {@link #image}.
 *
 * <pre>{@code
 * Charts.bars("softmax([1, 2])", List.of("a", "b"), Map.of("T=1", new double[] {0.27, 0.73}));
 * // a 720 x 400 bar chart
 * }</pre>
 */
public final class Charts {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 400;

    private Charts() {
    }

    /** One bar per label: a single distribution. */
    public static BufferedImage bars(String title, List<String> labels, double[] values) {
        return bars(title, labels, Map.of("probability", values));
    }

    /** Bars side by side, one series per entry (for example one per temperature), one group per label. */
    public static BufferedImage bars(String title, List<String> labels, Map<String, double[]> series) {
        checkSeries(labels.size(), "labels", series);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("token").yAxisTitle("probability").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        series.forEach((name, values) -> chart.addSeries(name, labels, boxed(values)));
        return image(chart);
    }

    /** Lines over one shared x axis, one per entry; set {@code logX} for temperatures spread over decades. */
    public static BufferedImage lines(String title, String xTitle, String yTitle, double[] x,
                                      Map<String, double[]> series, boolean logX) {
        checkSeries(x.length, "x values", series);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendVisible(series.size() > 1);
        series.forEach((name, values) -> chart.addSeries(name, x, values).setMarker(SeriesMarkers.NONE));
        return image(chart);
    }

    /** Lines over a linear x axis. */
    public static BufferedImage lines(String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        return lines(title, xTitle, yTitle, x, series, false);
    }

    /** Evenly spaced numbers from {@code from} to {@code to}, both included: the x values of a smooth curve. */
    public static double[] range(double from, double to, int count) {
        if (count < 2 || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("range needs finite ends and count >= 2, got " + from + ", " + to + ", " + count);
        }
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = from + (to - from) * i / (count - 1);
        }
        return x;
    }

    /** Numbers spaced evenly on a log scale, from {@code from} to {@code to}: temperatures over decades. */
    public static double[] logRange(double from, double to, int count) {
        if (!(from > 0 && to > 0)) {
            throw new IllegalArgumentException("logRange needs positive ends, got " + from + " and " + to);
        }
        double[] exponents = range(Math.log10(from), Math.log10(to), count);
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = Math.pow(10, exponents[i]);
        }
        return x;
    }

    /** Any XChart chart as an image the kernel shows. */
    public static BufferedImage image(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
    }

    // Okabe and Ito's palette: distinguishable with the common colour-vision deficiencies.
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000)};

    private static void checkSeries(int expected, String what, Map<String, double[]> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series; pass Map.of(name, values)");
        }
        series.forEach((name, values) -> {
            if (values == null || values.length != expected) {
                throw new IllegalArgumentException("series '" + name + "' has " + (values == null ? 0 : values.length)
                        + " values but there are " + expected + " " + what + "; give one value per entry");
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("series '" + name + "' value " + i + " is " + values[i]
                            + "; a chart can only show finite numbers");
                }
            }
        });
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
