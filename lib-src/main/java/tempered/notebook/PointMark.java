package tempered.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The point a chart is about (a crossing, a minimum), marked on the plot: a ring around it and a short label beside
 * it, on a white ground so it reads over grid lines. The label goes up and to the right of the point, or to whichever
 * side keeps it inside the plot.
 */
final class PointMark extends Annotation {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final int RING = 7;
    private static final int GAP = 6;

    private final String label;
    private final double x;
    private final double y;

    /** A mark at ({@code x}, {@code y}) in the axes' own units (log10 of the value on a log axis). */
    PointMark(String label, double x, double y) {
        super(false);
        this.label = label;
        this.x = x;
        this.y = y;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int px = getXAxisScreenValue(x);
        int py = getYAxisScreenValue(y);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Ellipse2D.Double(px - RING, py - RING, 2.0 * RING, 2.0 * RING));
        g.fill(new Ellipse2D.Double(px - 2, py - 2, 4, 4));
        g.setFont(LABEL);
        FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(label);
        // Up and to the right, unless that leaves the chart (the plot's own edges are not exposed to annotations).
        int lx = px + RING + GAP + width <= chart.getWidth() - 10 ? px + RING + GAP : px - RING - GAP - width;
        int ly = py - RING - GAP - metrics.getAscent() >= 10 ? py - RING - GAP : py + RING + GAP + metrics.getAscent();
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(lx - 2, ly - metrics.getAscent(), width + 4, metrics.getAscent() + metrics.getDescent());
        g.setColor(Color.BLACK);
        g.drawString(label, lx, ly);
        bounds = new Rectangle2D.Double(
                Math.min(lx, px - RING),
                Math.min(ly - metrics.getAscent(), py - RING),
                width + 2 * RING + GAP,
                metrics.getHeight() + 2 * RING);
    }
}
