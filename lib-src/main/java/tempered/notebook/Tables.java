package tempered.notebook;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.LongColumn;
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
 * <p>Every table is new; no input is changed. The gradient scales each value column (floating point:
 * probabilities, logits, entropies) on its own, from its smallest value (white) to its largest (deep blue), so a
 * near-uniform column still shows its order. Integer columns (token ids, steps, counts) are not shaded, text
 * columns are left-aligned and numbers right-aligned. {@link #rows} builds a table row by row, for what would
 * otherwise be printed as lines too wide for a notebook.
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
    /** The most rows {@link #html} shows; a longer table shows its first ones and says so. */
    public static final int MOST_ROWS = 100;

    private Tables() {}

    /** One row per token, one column {@code T=...} per temperature, holding its tempered-softmax probability. */
    public static Table probabilities(List<String> labels, double[] logits, double... temperatures) {
        if (logits == null) {
            throw new IllegalArgumentException("Tables.probabilities: the logits are null; pass one logit per label");
        }
        checkLabels(labels, logits.length);
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("give at least one temperature, for example 1.0");
        }
        Table table = Table.create("probabilities", StringColumn.create("token", labels));
        for (double t : temperatures) {
            // The probabilities first: they check T (a NaN one is refused there, before its column is named).
            double[] probs = Softmax.probs(logits, t);
            table.addColumns(fixed(DoubleColumn.create("T=" + Numbers.format(t), probs)));
        }
        return table;
    }

    /**
     * The table as HTML, each value cell coloured by its value within its column. A table longer than
     * {@link #MOST_ROWS} shows its first rows and a line that says so: no one reads 50,257 rows in a notebook, and
     * drawing them took 44 s; the first rows are the ones a sorted table puts first.
     */
    public static String html(Table table) {
        requireTable("Tables.html", table);
        if (table.rowCount() > MOST_ROWS) {
            String sortBy = table.columns().stream()
                    .filter(c -> c instanceof DoubleColumn)
                    .map(Column::name)
                    .findFirst()
                    .orElse(table.column(0).name());
            String shown = html(table.first(MOST_ROWS));
            return shown.substring(0, shown.length() - "</div>".length())
                    + String.format(
                            Locale.ROOT,
                            "<p class=\"tempered-table-note\">The first %d of %,d rows. Sort the table first to choose"
                                    + " which (table.sortDescendingOn(\"%s\")), or print them all with"
                                    + " Tables.text(table).</p></div>",
                            MOST_ROWS,
                            table.rowCount(),
                            sortBy);
        }
        StringWriter out = new StringWriter();
        HtmlWriteOptions options = HtmlWriteOptions.builder(out)
                .elementCreator((name, column, row) -> cell(name, column, row))
                .build();
        table.write().usingOptions(options);
        return "<div class=\"tempered-table\">" + out + "</div>";
    }

    /** The whole table as aligned plain text. */
    public static String text(Table table) {
        requireTable("Tables.text", table);
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
        if (column == null || !("td".equals(name) || "th".equals(name))) {
            return element;
        }
        if (!(column instanceof NumericColumn<?> numbers)) {
            return element.attr("style", "text-align:left");
        }
        boolean values = column instanceof DoubleColumn || column instanceof FloatColumn;
        if (!"td".equals(name) || row == null || !values) {
            return element.attr("style", "text-align:right;font-variant-numeric:tabular-nums");
        }
        double min = numbers.min();
        double max = numbers.max();
        double value = numbers.getDouble(row);
        double t = max > min ? (value - min) / (max - min) : 0.5;
        return element.attr(
                "style",
                "background-color:" + shade(t) + ";color:" + (t > 0.55 ? "#ffffff" : "#111111")
                        + ";text-align:right;font-variant-numeric:tabular-nums");
    }

    /**
     * A table built row by row, for lines that would be too wide to print: name the columns, add one row of
     * values per line, then show {@link Rows#table()} with {@link #html}. A column of whole numbers
     * (Integer, Long) becomes an integer column, one of other numbers a value column shown to 4 decimals
     * ({@link Rows#decimals}), anything else text.
     *
     * <pre>{@code
     * Tables.Rows rows = Tables.rows("prompt", "T", "top 50 hold");
     * rows.add("Data visualization empowers users to", 0.5, 0.9981);
     * html(Tables.html(rows.table()));
     * }</pre>
     */
    public static Rows rows(String... columns) {
        return new Rows(columns);
    }

    /** The rows of a table being built; see {@link Tables#rows}. */
    public static final class Rows {
        private final List<String> columns;
        private final List<Object[]> rows = new ArrayList<>();
        private int decimals = 4;

        private Rows(String... columns) {
            if (columns == null || columns.length == 0) {
                throw new IllegalArgumentException(
                        "name at least one column, for example Tables.rows(\"prompt\", \"T\")");
            }
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == null) {
                    throw new IllegalArgumentException(
                            "Tables.rows: column " + i + "'s name is null; name every column, for example \"T\"");
                }
            }
            this.columns = List.of(columns);
        }

        /** Adds one row: one value per column, in order. */
        public Rows add(Object... values) {
            if (values == null || values.length != columns.size()) {
                throw new IllegalArgumentException("a row of " + (values == null ? 0 : values.length)
                        + " values for the " + columns.size() + " columns " + columns + "; give one value per column");
            }
            rows.add(values.clone());
            return this;
        }

        /** How many decimals value columns show (4 unless set). */
        public Rows decimals(int value) {
            if (value < 0 || value > 15) {
                throw new IllegalArgumentException("decimals=" + value + " must be in 0..15");
            }
            decimals = value;
            return this;
        }

        /** The rows so far as a Tablesaw table. */
        public Table table() {
            Table table = Table.create("rows");
            for (int c = 0; c < columns.size(); c++) {
                table.addColumns(column(c));
            }
            return table;
        }

        private Column<?> column(int c) {
            String name = columns.get(c);
            boolean whole = true;
            boolean numbers = true;
            for (Object[] row : rows) {
                whole &= row[c] instanceof Integer
                        || row[c] instanceof Long
                        || row[c] instanceof Short
                        || row[c] instanceof Byte;
                numbers &= row[c] instanceof Number;
            }
            if (rows.isEmpty() || !numbers) {
                return StringColumn.create(
                        name, rows.stream().map(row -> String.valueOf(row[c])).toList());
            }
            if (whole) {
                return LongColumn.create(
                        name,
                        rows.stream()
                                .mapToLong(row -> ((Number) row[c]).longValue())
                                .toArray());
            }
            DoubleColumn column = DoubleColumn.create(
                    name,
                    rows.stream()
                            .mapToDouble(row -> ((Number) row[c]).doubleValue())
                            .toArray());
            column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
            return column;
        }
    }

    private static DoubleColumn fixed(DoubleColumn column) {
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(DECIMALS));
        return column;
    }

    private static void requireTable(String method, Table table) {
        if (table == null) {
            throw new IllegalArgumentException(method + ": the table is null; build one first, for example with"
                    + " Tables.probabilities(labels, logits, 1.0)");
        }
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
