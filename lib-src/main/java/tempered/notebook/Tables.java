package tempered.notebook;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tempered.format.Numbers;
import tempered.math.Softmax;

/**
 * Tablesaw tables of probabilities, and two ways to show them: HTML with a colour gradient per column (for a
 * notebook) and plain text (for a terminal or a log).
 *
 * <p>Every table is new; no input is changed. The gradient scales each numeric column on its own, from its
 * smallest value (white) to its largest (deep blue), so a near-uniform column still shows its order.
 *
 * <pre>{@code
 * Table t = Tables.probabilities(List.of("a", "b"), new double[] {1, 2}, 1, 5);
 * Tables.text(t);
 * //  token  |    T=1    |    T=5    |
 * //      a  |  0.26894  |  0.45017  |
 * //      b  |  0.73106  |  0.54983  |
 * }</pre>
 */
public final class Tables {
    private static final int DECIMALS = 5;

    private Tables() {
    }

    /** One row per token, one column {@code T=...} per temperature, holding its tempered-softmax probability. */
    public static Table probabilities(List<String> labels, double[] logits, double... temperatures) {
        checkLabels(labels, logits.length);
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("give at least one temperature, for example 1.0");
        }
        Table table = Table.create("probabilities", StringColumn.create("token", labels));
        for (double t : temperatures) {
            table.addColumns(fixed(DoubleColumn.create("T=" + Numbers.format(t), Softmax.probs(logits, t))));
        }
        return table;
    }

    /** The table as HTML, each numeric cell coloured by its value within its column. */
    public static String html(Table table) {
        StringWriter out = new StringWriter();
        HtmlWriteOptions options = HtmlWriteOptions.builder(out)
                .elementCreator((name, column, row) -> cell(name, column, row))
                .build();
        table.write().usingOptions(options);
        return "<div class=\"tempered-table\">" + out + "</div>";
    }

    /** The whole table as aligned plain text. */
    public static String text(Table table) {
        return table.printAll();
    }

    /** Background colour for a value at position {@code t} in [0, 1] of its column: white to deep blue. */
    static String shade(double t) {
        double x = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
        int r = (int) Math.round(255 + (8 - 255) * x);
        int g = (int) Math.round(255 + (81 - 255) * x);
        int b = (int) Math.round(255 + (156 - 255) * x);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static Element cell(String name, Column<?> column, Integer row) {
        Element element = new Element(name);
        if (!"td".equals(name) || row == null || !(column instanceof NumericColumn<?> numbers)) {
            return element;
        }
        double min = numbers.min();
        double max = numbers.max();
        double value = numbers.getDouble(row);
        double t = max > min ? (value - min) / (max - min) : 0.5;
        element.attr("style", "background-color:" + shade(t) + ";color:" + (t > 0.55 ? "#ffffff" : "#111111")
                + ";text-align:right;font-variant-numeric:tabular-nums");
        return element;
    }

    private static DoubleColumn fixed(DoubleColumn column) {
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(DECIMALS));
        return column;
    }

    static void checkLabels(List<String> labels, int count) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null; pass one label per logit");
        }
        if (labels.size() != count) {
            throw new IllegalArgumentException("there are " + labels.size() + " labels for " + count
                    + " logits; give exactly one label per logit");
        }
    }
}
