package tempered.playground;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as the playground prints them, in the still picture and on the page alike. Written with
 * {@link BigDecimal} rather than {@code String.format}, whose locale data would add about 250 kB to the page's
 * compiled script; the digits are the same ({@code String.format} also rounds the shortest decimal form half up).
 *
 * <pre>{@code
 * // not run: PageText is package-private; PlaygroundTest checks these values
 * PageText.probability(0.66571);    // "0.6657"
 * PageText.probability(2.345e-7);   // "2.3e-7"
 * PageText.grouped(50257);          // "50,257"
 * }</pre>
 */
final class PageText {
    private PageText() {}

    /** 4 decimals, or 2 significant digits below 1e-4; 0 is "0". */
    static String probability(double p) {
        if (p == 0) {
            return "0";
        }
        if (p >= 1e-4) {
            return fixed(p, 4);
        }
        BigDecimal two = BigDecimal.valueOf(p).round(new MathContext(2, RoundingMode.HALF_UP));
        int exponent = two.precision() - two.scale() - 1;
        BigDecimal mantissa = two.movePointLeft(exponent).setScale(1, RoundingMode.HALF_UP);
        return mantissa.toPlainString() + "e" + exponent;
    }

    /** {@code x} to {@code decimals} places, rounded half up. */
    static String fixed(double x, int decimals) {
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count with commas between groups of three digits. */
    static String grouped(long count) {
        String digits = Long.toString(Math.abs(count));
        StringBuilder out = new StringBuilder(count < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
