package tempered.notebook;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.jsoup.nodes.Element;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How a table's numbers are shaded in HTML: each value cell from white (the low end of its scale) to deep blue
 * (the high end), one hue whose lightness alone carries the value, so the shade reads in grayscale too.
 *
 * <p>A scale is shared by the columns that hold the same quantity: the probabilities of one table at several
 * temperatures are compared on one scale, so a nearly flat column looks nearly flat and a peaked one peaked. A
 * column that shares no scale has its own, from its smallest value to its largest, since the column beside it may
 * hold another unit (a logit, an entropy in nats). A probability scale starts at 0, so a shade is proportional to
 * the probability; other scales start at their smallest value. Integer columns (ids, steps, counts) are not shaded
 * unless put on a scale. Which columns share a scale is remembered here, by the column's identity and for as long
 * as it lives: a copy of a table (sorted, filtered) has new columns, each on its own scale again.
 */
final class Shading {
    /** A scale some columns of a table share: its name, and whether white stands for 0. */
    record Scale(String name, boolean fromZero) {}

    /** The scale of a table's probabilities: from 0 (white) to the table's largest probability. */
    static final Scale PROBABILITY = new Scale("probability", true);

    private static final Map<Column<?>, Scale> SHARED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The low and high ends of a scale, as found in one table. */
    record Range(double low, double high) {
        double position(double value) {
            return high > low ? (value - low) / (high - low) : 0.5;
        }
    }

    private Shading() {}

    /** Puts {@code column} on {@code scale}, which the other columns of its table on the same scale share. */
    static <C extends Column<?>> C share(Scale scale, C column) {
        SHARED.put(column, scale);
        return column;
    }

    /** Each shaded column of {@code table} and the range of its scale in this table. */
    static Map<Column<?>, Range> ranges(Table table) {
        Map<Object, double[]> ends = new LinkedHashMap<>();
        Map<Column<?>, Object> scaleOf = new IdentityHashMap<>();
        for (Column<?> column : table.columns()) {
            Scale shared = SHARED.get(column);
            boolean values = column instanceof DoubleColumn || column instanceof FloatColumn;
            if (!(column instanceof NumericColumn<?> numbers) || (shared == null && !values)) {
                continue;
            }
            Object key = shared != null ? shared : column;
            scaleOf.put(column, key);
            double[] range = ends.computeIfAbsent(key, k -> new double[] {
                shared != null && shared.fromZero() ? 0 : Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
            });
            for (int row = 0; row < numbers.size(); row++) {
                double value = numbers.getDouble(row);
                if (Double.isFinite(value)) {
                    range[0] = Math.min(range[0], value);
                    range[1] = Math.max(range[1], value);
                }
            }
        }
        Map<Column<?>, Range> ranges = new IdentityHashMap<>();
        scaleOf.forEach((column, key) -> ranges.put(column, new Range(ends.get(key)[0], ends.get(key)[1])));
        return ranges;
    }

    /** One element of the HTML table: a value cell shaded on its scale, numbers right-aligned, text left-aligned. */
    static Element cell(Map<Column<?>, Range> ranges, String name, Column<?> column, Integer row) {
        Element element = new Element(name);
        if (column == null || !("td".equals(name) || "th".equals(name))) {
            return element;
        }
        if (!(column instanceof NumericColumn<?> numbers)) {
            return element.attr("style", "text-align:left");
        }
        String numeric = "text-align:right;font-variant-numeric:tabular-nums";
        Range range = ranges.get(column);
        if (!"td".equals(name) || row == null || range == null || !Double.isFinite(numbers.getDouble(row))) {
            return element.attr("style", numeric);
        }
        double t = range.position(numbers.getDouble(row));
        return element.attr(
                "style",
                "background-color:" + colour(t) + ";color:" + (t > 0.55 ? "#ffffff" : "#111111") + ";" + numeric);
    }

    /** Background colour for a position {@code t} in [0, 1] of a scale: white to deep blue (#08519c). */
    static String colour(double t) {
        double x = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
        int r = (int) Math.round(255 + (8 - 255) * x);
        int g = (int) Math.round(255 + (81 - 255) * x);
        int b = (int) Math.round(255 + (156 - 255) * x);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
