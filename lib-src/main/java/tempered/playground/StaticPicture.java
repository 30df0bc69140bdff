package tempered.playground;

import java.util.List;
import tempered.format.Html;

/**
 * The playground's starting state as plain HTML, computed in Java by the page's own engine: what a viewer that does
 * not run the page's script shows instead of the sliders, so the output is never an empty box. It follows the
 * same options as the page: the rows that say what the tokens without a bar hold, the logits and logits / T, the
 * stretches in list order.
 *
 * <p>It uses only tags, attributes and inline styles that JupyterLab's sanitizer keeps for untrusted outputs
 * (tables, {@code class}, {@code style} with colours, alignment and fonts). The bars are block characters, so
 * they survive even a viewer that strips every style, as does the table of numbers.
 */
final class StaticPicture {
    /** Characters in a bar of probability 1. */
    static final int BAR_WIDTH = 40;

    private static final String CELL = "padding:1px 8px;text-align:";
    private static final String MONO = "font-family:monospace;white-space:pre;";

    private StaticPicture() {}

    /**
     * The picture: title, chain, one row per labelled token and one per group of the others, the figures, the
     * stretches when {@code inOrder} (every label in list order) is not empty, and a note.
     */
    static String html(
            String title,
            PageEngine engine,
            List<String> labels,
            List<String> inOrder,
            boolean showLogits,
            Figures figures) {
        StringBuilder s = new StringBuilder("<div class=\"tpg-static\">");
        if (!title.isEmpty()) {
            s.append("<div style=\"font-weight:bold\">").append(escape(title)).append("</div>");
        }
        s.append("<div style=\"font-family:monospace;color:#4a4a4a\">")
                .append(escape(engine.chain()))
                .append("</div>")
                .append("<table style=\"border-collapse:collapse\"><tr>");
        head(s, "left", "token");
        if (showLogits) {
            head(s, "right", "logit");
            head(s, "right", "logit / T");
        }
        head(s, "right", "probability");
        s.append("<th></th></tr>");
        for (int i = 0; i < labels.size(); i++) {
            s.append("<tr>");
            cell(s, MONO, "left", escape(labels.get(i)));
            if (showLogits) {
                cell(s, MONO, "right", escape(engine.logit(i)));
                cell(s, MONO, "right", escape(engine.scaledLogit(i)));
            }
            bar(s, engine.probability(i), "#0072b2");
            s.append("</tr>");
        }
        for (int i = 0; i < engine.restRows(); i++) {
            s.append("<tr>");
            cell(s, "font-style:italic;", "left", escape(engine.restLabel(i)));
            if (showLogits) {
                cell(s, "", "right", "");
                cell(s, "", "right", "");
            }
            if (engine.restKept(i)) {
                bar(s, engine.restMass(i), "#0072b2");
            } else {
                // Cut tokens have probability 0; their bar, in grey, is the mass they held before the cut.
                cell(s, MONO, "right", "0");
                cell(s, "color:#b0b0b0;" + MONO, "left", bar(engine.restHeld(i)));
            }
            s.append("</tr>");
        }
        s.append("</table><div>").append(escape(figures.toString())).append("</div>");
        if (!inOrder.isEmpty()) {
            stretches(s, engine, inOrder);
        }
        return s.append(
                        "<div style=\"color:#6b6b6b;font-size:smaller\">A still picture of the starting settings: the sliders and the"
                                + " draw buttons need the page's script, which this viewer did not run. Run the cell in JupyterLab, Notebook 7"
                                + " or VS Code, or open the HTML handout in a browser, to play.</div></div>")
                .toString();
    }

    /** Each token's stretch of [0, 1) in list order, as a table: where it starts and where it ends. */
    private static void stretches(StringBuilder s, PageEngine engine, List<String> inOrder) {
        s.append("<div>Each token's stretch of [0, 1), in list order: a draw's u lands in one.</div>")
                .append("<table style=\"border-collapse:collapse\"><tr>");
        head(s, "left", "token");
        head(s, "right", "from");
        head(s, "right", "to");
        s.append("</tr>");
        double from = 0;
        for (int id = 0; id < inOrder.size(); id++) {
            double to = engine.stretchEnd(id);
            s.append("<tr>");
            cell(s, MONO, "left", escape(inOrder.get(id)));
            cell(s, MONO, "right", PageText.fixed(from, 4));
            cell(s, MONO, "right", PageText.fixed(to, 4));
            s.append("</tr>");
            from = to;
        }
        s.append("</table>");
    }

    private static void head(StringBuilder s, String align, String text) {
        s.append("<th style=\"")
                .append(CELL)
                .append(align)
                .append("\">")
                .append(text)
                .append("</th>");
    }

    private static void cell(StringBuilder s, String style, String align, String html) {
        s.append("<td style=\"")
                .append(style)
                .append(CELL)
                .append(align)
                .append("\">")
                .append(html)
                .append("</td>");
    }

    private static void bar(StringBuilder s, double p, String colour) {
        cell(s, MONO, "right", probability(p));
        cell(s, "color:" + colour + ";" + MONO, "left", bar(p));
    }

    /** A probability as the page prints it: 4 decimals, or 2 significant digits below 1e-4. */
    static String probability(double p) {
        return PageText.probability(p);
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
