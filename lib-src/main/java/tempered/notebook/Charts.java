package tempered.notebook;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts for the notebooks, drawn with XChart and returned as images, which the Java kernel shows as PNG
 * when a cell ends on one: the short forms of {@link LineChart} and {@link BarChart}, which build the same charts
 * step by step and add what these leave out (reference lines, a marked point, a log axis for bars), and the
 * pictures of draws (counts against probabilities, the dart).
 *
 * <p>Series keep the order of the map they come in (use {@link LinkedHashMap} or {@link Map#of} with one
 * entry), so a legend reads in the order of the temperatures; series named by a temperature ("T=0.5") are coloured
 * from cold to hot on a sequential palette ({@link Palette}). Legends sit below the plot, never over a line; titles
 * wrap rather than being cut ({@link ChartFrame}); crowded category labels (quoted tokens) are turned and long ones
 * shortened with "…"; tick labels keep their leading zero ({@link TickLabels}); a log axis is labelled at each decade
 * when it spans two decades or more, else at several readable values ({@link AxisScale}). For anything else build an
 * XChart chart and call {@link #image}.
 *
 * <pre>{@code
 * Charts.bars("softmax([1, 2])", List.of("a", "b"), Map.of("T=1", new double[] {0.27, 0.73})).getWidth();  // 720
 * }</pre>
 */
public final class Charts {
    public static final int WIDTH = ChartFrame.WIDTH;
    public static final int HEIGHT = ChartFrame.HEIGHT;
    /** The most bars (tokens) a bar chart takes: about 6 pixels each, their labels turned. */
    public static final int MOST_BARS = 100;
    /** The most points {@link #range} makes: far more than the 720 pixels of a chart can tell apart. */
    public static final int MOST_POINTS = 10_000;

    private Charts() {}

    /** One bar per label: a single distribution. */
    public static BufferedImage bars(String title, List<String> labels, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("Charts.bars: the values are null; pass one value per label");
        }
        return bars(title, labels, Map.of("probability", values));
    }

    /** Bars side by side, one series per entry (for example one per temperature), one group per label. */
    public static BufferedImage bars(String title, List<String> labels, Map<String, double[]> series) {
        requireTitles("Charts.bars", title);
        requireLabels("Charts.bars", labels);
        checkSeries(labels.size(), "labels", series);
        BarChart chart = BarChart.of(title, labels);
        series.forEach(chart::bars);
        return chart.image();
    }

    /**
     * Draws against what the probabilities predict: for each token, a bar of the expected count n * p and one
     * bar per series of observed counts beside it (for example "by hand" and "library", drawn with the same
     * seed). Every series must hold the same number of draws n.
     *
     * <pre>{@code
     * // not run: words, wordLogits and counts come from notebook 03
     * Charts.countsAgainstProbs("1,000 draws at T = 1", words, Softmax.probs(wordLogits, 1),
     *         Map.of("library", counts));   // "expected n·p" in grey, then the counts
     * }</pre>
     */
    public static BufferedImage countsAgainstProbs(
            String title, List<String> labels, double[] probs, Map<String, int[]> counts) {
        requireTitles("Charts.countsAgainstProbs", title);
        requireLabels("Charts.countsAgainstProbs", labels);
        if (probs == null) {
            throw new IllegalArgumentException(
                    "Charts.countsAgainstProbs: the probabilities are null; pass one probability per label");
        }
        checkSeries(labels.size(), "labels", Map.of("probabilities", probs));
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] < 0 || probs[i] > 1) {
                throw new IllegalArgumentException("Charts.countsAgainstProbs: probability " + i + " is " + probs[i]
                        + "; a probability is a number from 0 to 1");
            }
        }
        if (counts == null || counts.isEmpty()) {
            throw new IllegalArgumentException(
                    "give at least one series of counts, for example Map.of(\"library\", counts)");
        }
        Map<String, double[]> observed = new LinkedHashMap<>();
        long draws = -1;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] values = entry.getValue();
            if (values == null || values.length != labels.size()) {
                throw new IllegalArgumentException(
                        "counts '" + entry.getKey() + "' has " + (values == null ? 0 : values.length)
                                + " entries but there are " + labels.size() + " labels; give one count per token");
            }
            long total = 0;
            double[] asDoubles = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0) {
                    throw new IllegalArgumentException("counts '" + entry.getKey() + "' has " + values[i]
                            + " draws of token " + i + "; counts are never negative");
                }
                total += values[i];
                asDoubles[i] = values[i];
            }
            if (draws >= 0 && total != draws) {
                throw new IllegalArgumentException("counts '" + entry.getKey() + "' hold " + total
                        + " draws, the others " + draws + "; compare series with the same number of draws");
            }
            draws = total;
            observed.put(entry.getKey(), asDoubles);
        }
        double[] expected = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            expected[i] = draws * probs[i];
        }
        String expectedName = String.format(Locale.ROOT, "expected n\u00b7p (n = %,d)", draws);
        BarChart chart = BarChart.of(title, labels).yTitle("draws").reference(expectedName, expected);
        observed.forEach(chart::bars);
        return chart.image();
    }

    /**
     * The dart picture of one draw: the distribution at each temperature as one horizontal bar, a segment per
     * token in id order, and the same uniform number {@code u} in [0, 1) marked as a dart across them all,
     * with the token it lands on (the one {@link tempered.math.Distribution#sample} draws for that u) at the
     * end of each row. One row per temperature; 0 is greedy.
     *
     * <pre>{@code
     * Charts.dart(wordLogits, words, 0.62, 0.5, 1, 2);   // the same dart lands on different words
     * }</pre>
     */
    public static BufferedImage dart(double[] logits, List<String> labels, double u, double... temperatures) {
        return DartChart.draw(logits, labels, u, Palette.QUALITATIVE, temperatures);
    }

    /** Lines over one shared x axis, one per entry; set {@code logX} for temperatures spread over decades. */
    public static BufferedImage lines(
            String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series, boolean logX) {
        return lines(title, xTitle, yTitle, x, series, logX, false);
    }

    /**
     * Lines with a log scale on either axis: {@code logY} for counts that span decades (how many tokens hold
     * 90% of the mass). A log axis needs values above 0.
     */
    public static BufferedImage lines(
            String title,
            String xTitle,
            String yTitle,
            double[] x,
            Map<String, double[]> series,
            boolean logX,
            boolean logY) {
        requireTitles("Charts.lines", title, xTitle, yTitle);
        requirePoints("Charts.lines", x);
        checkSeries(x.length, "x values", series);
        LineChart chart = LineChart.of(title, xTitle, yTitle, x);
        series.forEach(chart::line);
        if (logX) {
            chart.logX();
        }
        if (logY) {
            chart.logY();
        }
        return chart.image();
    }

    /**
     * Lines with an error bar at every point: {@code errors} gives, per series, the half-width drawn above and
     * below each value (for example 1.96 standard errors for a 95% interval). Points are marked, since each is
     * a measurement.
     *
     * <pre>{@code
     * Charts.linesWithErrorBars("Distinct 2-grams over 8 seeds", "T", "distinct-2", temperatures,
     *         Map.of("mean", means), Map.of("mean", halfWidths), false);
     * }</pre>
     */
    public static BufferedImage linesWithErrorBars(
            String title,
            String xTitle,
            String yTitle,
            double[] x,
            Map<String, double[]> means,
            Map<String, double[]> errors,
            boolean logX) {
        requireTitles("Charts.linesWithErrorBars", title, xTitle, yTitle);
        requirePoints("Charts.linesWithErrorBars", x);
        checkSeries(x.length, "x values", means);
        checkSeries(x.length, "x values", errors);
        if (!errors.keySet().equals(means.keySet())) {
            throw new IllegalArgumentException("errors are given for " + errors.keySet() + " but the series are "
                    + means.keySet() + "; give one array of error bars per series, under the same name");
        }
        errors.forEach((name, values) -> {
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0) {
                    throw new IllegalArgumentException("error bar " + i + " of '" + name + "' is " + values[i]
                            + "; an error bar is a half-width, never negative");
                }
            }
        });
        LineChart chart = LineChart.of(title, xTitle, yTitle, x);
        means.forEach((name, values) -> chart.line(name, values, errors.get(name)));
        if (logX) {
            chart.logX();
        }
        return chart.image();
    }

    /**
     * Counts of {@code draws} draws against the probabilities they were drawn from, as points: one per token and
     * series (for example per temperature) at (probability, count), and the dashed line count = draws x probability
     * on which every point would sit with infinitely many draws.
     *
     * <pre>{@code
     * var chart = Charts.countsScatter("draws", 1000, Map.of("T=1", new double[] {0.25, 0.75}), Map.of("T=1", new long[] {260, 740}));
     * chart.getWidth();   // 720
     * }</pre>
     */
    public static BufferedImage countsScatter(
            String title, long draws, Map<String, double[]> probabilities, Map<String, long[]> counts) {
        requireTitles("Charts.countsScatter", title);
        checkCounts(draws, probabilities, counts);
        if (probabilities == null
                || counts == null
                || probabilities.isEmpty()
                || !probabilities.keySet().equals(counts.keySet())) {
            throw new IllegalArgumentException(
                    "give probabilities and counts under the same series names, for example \"T=1\"");
        }
        List<String> legend = new ArrayList<>(probabilities.keySet());
        legend.add("draws x probability");
        XYChart chart = ChartFrame.xyChart(
                "probability of the token",
                "times drawn in " + String.format(Locale.ROOT, "%,d", draws) + " draws",
                legend);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(TickLabels::of);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(TickLabels::of);
        Color[] colours = Palette.colours(probabilities.keySet());
        double top = 0;
        int s = 0;
        for (Map.Entry<String, double[]> entry : probabilities.entrySet()) {
            double[] p = entry.getValue();
            long[] n = counts.get(entry.getKey());
            if (n.length != p.length) {
                throw new IllegalArgumentException("series '" + entry.getKey() + "' has " + p.length
                        + " probabilities but " + n.length + " counts; give one count per token");
            }
            double[] observed = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                observed[i] = n[i];
                top = Math.max(top, p[i]);
            }
            XYSeries series = chart.addSeries(entry.getKey(), p, observed);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(colours[s++ % colours.length]);
        }
        XYSeries expected =
                chart.addSeries("draws x probability", new double[] {0, top}, new double[] {0, draws * top});
        expected.setMarker(SeriesMarkers.NONE);
        expected.setLineColor(Palette.REFERENCE);
        expected.setLineStyle(ReferenceLine.DASHED);
        return ChartFrame.image(chart, title);
    }

    /** Lines over a linear x axis. */
    public static BufferedImage lines(
            String title, String xTitle, String yTitle, double[] x, Map<String, double[]> series) {
        return lines(title, xTitle, yTitle, x, series, false);
    }

    /** Evenly spaced numbers from {@code from} to {@code to}, both included: the x values of a smooth curve. */
    public static double[] range(double from, double to, int count) {
        if (count > MOST_POINTS) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Charts.range: count=%d points are more than a chart can show; use at most %,d (a chart is %d pixels"
                            + " wide)",
                    count,
                    MOST_POINTS,
                    WIDTH));
        }
        if (count < 2 || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException(
                    "range needs finite ends and count >= 2, got " + from + ", " + to + ", " + count);
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

    /** Any XChart chart as an image the kernel shows, its title drawn by XChart as it is. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Labels longer than this are shortened with "…" on category axes. */
    static final int LONGEST_LABEL = 16;

    /** The labels as a category axis shows them: each at most {@link #LONGEST_LABEL} characters. */
    static List<String> shortened(List<String> labels) {
        List<String> out = new ArrayList<>(labels.size());
        for (String label : labels) {
            String s = label.length() > LONGEST_LABEL ? label.substring(0, LONGEST_LABEL - 1) + "\u2026" : label;
            // XChart merges equal categories: a shortened label that repeats an earlier one gets an invisible
            // zero-width space, so each token keeps its own bars.
            while (out.contains(s)) {
                s = s + "\u200b";
            }
            out.add(s);
        }
        return out;
    }

    /** True when the labels, written flat, would run into each other (about 7 pixels a character). */
    static boolean crowded(List<String> labels) {
        int longest = 0;
        for (String label : shortened(labels)) {
            longest = Math.max(longest, label.length());
        }
        return (longest + 1) * 7 > (WIDTH - 120) / Math.max(1, labels.size());
    }

    /** Titles a chart shows: none may be null (XChart would fail on it); "" shows none. */
    private static void requireTitles(String method, String title, String... axisTitles) {
        if (title == null) {
            throw new IllegalArgumentException(method + ": the title is null; pass \"\" for a chart without one");
        }
        String[] axes = {"x", "y"};
        for (int i = 0; i < axisTitles.length; i++) {
            if (axisTitles[i] == null) {
                throw new IllegalArgumentException(
                        method + ": the " + axes[i] + " axis title is null; pass \"\" for an axis without one");
            }
        }
    }

    /** Category labels: at least one, none null, no more than a chart can show. */
    private static void requireLabels(String method, List<String> labels) {
        if (labels == null) {
            throw new IllegalArgumentException(
                    method + ": the labels are null; pass one label per bar, for example List.of(\"a\", \"b\")");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(
                    method + ": there are no labels, so there is nothing to draw; pass at least one label and value");
        }
        if (labels.size() > MOST_BARS) {
            // Refused rather than cut: the first bars of an arbitrary order would not be the ones that matter, and
            // 50,257 of them take XChart about 40 s to draw into a picture nobody can read.
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: %,d bars do not fit in a chart %d pixels wide (at most %d); chart the likeliest, for example the"
                            + " ids of Ranking.top(probs, 20) labelled by TokenTables.labels(ids), or draw them all as a"
                            + " line with Charts.lines",
                    method,
                    labels.size(),
                    WIDTH,
                    MOST_BARS));
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null) {
                throw new IllegalArgumentException(
                        method + ": label " + i + " is null; give every bar a label (\"\" for none)");
            }
        }
    }

    /** The x values of a line chart: at least one, finite, no more than {@link #MOST_POINTS}. */
    private static void requirePoints(String method, double[] x) {
        if (x == null) {
            throw new IllegalArgumentException(method + ": the x values are null; pass one x value per point, for"
                    + " example Charts.range(0, 1, 50)");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(
                    method + ": there are no x values, so there is nothing to draw; pass at least one point");
        }
        if (x.length > MOST_POINTS) {
            // 50,257 points (a curve over the whole vocabulary) take XChart about 7 s, onto 720 pixels.
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s: %,d points are more than a chart %d pixels wide can show (at most %,d, which take seconds to"
                            + " draw); plot every k-th point, or the likeliest 1,000 by rank",
                    method,
                    x.length,
                    WIDTH,
                    MOST_POINTS));
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        method + ": x value " + i + " is " + x[i] + "; a chart can only show finite numbers");
            }
        }
    }

    /** Counts of draws against their probabilities: at least one draw, counts from 0 to the draws, probabilities in [0, 1]. */
    private static void checkCounts(long draws, Map<String, double[]> probabilities, Map<String, long[]> counts) {
        String method = "Charts.countsScatter";
        if (draws < 1) {
            throw new IllegalArgumentException(
                    method + ": draws=" + draws + " must be at least 1: the counts are out of that many draws");
        }
        if (probabilities == null || counts == null || !probabilities.keySet().equals(counts.keySet())) {
            return; // Said by countsScatter itself.
        }
        for (Map.Entry<String, double[]> entry : probabilities.entrySet()) {
            double[] p = entry.getValue();
            long[] n = counts.get(entry.getKey());
            if (p == null || p.length == 0) {
                throw new IllegalArgumentException(method + ": series '" + entry.getKey() + "' has no probabilities, so"
                        + " there is nothing to draw; pass at least one token's");
            }
            for (int i = 0; i < p.length; i++) {
                if (!(p[i] >= 0 && p[i] <= 1)) {
                    throw new IllegalArgumentException(method + ": series '" + entry.getKey() + "' probability " + i
                            + " is " + p[i] + "; a probability is a number from 0 to 1");
                }
            }
            long total = 0;
            if (n == null) {
                throw new IllegalArgumentException(
                        method + ": series '" + entry.getKey() + "' has no counts (null); give one count per token");
            }
            for (int i = 0; i < n.length; i++) {
                total += Math.max(0, n[i]);
                if (n[i] < 0) {
                    throw new IllegalArgumentException(method + ": series '" + entry.getKey() + "' count " + i + " is "
                            + n[i] + "; a count of draws is never negative");
                }
                if (n[i] > draws) {
                    throw new IllegalArgumentException(method + ": series '" + entry.getKey() + "' count " + i + " is "
                            + n[i] + ", more than the " + draws + " draws");
                }
            }
            if (total > draws) {
                throw new IllegalArgumentException(method + ": series '" + entry.getKey() + "' counts add up to "
                        + total + ", more than the " + draws + " draws");
            }
        }
    }

    private static void checkSeries(int expected, String what, Map<String, double[]> series) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series; pass Map.of(name, values)");
        }
        // Not containsKey(null): Map.of's maps throw on it.
        if (series.keySet().stream().anyMatch(name -> name == null)) {
            throw new IllegalArgumentException("a series has no name (null); name each series, for example \"T=1\"");
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
}
