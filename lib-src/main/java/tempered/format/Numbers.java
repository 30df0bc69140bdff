package tempered.format;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How parameters print in names, legends and column headers: {@code 0.8}, {@code 1}, {@code 1.0E-6}.
 *
 * <pre>{@code
 * Numbers.format(100.0);  // "100"
 * Numbers.format(0.5);    // "0.5"
 * Numbers.list(new double[] {0.26894142, 0.73105858});  // "[0.26894142, 0.73105858]"
 * }</pre>
 */
public final class Numbers {
    private Numbers() {}

    /** The shortest plain form of {@code value}; scientific notation only below 1e-4 or from 1e7 up. */
    public static String format(double value) {
        if (value != 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e7)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Values to 8 decimal places, in brackets: how the notebooks print a vector (a Java array prints as
     * {@code [D@1b6d3586} in a notebook).
     */
    public static String list(double... values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.8f", values[i]));
        }
        return s.append(']').toString();
    }
}
