package tempered.notebook;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tempered.stats.BootstrapMean;

/**
 * Measured means with their 95% intervals as lines through the means and a vertical bar from each interval's low end
 * to its high end, which need not be symmetric around the mean (a {@link BootstrapMean} on a share near 1 is not);
 * single values (one greedy text) as points without a bar, in their series' colour if asked; references (a human
 * text) dashed and grey, labelled in the room left for them at the right.
 *
 * <p>Several series measured at the same x values are drawn side by side, each shifted a little, so that their bars
 * do not hide one another; the shift is a drawing aid, not a measurement. A mean whose measurements were all equal
 * gets no bar: there was no spread to resample, which is not certainty.
 *
 * <pre>{@code
 * RangeChart chart = RangeChart.of("Repetition", "temperature T", "share")
 *         .series("repeated 3-grams", new double[] {0.5, 1},
 *                 new BootstrapMean[] {BootstrapMean.of(0.2, 0.3, 0.1), BootstrapMean.of(0.1, 0.15, 0.05)})
 *         .point("greedy (T = 0, one text)", 0, 0.4)
 *         .reference("human text", 0.02);
 * chart.image().getWidth();   // 720
 * }</pre>
 */
public final class RangeChart {
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final Map<String, Measured> series = new LinkedHashMap<>();
    private final Map<String, double[]> points = new LinkedHashMap<>();
    private final Map<String, String> pointColours = new LinkedHashMap<>();
    private final Map<String, Double> references = new LinkedHashMap<>();

    private record Measured(double[] x, BootstrapMean[] values) {}

    private RangeChart(String title, String xTitle, String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /** An empty chart. */
    public static RangeChart of(String title, String xTitle, String yTitle) {
        return new RangeChart(title, xTitle, yTitle);
    }

    /** A line through the means of {@code values}, one per x value, each with its interval as a bar. */
    public RangeChart series(String name, double[] x, BootstrapMean[] values) {
        if (x == null || values == null || x.length != values.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has " + (values == null ? 0 : values.length)
                    + " means for " + (x == null ? 0 : x.length) + " x values; give one mean per x value");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || values[i] == null) {
                throw new IllegalArgumentException("series '" + name + "' point " + i
                        + " is missing or not finite; measure it before charting it");
            }
        }
        series.put(name, new Measured(x.clone(), values.clone()));
        return this;
    }

    /** One value without an interval (a single deterministic text), drawn as a point, named in the legend. */
    public RangeChart point(String name, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "the point '" + name + "' is at (" + x + ", " + y + "); a chart can only show finite numbers");
        }
        points.put(name, new double[] {x, y});
        return this;
    }

    /**
     * {@link #point(String, double, double)} in the colour of the series {@code series}: the same measure taken on
     * a single text (the greedy one beside the sampled ones).
     */
    public RangeChart point(String name, double x, double y, String series) {
        if (!this.series.containsKey(series)) {
            throw new IllegalArgumentException("there is no series '" + series
                    + "' to colour the point after; the series are " + this.series.keySet());
        }
        pointColours.put(name, series);
        return point(name, x, y);
    }

    /** A horizontal reference line at {@code y}, dashed and grey, labelled {@code name} at its right end. */
    public RangeChart reference(String name, double y) {
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "reference '" + name + "' is at " + y + "; a chart can only show finite numbers");
        }
        references.put(name, y);
        return this;
    }

    /** The chart as an image the kernel shows as a PNG. */
    public BufferedImage image() {
        return ChartFrame.image(chart(), title);
    }

    /** The XChart chart under the title, for tests to inspect. */
    XYChart chart() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a range chart needs at least one series; add one with series(...)");
        }
        List<String> legend = new ArrayList<>(series.keySet());
        legend.addAll(points.keySet());
        XYChart chart = ChartFrame.xyChart(xTitle, yTitle, legend);
        chart.getStyler()
                .setxAxisTickLabelsFormattingFunction(AxisScale.linear().labels());
        chart.getStyler()
                .setyAxisTickLabelsFormattingFunction(AxisScale.linear().labels());
        double xLow = Double.POSITIVE_INFINITY;
        double xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY;
        double yHigh = Double.NEGATIVE_INFINITY;
        for (Measured m : series.values()) {
            for (int i = 0; i < m.x().length; i++) {
                xLow = Math.min(xLow, m.x()[i]);
                xHigh = Math.max(xHigh, m.x()[i]);
                BootstrapMean b = m.values()[i];
                yLow = Math.min(yLow, b.noSpread() ? b.mean() : b.low());
                yHigh = Math.max(yHigh, b.noSpread() ? b.mean() : b.high());
            }
        }
        for (double[] p : points.values()) {
            xLow = Math.min(xLow, p[0]);
            xHigh = Math.max(xHigh, p[0]);
            yLow = Math.min(yLow, p[1]);
            yHigh = Math.max(yHigh, p[1]);
        }
        double shift = series.size() < 2 ? 0 : 0.012 * Math.max(xHigh - xLow, 1e-9);
        Color[] colours = Palette.colours(legend);
        int index = 0;
        for (Map.Entry<String, Measured> entry : series.entrySet()) {
            Color colour = colours[index % colours.length];
            double offset = (index - (series.size() - 1) / 2.0) * shift;
            Measured m = entry.getValue();
            double[] x = new double[m.x().length];
            double[] y = new double[m.x().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = m.x()[i] + offset;
                y[i] = m.values()[i].mean();
            }
            XYSeries line = chart.addSeries(entry.getKey(), x, y);
            line.setLineColor(colour);
            line.setMarkerColor(colour);
            line.setMarker(SeriesMarkers.CIRCLE);
            for (int i = 0; i < x.length; i++) {
                BootstrapMean b = m.values()[i];
                if (b.noSpread()) {
                    continue;
                }
                XYSeries bar = chart.addSeries(
                        entry.getKey() + " \u200b" + i, new double[] {x[i], x[i]}, new double[] {b.low(), b.high()});
                bar.setLineColor(colour);
                bar.setMarker(SeriesMarkers.NONE);
                bar.setShowInLegend(false);
            }
            index++;
        }
        List<String> names = new ArrayList<>(series.keySet());
        for (Map.Entry<String, double[]> p : points.entrySet()) {
            XYSeries point =
                    chart.addSeries(p.getKey(), new double[] {p.getValue()[0]}, new double[] {p.getValue()[1]});
            String like = pointColours.get(p.getKey());
            Color colour =
                    like != null ? colours[names.indexOf(like) % colours.length] : colours[index++ % colours.length];
            point.setMarker(SeriesMarkers.DIAMOND);
            point.setMarkerColor(colour);
            point.setLineStyle(SeriesLines.NONE);
        }
        for (double y : references.values()) {
            yLow = Math.min(yLow, y);
            yHigh = Math.max(yHigh, y);
        }
        double pad = 0.06 * Math.max(yHigh - yLow, 1e-9);
        chart.getStyler().setYAxisMin(yLow - pad);
        chart.getStyler().setYAxisMax(yHigh + pad);
        double xPad = 0.04 * Math.max(xHigh - xLow, 1e-9);
        chart.getStyler().setXAxisMin(xLow - xPad);
        // No extra room for the references' names: each moves off the data by itself (ReferenceLine).
        chart.getStyler().setXAxisMax(xHigh + xPad);
        references.forEach((name, y) -> chart.addAnnotation(new ReferenceLine(name, y)));
        return chart;
    }
}
