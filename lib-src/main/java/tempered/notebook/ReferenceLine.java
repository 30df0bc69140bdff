package tempered.notebook;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A horizontal reference line across the plot (an asymptote such as ln 50257, a target such as one half), dashed
 * and grey so it stays behind the data, with its name written at its right end rather than in the legend: the
 * reader need not match a colour to learn what it is.
 */
final class ReferenceLine extends Annotation {
    static final BasicStroke DASHED =
            new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String label;
    private final double y;

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
        // Above the line, or below it when the line runs along the top of the chart.
        int ly = py - 4 - metrics.getAscent() >= 10 ? py - 4 : py + 4 + metrics.getAscent();
        g.drawString(label, right - width - 4, ly);
        bounds =
                new Rectangle2D.Double(left, Math.min(py, ly - metrics.getAscent()), right - left, metrics.getHeight());
    }
}
