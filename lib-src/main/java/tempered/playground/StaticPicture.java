package tempered.playground;

import java.util.List;
import java.util.Locale;
import tempered.format.Html;

/**
 * The playground's starting state as plain HTML, computed in Java: what a viewer that does not run the page's
 * script shows instead of the sliders, so the output is never an empty box.
 *
 * <p>It uses only tags, attributes and inline styles that JupyterLab's sanitizer keeps for untrusted outputs
 * (tables, {@code class}, {@code style} with colours, alignment and fonts). The bars are block characters, so
 * they survive even a viewer that strips every style, as does the table of numbers.
 */
final class StaticPicture {
    /** Characters in a bar of probability 1. */
    static final int BAR_WIDTH = 40;

    private static final String CELL = "padding:1px 8px;text-align:";

    private StaticPicture() {}

    /** The picture: title, chain, one row per labelled token and one for the rest, the figures, a note. */
    static String html(
            String title,
            String chain,
            List<String> labels,
            double[] probs,
            double rest,
            int restSize,
            Figures figures) {
        StringBuilder s = new StringBuilder("<div class=\"tpg-static\">");
        if (!title.isEmpty()) {
            s.append("<div style=\"font-weight:bold\">").append(escape(title)).append("</div>");
        }
        s.append("<div style=\"font-family:monospace;color:#4a4a4a\">")
                .append(escape(chain))
                .append("</div>")
                .append("<table style=\"border-collapse:collapse\"><tr><th style=\"")
                .append(CELL)
                .append("left\">token</th><th style=\"")
                .append(CELL)
                .append("right\">probability</th><th></th></tr>");
        for (int i = 0; i < labels.size(); i++) {
            row(s, escape(labels.get(i)), "font-family:monospace;white-space:pre;", probs[i]);
        }
        if (restSize > 0) {
            row(s, String.format(Locale.ROOT, "all the other %,d tokens", restSize), "font-style:italic;", rest);
        }
        return s.append("</table><div>")
                .append(escape(figures.toString()))
                .append("</div>")
                .append(
                        "<div style=\"color:#6b6b6b;font-size:smaller\">A still picture of the starting settings: the sliders and the"
                                + " draw button need the page's script, which this viewer did not run. Run the cell in JupyterLab, Notebook 7"
                                + " or VS Code, or open the HTML handout in a browser, to play.</div></div>")
                .toString();
    }

    private static void row(StringBuilder s, String label, String labelStyle, double p) {
        s.append("<tr><td style=\"")
                .append(labelStyle)
                .append(CELL)
                .append("left\">")
                .append(label)
                .append("</td><td style=\"")
                .append(CELL)
                .append("right\">")
                .append(probability(p))
                .append("</td><td style=\"")
                .append(CELL)
                .append("left;color:#0072b2;font-family:monospace;white-space:pre\">")
                .append(bar(p))
                .append("</td></tr>");
    }

    /** A probability as the page prints it: 4 decimals, or 2 significant digits below 1e-4. */
    static String probability(double p) {
        if (p == 0) {
            return "0";
        }
        return p >= 1e-4
                ? String.format(Locale.ROOT, "%.4f", p)
                : String.format(Locale.ROOT, "%.1e", p).replaceAll("e-0*(\\d)", "e-$1");
    }

    /** A bar of full blocks and one eighth-block, {@link #BAR_WIDTH} characters long at probability 1. */
    static String bar(double p) {
        int eighths = (int) Math.round(p * BAR_WIDTH * 8);
        StringBuilder bar = new StringBuilder("\u2588".repeat(eighths / 8));
        if (eighths % 8 > 0) {
            bar.append((char) (0x2590 - eighths % 8));
        }
        return bar.toString();
    }

    static String escape(String text) {
        return Html.escape(text);
    }
}
