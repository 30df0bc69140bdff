package tempered.sampling;

import java.math.BigDecimal;

/** How parameters print in chain names: {@code 0.8}, {@code 1}, {@code 1.0E-6}, never {@code 0.80000001}. */
final class Numbers {
    private Numbers() {
    }

    static String format(double value) {
        if (value != 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e7)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
