package tempered.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the charts write the numbers on their axes: plain, with a leading zero (0.5, never .5, which XChart's own
 * patterns print for small ranges), thousands grouped (10,000), without the rounding noise of a sum of steps
 * (0.30000000000000004 is 0.3), and in powers of ten below 0.0001 (1e-5), where zeros would be miscounted.
 *
 * <pre>{@code
 * // not run: package-private, so out of JShell's reach; TickLabelsTest checks these
 * TickLabels.of(0.5);                   // "0.5"
 * TickLabels.of(0.30000000000000004);   // "0.3"
 * TickLabels.of(10000);                 // "10,000"
 * TickLabels.of(0.00001);               // "1e-5"
 * }</pre>
 */
final class TickLabels {
    private TickLabels() {}

    static String of(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros();
        if (Math.abs(value) < 1e-4) {
            int exponent = rounded.precision() - rounded.scale() - 1;
            BigDecimal mantissa = rounded.movePointRight(-exponent).round(new MathContext(3));
            return mantissa.stripTrailingZeros().toPlainString() + "e" + exponent;
        }
        DecimalFormat grouped = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return grouped.format(rounded);
    }
}
