package tempered.notebook;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Bars side by side, one group per label (a token) and one bar per series in each (a temperature), built step by
 * step; a log y axis where values span decades.
 *
 * <p>Series named by a temperature get the sequential palette of {@link Palette}, others the qualitative one; a
 * {@link #reference} series (what theory predicts, beside what was counted) is grey. Crowded labels (quoted tokens)
 * are turned and long ones shortened with "…". On a log axis ({@link #logY}) bars start at the decade below the
 * smallest value, since a log axis has no 0, and a value of 0 is refused, naming the bar ({@link AxisScale}).
 *
 * <pre>{@code
 * BarChart.of("softmax([1, 2])", List.of("a", "b")).bars("T=1", new double[] {0.27, 0.73}).image().getHeight();  // 400
 * }</pre>
 */
public final class BarChart {
    private final String title;
    private final List<String> labels;
    private final Map<String, double[]> series = new LinkedHashMap<>();
    private final List<String> references = new ArrayList<>();
    private String yTitle = "probability";
    private boolean logY;

    private BarChart(String title, List<String> labels) {
        this.title = title;
        this.labels = List.copyOf(labels);
    }

    /** An empty chart with one group of bars per label. */
    public static BarChart of(String title, List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs labels, one per group of bars");
        }
        return new BarChart(title, labels);
    }

    /** One bar per label, in the series' colour. */
    public BarChart bars(String name, double[] values) {
        series.put(name, checked(name, values));
        return this;
    }

    /** One grey bar per label: what is expected, beside the bars of what was observed. */
    public BarChart reference(String name, double[] values) {
        bars(name, values);
        references.add(name);
        return this;
    }

    /** The y axis's title ("probability" unless set). */
    public BarChart yTitle(String title) {
        yTitle = title;
        return this;
    }

    /** Puts y on a log scale, for probabilities that span decades (the tail at a high temperature). */
    public BarChart logY() {
        logY = true;
        return this;
    }

    /** The chart as an image the kernel shows as a PNG. */
    public BufferedImage image() {
        return ChartFrame.image(chart(), title);
    }

    /** The XChart chart under the title, for tests to inspect its series and styles. */
    CategoryChart chart() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one series; add one with bars(name, values)");
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(ChartFrame.WIDTH)
                .height(ChartFrame.plotHeight(series.keySet()))
                .xAxisTitle("token")
                .yAxisTitle(yTitle)
                .build();
        ChartFrame.style(chart.getStyler(), series.keySet());
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisLabelRotation(Charts.crowded(labels) ? 45 : 0);
        List<AxisScale.Named> named = new ArrayList<>();
        series.forEach((name, values) -> named.add(new AxisScale.Named(name, values)));
        AxisScale y = logY ? AxisScale.log(yTitle, named, true) : AxisScale.linear();
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y.labels());
        chart.getStyler().setYAxisTickMarkSpacingHint(y.spacingHint(230, 40));
        List<String> coloured = new ArrayList<>(series.keySet());
        coloured.removeAll(references);
        Color[] colours = Palette.colours(coloured);
        List<String> shown = Charts.shortened(labels);
        int i = 0;
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            CategorySeries bars = chart.addSeries(entry.getKey(), shown, boxed(y.place(entry.getValue())));
            bars.setFillColor(references.contains(entry.getKey()) ? Palette.EXPECTED : colours[i++ % colours.length]);
        }
        return chart;
    }

    private double[] checked(String name, double[] values) {
        if (values == null || values.length != labels.size()) {
            throw new IllegalArgumentException("series '" + name + "' has " + (values == null ? 0 : values.length)
                    + " values but there are " + labels.size() + " labels; give one value per entry");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("series '" + name + "' value " + i + " is " + values[i]
                        + "; a chart can only show finite numbers");
            }
        }
        return values.clone();
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
