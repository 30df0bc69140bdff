package tempered.notebook;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart over one shared x axis, built step by step: lines (with error bars if measured), reference lines,
 * the point the chart is about, and log axes where values span decades.
 *
 * <p>Lines keep the order they are added in, which is the legend's order; lines named by a temperature ("T = 0.5")
 * get the sequential palette of {@link Palette}, others the qualitative one. A reference (an asymptote, a target) is
 * drawn dashed and grey, labelled at its end, so it never competes with the data; {@link #mark}, {@link
 * #markMinimum} and {@link #markCrossing} ring the point a reader should look at and label it; {@link #band} shades a
 * stretch of the x axis (the temperatures used in practice) and {@link #referenceAtX} draws a dashed grey limit across
 * it. A log axis ({@link #logX}, {@link #logY}) takes only values above 0 and refuses any other with the series and
 * point named ({@link AxisScale} says why it does not clip them).
 *
 * <pre>{@code
 * double[] t = Charts.logRange(0.01, 100, 50);
 * double[] h = Arrays.stream(t).map(x -> Distribution.of(new double[] {1, 2, 3}, x).entropy()).toArray();
 * LineChart chart = LineChart.of("Entropy against T", "temperature T (log scale)", "nats", t)
 *         .line("entropy", h).reference("ln 3", Math.log(3)).logX();
 * chart.image().getWidth();   // 720
 * }</pre>
 */
public final class LineChart {
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final double[] x;
    private final Map<String, double[]> lines = new LinkedHashMap<>();
    private final Map<String, double[]> errors = new LinkedHashMap<>();
    private final Map<String, double[]> referenceCurves = new LinkedHashMap<>();
    private final Map<String, Double> references = new LinkedHashMap<>();
    private final List<Mark> marks = new ArrayList<>();
    private final List<XRange> xRanges = new ArrayList<>();
    private boolean logX;
    private boolean logY;

    /** A marked point: its label and where it is, in the values of the axes. */
    record Mark(String label, double x, double y) {}

    /** A band of the x axis, or a vertical reference line where {@code from == to}, in the x axis's values. */
    record XRange(String label, double from, double to) {}

    private LineChart(String title, String xTitle, String yTitle, double[] x) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.x = x.clone();
    }

    /** An empty chart over the x values {@code x}, shared by every line. */
    public static LineChart of(String title, String xTitle, String yTitle, double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("a line chart needs x values; use Charts.range or Charts.logRange");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        "x value " + i + " is " + x[i] + "; a chart can only show finite numbers");
            }
        }
        return new LineChart(title, xTitle, yTitle, x);
    }

    /** A line through one y value per x value. */
    public LineChart line(String name, double[] y) {
        lines.put(name, checked(name, y));
        return this;
    }

    /**
     * A line of measured points, each with an error bar of half-width {@code halfWidths[i]} above and below (for
     * example 1.96 standard errors for a 95% interval). Points are marked, since each is a measurement.
     * Half-widths of 0 mark the points alone, also on a log y axis (which draws no other error bars).
     */
    public LineChart line(String name, double[] y, double[] halfWidths) {
        checked(name + "' error bar", halfWidths);
        for (int i = 0; i < halfWidths.length; i++) {
            if (halfWidths[i] < 0) {
                throw new IllegalArgumentException("error bar " + i + " of '" + name + "' is " + halfWidths[i]
                        + "; an error bar is a half-width, never negative");
            }
        }
        lines.put(name, checked(name, y));
        errors.put(name, halfWidths.clone());
        return this;
    }

    /** A horizontal reference line at {@code y}, dashed and grey, labelled {@code name} at its right end. */
    public LineChart reference(String name, double y) {
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "reference '" + name + "' is at " + y + "; a chart can only show finite numbers");
        }
        references.put(name, y);
        return this;
    }

    /** A reference curve (y = x, what theory predicts), dashed and grey, named in the legend. */
    public LineChart reference(String name, double[] y) {
        referenceCurves.put(name, checked(name, y));
        return this;
    }

    /**
     * Shades the stretch of the x axis from {@code from} to {@code to} in light grey behind the lines, labelled at its
     * top: a range the reader should place the lines against, such as the temperatures used in practice.
     *
     * <pre>{@code
     * LineChart chart = LineChart.of("c", "T", "y", new double[] {0.5, 1, 2}).line("y", new double[] {1, 2, 3});
     * chart.band("used in practice", 0.7, 1).referenceAtX("APIs stop at 2", 2).image().getWidth();  // 720
     * }</pre>
     */
    public LineChart band(String label, double from, double to) {
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
            throw new IllegalArgumentException("the band '" + label + "' runs from " + from + " to " + to
                    + "; give two finite x values, the smaller first");
        }
        xRanges.add(new XRange(label, from, to));
        return this;
    }

    /** A vertical reference line at {@code x}, dashed and grey, labelled at its foot: a limit on the x axis. */
    public LineChart referenceAtX(String label, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(
                    "the reference '" + label + "' is at x = " + x + "; a chart can only show finite numbers");
        }
        xRanges.add(new XRange(label, x, x));
        return this;
    }

    /** Rings the point ({@code x}, {@code y}) and labels it: the point the chart is about. */
    public LineChart mark(String label, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException(
                    "the mark '" + label + "' is at (" + x + ", " + y + "); a chart can only show finite numbers");
        }
        marks.add(new Mark(label, x, y));
        return this;
    }

    /**
     * Marks the lowest point of the line {@code name}. In {@code label}, {x} and {y} stand for the point's values
     * to three significant digits: {@code markMinimum("loss", "lowest at T = {x}")}.
     */
    public LineChart markMinimum(String name, String label) {
        double[] y = line(name);
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            best = y[i] < y[best] ? i : best;
        }
        return mark(fill(label, x[best], y[best]), x[best], y[best]);
    }

    /**
     * Marks where the lines {@code first} and {@code second} first cross, between the two x values where their
     * order changes (linearly between them, on the log scale when x is on one). {x} and {y} in {@code label} stand
     * for the crossing's values. Lines that never cross are refused: there is no point to mark.
     */
    public LineChart markCrossing(String first, String second, String label) {
        double[] a = line(first);
        double[] b = line(second);
        for (int i = 1; i < x.length; i++) {
            double before = a[i - 1] - b[i - 1];
            double after = a[i] - b[i];
            if (before == 0 || Math.signum(before) != Math.signum(after)) {
                double f = before == 0 ? 0 : before / (before - after);
                double cx = logX
                        ? Math.exp(Math.log(x[i - 1]) + f * (Math.log(x[i]) - Math.log(x[i - 1])))
                        : x[i - 1] + f * (x[i] - x[i - 1]);
                double cy = a[i - 1] + f * (a[i] - a[i - 1]);
                return mark(fill(label, cx, cy), cx, cy);
            }
        }
        throw new IllegalArgumentException("'" + first + "' and '" + second
                + "' never cross over these x values; mark a point with mark(label, x, y) instead");
    }

    /** Puts x on a log scale: for temperatures spread over decades. */
    public LineChart logX() {
        logX = true;
        return this;
    }

    /** Puts y on a log scale: for values spanning decades (how many tokens hold 90% of the mass). */
    public LineChart logY() {
        logY = true;
        return this;
    }

    /** The chart as an image the kernel shows as a PNG. */
    public BufferedImage image() {
        return ChartFrame.image(chart(), title);
    }

    /** The bands and vertical references so far, in order: a reference is a band of no width. */
    List<XRange> xRanges() {
        return List.copyOf(xRanges);
    }

    /** The points marked so far, in order. */
    List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** The XChart chart under the title, for tests to inspect its series and styles. */
    XYChart chart() {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one line; add one with line(name, y)");
        }
        List<String> legend = new ArrayList<>(lines.keySet());
        legend.addAll(referenceCurves.keySet());
        XYChart chart = ChartFrame.xyChart(xTitle, yTitle, legend);
        AxisScale xs = logX ? AxisScale.log(xTitle, List.of(new AxisScale.Named("x", x)), false) : AxisScale.linear();
        List<AxisScale.Named> ys = new ArrayList<>();
        lines.forEach((name, y) -> ys.add(new AxisScale.Named(name, y)));
        referenceCurves.forEach((name, y) -> ys.add(new AxisScale.Named(name, y)));
        references.forEach((name, y) -> ys.add(new AxisScale.Named(name, new double[] {y})));
        marks.forEach(m -> ys.add(new AxisScale.Named(m.label(), new double[] {m.y()})));
        AxisScale yScale = logY ? AxisScale.log(yTitle, ys, false) : AxisScale.linear();
        chart.getStyler().setxAxisTickLabelsFormattingFunction(xs.labels());
        chart.getStyler().setyAxisTickLabelsFormattingFunction(yScale.labels());
        chart.getStyler().setXAxisTickMarkSpacingHint(xs.spacingHint(ChartFrame.WIDTH - 110, 80));
        chart.getStyler().setYAxisTickMarkSpacingHint(yScale.spacingHint(260, 40));
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        Color[] colours = Palette.colours(lines.keySet());
        double[] shownX = xs.place(x);
        int i = 0;
        for (Map.Entry<String, double[]> line : lines.entrySet()) {
            double[] halfWidths = errors.get(line.getKey());
            XYSeries series = halfWidths == null
                    ? chart.addSeries(line.getKey(), shownX, yScale.place(line.getValue()))
                    : addWithErrors(chart, line.getKey(), shownX, line.getValue(), halfWidths, yScale);
            Color colour = colours[i++ % colours.length];
            series.setLineColor(colour);
            series.setMarkerColor(colour);
            series.setMarker(halfWidths == null ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        referenceCurves.forEach((name, y) -> {
            XYSeries series = chart.addSeries(name, shownX, yScale.place(y));
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Palette.REFERENCE);
            series.setLineStyle(ReferenceLine.DASHED);
        });
        evenTicks(chart, shownX, yScale.place(lines.values().iterator().next()[0]));
        includeInRange(chart, yScale);
        for (XRange range : xRanges) {
            if (logX && !(range.from() > 0)) {
                throw new IllegalArgumentException("'" + range.label() + "' is at x = " + range.from()
                        + ", but the x axis is logarithmic and shows only values above 0");
            }
            chart.addAnnotation(new XRangeMark(range.label(), xs.place(range.from()), xs.place(range.to())));
        }
        references.forEach((name, y) -> chart.addAnnotation(new ReferenceLine(name, yScale.place(y))));
        marks.forEach(m -> chart.addAnnotation(new PointMark(m.label(), xs.place(m.x()), yScale.place(m.y()))));
        return chart;
    }

    /** Error bars on a log axis are drawn from the log of the ends, so they stay around their point. */
    private static XYSeries addWithErrors(
            XYChart chart, String name, double[] x, double[] y, double[] halfWidths, AxisScale scale) {
        if (!scale.isLog()) {
            return chart.addSeries(name, x, y, halfWidths);
        }
        if (Arrays.stream(halfWidths).allMatch(w -> w == 0)) {
            return chart.addSeries(name, x, scale.place(y)); // bars of width 0: only the marked points, on any scale
        }
        throw new IllegalArgumentException("error bars on a log y axis are not drawn: an interval symmetric in the"
                + " values is not symmetric on a log scale; use a linear y axis for '" + name + "'");
    }

    /**
     * XChart puts the ticks of an x axis whose values are evenly spaced (a range, a log range) at data points, which
     * gives labels such as -3.7 or 0.26; one more, hidden point, between the first two, makes it choose round steps.
     */
    private static void evenTicks(XYChart chart, double[] x, double y) {
        if (x.length > 1) {
            XYSeries hidden = chart.addSeries("\u200b", new double[] {(x[0] + x[1]) / 2}, new double[] {y});
            hidden.setMarker(SeriesMarkers.NONE);
            hidden.setLineStyle(SeriesLines.NONE);
            hidden.setShowInLegend(false);
        }
    }

    /** XChart sizes the y axis to the series; a reference line beyond them widens it, so the line stays in view. */
    private void includeInRange(XYChart chart, AxisScale yScale) {
        if (references.isEmpty()) {
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<Map.Entry<String, double[]>> all = new ArrayList<>(lines.entrySet());
        all.addAll(referenceCurves.entrySet());
        for (Map.Entry<String, double[]> series : all) {
            double[] halfWidths = errors.getOrDefault(series.getKey(), new double[x.length]);
            for (int i = 0; i < x.length; i++) {
                low = Math.min(low, yScale.place(series.getValue()[i] - halfWidths[i]));
                high = Math.max(high, yScale.place(series.getValue()[i] + halfWidths[i]));
            }
        }
        for (double y : references.values()) {
            double placed = yScale.place(y);
            if (placed < low) {
                chart.getStyler().setYAxisMin(placed - 0.05 * (high - placed));
            }
            if (placed > high) {
                chart.getStyler().setYAxisMax(placed + 0.05 * (placed - low));
            }
        }
    }

    private double[] line(String name) {
        double[] y = lines.get(name);
        if (y == null) {
            throw new IllegalArgumentException("there is no line '" + name + "'; the lines are " + lines.keySet());
        }
        return y;
    }

    private double[] checked(String name, double[] y) {
        if (y == null || y.length != x.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + (y == null ? 0 : y.length)
                    + " values but there are " + x.length + " x values; give one value per entry");
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(
                        "series '" + name + "' value " + i + " is " + y[i] + "; a chart can only show finite numbers");
            }
        }
        return y.clone();
    }

    private static String fill(String label, double x, double y) {
        return label.replace("{x}", TickLabels.of(threeDigits(x))).replace("{y}", TickLabels.of(threeDigits(y)));
    }

    private static double threeDigits(double value) {
        return value == 0 ? 0 : new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }
}
