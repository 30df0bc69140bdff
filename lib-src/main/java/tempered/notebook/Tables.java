package tempered.notebook;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tempered.format.Numbers;
import tempered.math.Distribution;
import tempered.math.Softmax;

/**
 * Tablesaw tables of probabilities, and two ways to show them: HTML with the values shaded (for a notebook) and
 * plain text (for a terminal or a log).
 *
 * <p>Every table is new; no input is changed. The shading is one sequential hue, white to deep blue, on a scale
 * chosen by what the columns hold: columns of the same quantity share one scale for the whole table, so a nearly
 * flat column looks flat beside a peaked one, and columns of different units each have their own. The default per
 * kind of table: {@link #probabilities} and {@link #surprisals} put all their temperature columns on one scale
 * (a probability scale starts at 0, so a shade is proportional to the probability); {@link TokenTables} does the
 * same for its probability columns and gives its logit and entropy columns their own; any other table, such as one
 * a notebook builds or {@link #rows}, shades each floating-point column on its own, from its smallest value to its
 * largest, unless {@link #shadeTogether} puts some columns on one scale. Integer columns (token ids, steps, counts)
 * are not shaded unless put on a scale; text is left-aligned and numbers right-aligned.
 *
 * <p>Probability columns never print a row of zeros: a probability too small for their decimals prints in
 * scientific notation ("3.1e-07"), only an exact 0 as "0". When the tail is what a table is about, {@link
 * #surprisals} gives -ln p in nats instead, which tells 1e-7 from 1e-12 at a glance.
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
            table.addColumns(probabilityColumn("T=" + Numbers.format(t), probs, DECIMALS));
        }
        return table;
    }

    /**
     * One row per token, one column {@code T=...} per temperature, holding its surprisal -ln p in nats: the view of
     * a distribution's tail, where probabilities differ by decades (p = 1e-7 is 16.1 nats, 1e-12 is 27.6). A masked
     * token (p = 0) shows as infinity. All columns share one scale, from the smallest surprisal to the largest.
     *
     * <pre>{@code
     * Tables.surprisals(List.of("a", "b"), new double[] {1, 2}, 1).doubleColumn("T=1").get(0);  // 1.3133
     * }</pre>
     */
    public static Table surprisals(List<String> labels, double[] logits, double... temperatures) {
        checkLabels(labels, logits.length);
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("give at least one temperature, for example 1.0");
        }
        Shading.Scale nats = new Shading.Scale("surprisal", false);
        Table table = Table.create("surprisals", StringColumn.create("token", labels));
        for (double t : temperatures) {
            double[] surprisal = Distribution.of(logits, t).logProbs();
            for (int i = 0; i < surprisal.length; i++) {
                surprisal[i] = -surprisal[i];
            }
            DoubleColumn column = DoubleColumn.create("T=" + Numbers.format(t), surprisal);
            column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(3));
            table.addColumns(Shading.share(nats, column));
        }
        return table;
    }

    /**
     * Puts the named columns of {@code table} on one shading scale, from their smallest value to their largest, for
     * a table whose columns hold the same quantity (counts or shares at several temperatures). Integer columns put
     * on a scale are shaded too. Returns the table.
     *
     * <pre>{@code
     * // not run: coverage is notebook 04's table of token counts, one column per temperature
     * html(Tables.html(Tables.shadeTogether(coverage, "T=0.5", "T=0.8", "T=1", "T=2")));
     * }</pre>
     */
    public static Table shadeTogether(Table table, String... columns) {
        if (table == null || columns == null || columns.length == 0) {
            throw new IllegalArgumentException(
                    "give a table and the names of the columns to shade together, for example \"T=1\", \"T=2\"");
        }
        Shading.Scale scale = new Shading.Scale("together: " + String.join(", ", columns), false);
        for (String name : columns) {
            if (!table.columnNames().contains(name) || !(table.column(name) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException(
                        "'" + name + "' is not a numeric column of the table; its columns are " + table.columnNames());
            }
            Shading.share(scale, table.column(name));
        }
        return table;
    }

    /**
     * The table as HTML, each value cell shaded on its column's scale (see the class comment). A table longer than
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
        Map<Column<?>, Shading.Range> ranges = Shading.ranges(table);
        HtmlWriteOptions options = HtmlWriteOptions.builder(out)
                .elementCreator((name, column, row) -> Shading.cell(ranges, name, column, row))
                .build();
        table.write().usingOptions(options);
        return "<div class=\"tempered-table\">" + out + "</div>";
    }

    /** The whole table as aligned plain text. */
    public static String text(Table table) {
        requireTable("Tables.text", table);
        return table.printAll();
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

    /** A column of probabilities: on the table's probability scale, printed without rows of zeros. */
    static DoubleColumn probabilityColumn(String name, double[] probs, int decimals) {
        DoubleColumn column = DoubleColumn.create(name, probs);
        column.setPrintFormatter(new ProbabilityFormat(decimals));
        return Shading.share(Shading.PROBABILITY, column);
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
