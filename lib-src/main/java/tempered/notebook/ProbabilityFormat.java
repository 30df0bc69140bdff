package tempered.notebook;

import java.util.Locale;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How a column of probabilities prints: to a fixed number of decimals, except a probability too small to show
 * there, which prints in scientific notation with two significant digits ("3.1e-07") instead of a row of zeros. So
 * no cell reads 0.00000 unless its probability is exactly 0, which prints as "0".
 *
 * <p>Scientific notation, rather than switching the column to surprisal (-ln p), keeps the column's meaning and its
 * header: a reader of "T=0.1" still reads probabilities. For the tail itself, where every probability is tiny,
 * {@link Tables#surprisals} shows -ln p in nats.
 */
final class ProbabilityFormat extends NumberColumnFormatter {
    private final int decimals;

    ProbabilityFormat(int decimals) {
        this.decimals = decimals;
    }

    @Override
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        if (Math.abs(value) < 0.5 * Math.pow(10, -decimals)) {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
