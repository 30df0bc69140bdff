package tempered.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A stretch of the x axis shaded in light grey from the bottom of the plot to its top (the temperatures used in
 * practice), or, when it has no width, a vertical reference line, dashed and grey (the largest temperature an API
 * accepts). Its label is written beside it, a band's at the top of the plot and a line's at the bottom, so no legend
 * entry is needed. The shade is
 * translucent: it is painted over the lines, which must still show through.
 */
final class XRangeMark extends Annotation {
    static final Color SHADE = new Color(0x70, 0x70, 0x70, 40);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final String label;
    private final double from;
    private final double to;

    /** From {@code from} to {@code to} in the x axis's own units (log10 of the value on a log axis). */
    XRangeMark(String label, double from, double to) {
        super(false);
        this.label = label;
        this.from = from;
        this.to = to;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int left = getXAxisScreenValue(from);
        int right = getXAxisScreenValue(to);
        // Which of the two is the top of the plot is XChart's business: take the smaller pixel row.
        int top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
        int bottom = Math.max(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
        if (right > left) {
            g.setColor(SHADE);
            g.fillRect(left, top, right - left, bottom - top);
        } else {
            g.setColor(Palette.REFERENCE);
            g.setStroke(ReferenceLine.DASHED);
            g.drawLine(left, top, left, bottom);
        }
        g.setFont(LABEL);
        g.setColor(Palette.REFERENCE);
        FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(label);
        // Just right of the band's left edge (or of the line), or left of it where it would leave the chart. A band's
        // label sits at the top of the plot and a line's at the bottom, so that a band and a line close together,
        // or a horizontal reference labelled near the top, do not write over each other.
        int lx = left + 4 + width <= chart.getWidth() - 10 ? left + 4 : left - 4 - width;
        int ly = right > left ? top + 4 + metrics.getAscent() : bottom - 4 - metrics.getDescent();
        g.drawString(label, lx, ly);
        bounds = new Rectangle2D.Double(
                Math.min(left, lx), top, Math.max(right, lx + width) - Math.min(left, lx), bottom - top);
    }
}
