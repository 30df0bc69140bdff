package tempered.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import tempered.format.Numbers;
import tempered.math.Distribution;

/**
 * The draw of one token, as a picture: each distribution is one horizontal bar, a segment per token in id order
 * (the order the running total walks), and the same uniform number u is a dart thrown at every bar. The token
 * under the dart is the one {@link Distribution#sample} draws for that u, named at the end of the row. For a large
 * vocabulary ({@link DartWithTail}) only the first tokens get a segment each; the others share one grey, hatched
 * segment at the end of the line, since each alone would be far too thin to draw.
 */
final class DartChart {
    private static final int LEFT = 80;
    private static final int RIGHT = 150;
    private static final int TOP = 62;
    private static final int ROW = 58;
    private static final int BAR = 34;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The tail's grey: the many tokens after the named ones, drawn as one stretch. */
    static final Color TAIL = new Color(0xBDBDBD);

    private DartChart() {}

    static BufferedImage draw(double[] logits, List<String> labels, double u, Color[] palette, double... temperatures) {
        Tables.checkLabels(labels, logits.length);
        return render(logits, labels, u, palette, temperatures);
    }

    /**
     * The same picture for a vocabulary too large to draw token by token: the first {@code labels.size()} tokens each
     * get a segment, and all the others one grey segment at the end of the line.
     */
    static BufferedImage drawWithTail(
            double[] logits, List<String> labels, double u, Color[] palette, double... temperatures) {
        if (logits == null || labels == null || labels.isEmpty() || labels.size() >= logits.length) {
            throw new IllegalArgumentException("give labels for the first tokens only, fewer than the "
                    + (logits == null ? 0 : logits.length)
                    + " logits: the tokens after them are drawn together as one grey stretch");
        }
        return render(logits, labels, u, palette, temperatures);
    }

    private static BufferedImage render(
            double[] logits, List<String> labels, double u, Color[] palette, double... temperatures) {
        if (!(u >= 0 && u < 1)) {
            throw new IllegalArgumentException("u=" + u
                    + " must be in [0, 1), as a uniform draw such as new SplittableRandom(42).nextDouble() is");
        }
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("give at least one temperature, for example 0.5, 1, 2");
        }
        int named = labels.size();
        int others = logits.length - named;
        List<String> legend = new ArrayList<>(labels);
        if (others > 0) {
            legend.add(String.format(Locale.ROOT, "the other %,d tokens", others));
        }
        List<Color> colours = new ArrayList<>();
        for (int id = 0; id < named; id++) {
            colours.add(palette[id % palette.length]);
        }
        colours.add(TAIL);
        int legendRows = legendRows(legend);
        BufferedImage image = new BufferedImage(
                Charts.WIDTH, TOP + ROW * temperatures.length + 24 + 20 * legendRows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            int width = Charts.WIDTH - LEFT - RIGHT;
            int dart = LEFT + (int) Math.round(u * width);
            g.setColor(Color.BLACK);
            g.setFont(TITLE);
            centre(
                    g,
                    String.format(Locale.ROOT, "One dart, u = %.3f, thrown at the distribution at each temperature", u),
                    Charts.WIDTH / 2,
                    22);
            g.setFont(SMALL);
            centre(g, "0", LEFT, TOP - 10);
            centre(g, "1", LEFT + width, TOP - 10);
            for (int row = 0; row < temperatures.length; row++) {
                Distribution d = Distribution.of(logits, temperatures[row]);
                int y = TOP + row * ROW;
                g.setColor(Color.BLACK);
                g.setFont(TEXT);
                g.drawString("T = " + Numbers.format(temperatures[row]), 10, y + BAR / 2 + 5);
                double start = 0;
                for (int id = 0; id < named; id++) {
                    double p = d.prob(id);
                    segment(g, labels.get(id), colours.get(id), start, start + p, y, width, false);
                    start += p;
                }
                double tail = 0;
                for (int id = named; id < logits.length; id++) {
                    tail += d.prob(id);
                }
                if (others > 0) {
                    segment(g, legend.get(named), TAIL, start, start + tail, y, width, true);
                }
                int hit = d.sample(fixed(u));
                boolean inTail = hit >= named;
                g.setColor(Color.BLACK);
                g.setFont(TEXT.deriveFont(Font.BOLD));
                g.drawString("\u2192 " + (inTail ? "the tail" : labels.get(hit)), LEFT + width + 14, y + BAR / 2 + 5);
                g.setFont(SMALL);
                g.drawString(
                        inTail
                                ? String.format(Locale.ROOT, "together p = %.3f", tail)
                                : String.format(Locale.ROOT, "p = %.3f", d.prob(hit)),
                        LEFT + width + 14,
                        y + BAR / 2 + 19);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f));
            int bottom = TOP + ROW * (temperatures.length - 1) + BAR + 6;
            g.drawLine(dart, TOP - 4, dart, bottom);
            g.fillPolygon(
                    new Polygon(new int[] {dart - 6, dart + 6, dart}, new int[] {TOP - 16, TOP - 16, TOP - 4}, 3));
            g.setFont(SMALL);
            centre(g, "u = " + Numbers.format(u), dart, TOP - 20);
            legend(g, legend, colours, bottom + 16);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * One segment of a row, from {@code from} to {@code to} of the line. The tail's segment is hatched with thin
     * lines: it stands for many stretches, each too thin to draw.
     */
    private static void segment(
            Graphics2D g, String label, Color colour, double from, double to, int y, int width, boolean hatched) {
        int x0 = LEFT + (int) Math.round(from * width);
        int x1 = LEFT + (int) Math.round(to * width);
        g.setColor(colour);
        g.fillRect(x0, y, x1 - x0, BAR);
        if (hatched) {
            g.setColor(TAIL.darker());
            for (int x = x0 + 3; x < x1; x += 4) {
                g.drawLine(x, y, x, y + BAR);
            }
        }
        g.setColor(Color.WHITE);
        g.drawLine(x1, y, x1, y + BAR);
        fit(g, label, colour, x0, x1, y);
    }

    /** A generator whose one draw is u: the library's own sampler then says where the dart lands. */
    private static RandomGenerator fixed(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new IllegalStateException("the dart is a single number; only nextDouble() is drawn");
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    /** The token's label inside its segment, if it fits, dark on light colours and light on dark ones. */
    private static void fit(Graphics2D g, String label, Color background, int x0, int x1, int y) {
        g.setFont(SMALL);
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(label) + 6 <= x1 - x0) {
            double luminance =
                    (0.299 * background.getRed() + 0.587 * background.getGreen() + 0.114 * background.getBlue()) / 255;
            g.setColor(luminance > 0.6 ? Color.BLACK : Color.WHITE);
            centre(g, label, (x0 + x1) / 2, y + BAR / 2 + 4);
        }
    }

    /** The rows the legend takes: entries side by side, as many as fit the width, in order. */
    private static int legendRows(List<String> labels) {
        int[][] positions = legendPositions(labels);
        return positions.length == 0 ? 0 : positions[positions.length - 1][1] + 1;
    }

    /** Each legend entry's x and row: a key and its label, then the next entry, wrapping where the line is full. */
    private static int[][] legendPositions(List<String> labels) {
        int[][] positions = new int[labels.size()][];
        int x = LEFT;
        int row = 0;
        for (int i = 0; i < labels.size(); i++) {
            int entry = 17 + ChartFrame.width(labels.get(i), SMALL) + 24;
            if (x > LEFT && x + entry > Charts.WIDTH - 20) {
                x = LEFT;
                row++;
            }
            positions[i] = new int[] {x, row};
            x += entry;
        }
        return positions;
    }

    private static void legend(Graphics2D g, List<String> labels, List<Color> colours, int top) {
        g.setFont(SMALL);
        int[][] positions = legendPositions(labels);
        for (int i = 0; i < labels.size(); i++) {
            int x = positions[i][0];
            int y = top + positions[i][1] * 20;
            g.setColor(colours.get(i));
            g.fillRect(x, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x + 17, y);
        }
    }

    private static void centre(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }
}
