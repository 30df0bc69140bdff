package tempered.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * What every chart shares: its size, its look, its legend below the plot and its title, which wraps.
 *
 * <p>The title is drawn here, not by XChart, which clips a title wider than the chart (a prompt quoted in a title
 * easily is): it wraps at spaces onto as many lines as it needs, and the image grows by a line for each. The legend
 * sits below the plot, where it never covers a line; names that fit side by side go in one row, otherwise one per
 * line, and the image grows by a line for each. Widths are measured with the fonts that draw them.
 */
final class ChartFrame {
    static final int WIDTH = 720;
    static final int HEIGHT = 400;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** The height of one title line and of one legend line in a vertical legend. */
    static final int TITLE_LINE = 20;

    static final int LEGEND_LINE = 19;
    private static final int TITLE_PADDING = 12;

    /** The width a legend entry takes besides its name: its key and the gaps around it. */
    private static final int LEGEND_KEY = 44;

    private ChartFrame() {}

    /** The height of the XChart part of a chart whose series are {@code names}: the title is added on top. */
    static int plotHeight(Collection<String> names) {
        int legend = names.size() < 2 || fitInOneLine(names) ? 0 : LEGEND_LINE * names.size();
        return HEIGHT - TITLE_LINE - TITLE_PADDING + legend;
    }

    /** Names that fit side by side in one row below the plot. */
    static boolean fitInOneLine(Collection<String> names) {
        FontMetrics metrics = metrics(LEGEND);
        int width = 0;
        for (String name : names) {
            width += metrics.stringWidth(name) + LEGEND_KEY;
        }
        return width <= WIDTH - 40;
    }

    /** An x-y chart of the shared size and look, tall enough for this legend. */
    static XYChart xyChart(String xTitle, String yTitle, Collection<String> legend) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(plotHeight(legend))
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        style(chart.getStyler(), legend);
        return chart;
    }

    /** The look every chart shares; {@code legend} lists the names shown in the legend. */
    static void style(Styler styler, Collection<String> legend) {
        styler.setChartTitleVisible(false);
        styler.setLegendVisible(legend.size() > 1);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(fitInOneLine(legend) ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendFont(LEGEND);
        styler.setAntiAlias(true);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler axes) {
            axes.setAxisTickLabelsFont(TICKS);
            axes.setAxisTitleFont(AXIS_TITLE);
        }
    }

    /** The chart as an image under its title, wrapped to the chart's width. */
    static BufferedImage image(Chart<?, ?> chart, String title) {
        BufferedImage plot = BitmapEncoder.getBufferedImage(chart);
        List<String> lines = wrap(title == null ? "" : title, TITLE, plot.getWidth() - 40);
        int top = TITLE_PADDING + TITLE_LINE * lines.size();
        BufferedImage image = new BufferedImage(plot.getWidth(), top + plot.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(TITLE);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                g.drawString(
                        line,
                        (image.getWidth() - metrics.stringWidth(line)) / 2,
                        8 + metrics.getAscent() + TITLE_LINE * i);
            }
            g.drawImage(plot, 0, top, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** {@code text} in lines no wider than {@code width} in {@code font}, broken at spaces where it can be. */
    static List<String> wrap(String text, Font font, int width) {
        FontMetrics metrics = metrics(font);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width) {
                line = new StringBuilder(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            line = new StringBuilder(word);
            while (metrics.stringWidth(line.toString()) > width && line.length() > 1) {
                int fit = line.length() - 1;
                while (fit > 1 && metrics.stringWidth(line.substring(0, fit)) > width) {
                    fit--;
                }
                lines.add(line.substring(0, fit));
                line = new StringBuilder(line.substring(fit));
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The pixel width of {@code text} in {@code font}. */
    static int width(String text, Font font) {
        return metrics(font).stringWidth(text);
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
