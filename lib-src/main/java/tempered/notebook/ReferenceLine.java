package tempered.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A horizontal reference line across the plot (an asymptote such as ln 50257, a target such as one half), dashed
 * and grey so it stays behind the data, with its name written at its right end rather than in the legend: the
 * reader need not match a colour to learn what it is. Where the data would run through the name there, it goes below
 * the line, or to the left end, whichever is clear first.
 */
final class ReferenceLine extends Annotation {
    static final BasicStroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String label;
    private final double y;
    private Rectangle2D labelBox;

    /** A line at {@code y} in the y axis's own units (log10 of the value on a log axis). */
    ReferenceLine(String label, double y) {
        super(false);
        this.label = label;
        this.y = y;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int left = getXAxisScreenValueForMin();
        int right = getXAxisScreenValueForMax();
        int py = getYAxisScreenValue(y);
        g.setColor(Palette.REFERENCE);
        g.setStroke(DASHED);
        g.drawLine(left, py, right, py);
        g.setFont(LABEL);
        FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(label);
        int above = py - 4;
        int below = py + 4 + metrics.getAscent();
        int[][] places = {{right - width - 4, above}, {right - width - 4, below}, {left + 4, above}, {left + 4, below}};
        int[] place = places[0];
        for (int[] candidate : places) {
            Rectangle2D box = box(candidate, width, metrics);
            if (candidate[1] - metrics.getAscent() >= 10 && !crossesData(box)) {
                place = candidate;
                break;
            }
        }
        if (place == places[0] && above - metrics.getAscent() < 10) {
            place = places[1]; // the line runs along the top of the chart
        }
        g.setColor(new Color(255, 255, 255, 200));
        Rectangle2D box = box(place, width, metrics);
        labelBox = box;
        g.fill(box);
        g.setColor(Palette.REFERENCE);
        g.drawString(label, place[0], place[1]);
        bounds = new Rectangle2D.Double(left, Math.min(py, box.getY()), right - left, metrics.getHeight());
    }

    /** Where the name was last written, in screen pixels; null before the chart is drawn. */
    Rectangle2D labelBox() {
        return labelBox;
    }

    private static Rectangle2D box(int[] place, int width, FontMetrics metrics) {
        return new Rectangle2D.Double(
                place[0] - 2, place[1] - metrics.getAscent(), width + 4, metrics.getAscent() + metrics.getDescent());
    }

    /** Whether a drawn series (its lines, markers or error bars) passes through {@code box}, in screen pixels. */
    private boolean crossesData(Rectangle2D box) {
        Rectangle2D around =
                new Rectangle2D.Double(box.getX() - 4, box.getY() - 4, box.getWidth() + 8, box.getHeight() + 8);
        for (Object value : chart.getSeriesMap().values()) {
            if (!(value instanceof XYSeries series)) {
                continue;
            }
            boolean drawsLine = series.getLineStyle() != SeriesLines.NONE;
            if (!drawsLine && series.getMarker() == SeriesMarkers.NONE) {
                continue; // a hidden series that only steers XChart's ticks
            }
            double[] x = series.getXData();
            double[] y = series.getYData();
            double[] errors = series.getExtraValues();
            for (int i = 0; i < x.length; i++) {
                int sx = getXAxisScreenValue(x[i]);
                int sy = getYAxisScreenValue(y[i]);
                if (around.contains(sx, sy)) {
                    return true;
                }
                if (errors != null
                        && around.intersectsLine(new Line2D.Double(
                                sx,
                                getYAxisScreenValue(y[i] - errors[i]),
                                sx,
                                getYAxisScreenValue(y[i] + errors[i])))) {
                    return true;
                }
                if (drawsLine
                        && i > 0
                        && around.intersectsLine(
                                getXAxisScreenValue(x[i - 1]), getYAxisScreenValue(y[i - 1]), sx, sy)) {
                    return true;
                }
            }
        }
        return false;
    }
}
