package tempered.math;

import java.math.BigDecimal;

/**
 * How parameters print in names, legends and column headers: {@code 0.8}, {@code 1}, {@code 1.0E-6}.
 *
 * <pre>{@code
 * Numbers.format(100.0);  // "100"
 * Numbers.format(0.5);    // "0.5"
 * }</pre>
 */
public final class Numbers {
    private Numbers() {
    }

    /** The shortest plain form of {@code value}; scientific notation only below 1e-4 or from 1e7 up. */
    public static String format(double value) {
        if (value != 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e7)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
