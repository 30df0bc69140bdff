package tempered.notebook;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import tempered.stats.MeanInterval;

/**
 * Means with their confidence intervals as lines with error bars, one line per entry: for measurements
 * averaged over seeds, where a difference only counts if it is larger than the bars.
 *
 * <p>A point whose interval could not be estimated (every measurement equal) gets no bar. It draws through
 * {@link Charts#linesWithErrorBars}; for plain lines use {@link Charts#lines}.
 *
 * <pre>{@code
 * IntervalChart.lines("Repetition", "temperature T", "share", new double[] {0.5, 1},
 *         Map.of("repeated 3-grams", new MeanInterval[] {MeanInterval.of(0.2, 0.3), MeanInterval.of(0.1, 0.15)}));
 * }</pre>
 */
public final class IntervalChart {
    private IntervalChart() {}

    /** One line per entry through the means, each with its 95% interval as an error bar. */
    public static BufferedImage lines(
            String title, String xTitle, String yTitle, double[] x, Map<String, MeanInterval[]> series) {
        return lines(title, xTitle, yTitle, x, series, false);
    }

    /** The same over a logarithmic x axis, for temperatures spread over decades. */
    public static BufferedImage lines(
            String title, String xTitle, String yTitle, double[] x, Map<String, MeanInterval[]> series, boolean logX) {
        if (series == null || series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series; pass Map.of(name, intervals)");
        }
        Map<String, double[]> means = new LinkedHashMap<>();
        Map<String, double[]> bars = new LinkedHashMap<>();
        series.forEach((name, intervals) -> {
            if (intervals == null || intervals.length != x.length) {
                throw new IllegalArgumentException(
                        "series '" + name + "' has " + (intervals == null ? 0 : intervals.length)
                                + " intervals but there are " + x.length + " x values; give one per x value");
            }
            means.put(
                    name,
                    Arrays.stream(intervals).mapToDouble(MeanInterval::mean).toArray());
            bars.put(
                    name,
                    Arrays.stream(intervals)
                            .mapToDouble(m -> Double.isNaN(m.halfWidth()) ? 0 : m.halfWidth())
                            .toArray());
        });
        return Charts.linesWithErrorBars(title, xTitle, yTitle, x, means, bars, logX);
    }
}
