package tempered.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tempered.format.Numbers;
import tempered.math.Softmax;

/**
 * Two pictures of drawing one token: the distribution as a stacked bar with the uniform number u thrown at it as
 * a dart, and counts of many draws against the probabilities they came from.
 *
 * <p>It leaves out everything but these two charts; bars and lines are in {@link Charts}.
 *
 * <pre>{@code
 * DrawCharts.dart(new double[] {0.1, 0, 0.5, 1, 4, 0.6}, greetings, 0.9, 0.5, 1, 2);
 * // three stacked bars, one per temperature, each with the dart at 0.9 and the greeting it lands on
 * }</pre>
 */
public final class DrawCharts {
    private static final int LEFT = 92;
    private static final int RIGHT = 28;
    private static final int TOP = 56;
    private static final int ROW = 78;
    private static final int BAR = 34;
    private static final int LEGEND = 46;
    // Okabe and Ito's palette, as in Charts: distinguishable with the common colour-vision deficiencies.
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x999999)};

    private DrawCharts() {
    }

    /**
     * One stacked bar per temperature: a segment per token, as long as its probability, in the tokens' order, and a
     * dart at {@code u}. The token under the dart is the one a draw with that u returns: the first whose running
     * total of probabilities passes u.
     */
    public static BufferedImage dart(double[] logits, List<String> labels, double u, double... temperatures) {
        if (labels == null || logits == null || labels.size() != logits.length) {
            throw new IllegalArgumentException("a dart chart needs one label per logit: got " + (logits == null ? 0 : logits.length)
                    + " logits and " + (labels == null ? 0 : labels.size()) + " labels");
        }
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u=" + u + " must be in [0, 1), as a uniform draw is");
        }
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("give at least one temperature, for example 1.0");
        }
        int height = TOP + ROW * temperatures.length + LEGEND;
        BufferedImage image = new BufferedImage(Charts.WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, Charts.WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            centre(g, String.format(Locale.ROOT, "The same dart, u = %.3f, at %d temperatures", u, temperatures.length), Charts.WIDTH / 2, 26);
            for (int row = 0; row < temperatures.length; row++) {
                drawRow(g, Softmax.probs(logits, temperatures[row]), labels, u, temperatures[row], TOP + row * ROW);
            }
            drawLegend(g, labels, height - LEGEND + 14);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawRow(Graphics2D g, double[] probs, List<String> labels, double u, double temperature, int y) {
        int width = Charts.WIDTH - LEFT - RIGHT;
        int barTop = y + 22;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString("T = " + Numbers.format(temperature), 12, barTop + BAR / 2 + 5);
        double start = 0;
        int hit = -1;
        for (int i = 0; i < probs.length; i++) {
            int x0 = LEFT + (int) Math.round(start * width);
            double end = start + probs[i];
            int x1 = LEFT + (int) Math.round(Math.min(1, end) * width);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(x0, barTop, Math.max(0, x1 - x0), BAR);
            g.setColor(Color.WHITE);
            g.drawLine(x1, barTop, x1, barTop + BAR);
            String text = labels.get(i);
            FontMetrics metrics = g.getFontMetrics();
            if (metrics.stringWidth(text) + 6 < x1 - x0) {
                g.setColor(readableOn(PALETTE[i % PALETTE.length]));
                centre(g, text, (x0 + x1) / 2, barTop + BAR / 2 + 5);
            }
            // The walk a draw makes: the first token whose running total passes u.
            if (hit < 0 && probs[i] > 0 && u < end) {
                hit = i;
            }
            start = end;
        }
        if (hit < 0) {
            hit = lastPossible(probs);
        }
        int dartX = LEFT + (int) Math.round(u * width);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(dartX, barTop - 8, dartX, barTop + BAR + 4);
        g.fillPolygon(new Polygon(new int[] {dartX - 7, dartX + 7, dartX}, new int[] {barTop - 16, barTop - 16, barTop - 4}, 3));
        g.setStroke(new BasicStroke(1f));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        String landed = String.format(Locale.ROOT, "lands on %s (p = %.3f)", labels.get(hit), probs[hit]);
        int textWidth = g.getFontMetrics().stringWidth(landed);
        int textX = dartX + 12 + textWidth < Charts.WIDTH - 4 ? dartX + 12 : dartX - 12 - textWidth;
        g.drawString(landed, textX, barTop - 6);
    }

    /** Black text on a light colour, white on a dark one (by the colour's relative luminance). */
    private static Color readableOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 140 ? Color.BLACK : Color.WHITE;
    }

    private static int lastPossible(double[] probs) {
        for (int i = probs.length - 1; i >= 0; i--) {
            if (probs[i] > 0) {
                return i;
            }
        }
        return probs.length - 1;
    }

    private static void drawLegend(Graphics2D g, List<String> labels, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics metrics = g.getFontMetrics();
        int x = LEFT;
        for (int i = 0; i < labels.size(); i++) {
            int needed = 18 + metrics.stringWidth(labels.get(i)) + 16;
            if (x + needed > Charts.WIDTH - RIGHT) {
                break;
            }
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(x, y, 13, 13);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x + 18, y + 11);
            x += needed;
        }
    }

    private static void centre(Graphics2D g, String text, int x, int baseline) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }

    /**
     * Counts of {@code draws} draws against the probabilities they were drawn from: one point per token and
     * series (for example per temperature), at (probability, count), and the line count = draws x probability on
     * which every point would sit with infinitely many draws.
     */
    public static BufferedImage countsAgainstProbabilities(String title, long draws, Map<String, double[]> probabilities,
            Map<String, long[]> counts) {
        if (probabilities == null || counts == null || probabilities.isEmpty() || !probabilities.keySet().equals(counts.keySet())) {
            throw new IllegalArgumentException("give probabilities and counts under the same series names, for example \"T=1\"");
        }
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("probability of the token").yAxisTitle("times drawn in " + String.format(Locale.ROOT, "%,d", draws) + " draws")
                .build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setSeriesColors(PALETTE);
        styler.setAntiAlias(true);
        chart.getStyler().setMarkerSize(9);
        double top = 0;
        for (Map.Entry<String, double[]> entry : probabilities.entrySet()) {
            double[] p = entry.getValue();
            long[] n = counts.get(entry.getKey());
            if (n == null || n.length != p.length) {
                throw new IllegalArgumentException("series '" + entry.getKey() + "' has " + p.length + " probabilities but "
                        + (n == null ? 0 : n.length) + " counts; give one count per token");
            }
            double[] observed = new double[n.length];
            for (int i = 0; i < n.length; i++) {
                observed[i] = n[i];
                top = Math.max(top, p[i]);
            }
            XYSeries series = chart.addSeries(entry.getKey(), p, observed);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        XYSeries expected = chart.addSeries("draws x probability", new double[] {0, top}, new double[] {0, draws * top});
        expected.setMarker(SeriesMarkers.NONE);
        expected.setLineColor(Color.BLACK);
        expected.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return Charts.image(chart);
    }
}
