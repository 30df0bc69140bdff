package tempered.bench;

import java.util.Locale;

/**
 * One measured figure: the median of its runs and the lowest and highest run, so a reader sees how far to
 * trust it. A figure computed from others, or measured once, has no range.
 *
 * <pre>{@code
 * Figure.of("decode", "tokens/s", 36.1, 37.6, 38.0);   // decode  37.6 tokens/s  (36.1 to 38.0)
 * }</pre>
 */
public record Figure(String label, double value, double low, double high, String unit) {

    public Figure {
        if (!Double.isFinite(value) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(
                    label + " is " + value + " (" + low + " to " + high + "); a figure must be a finite number");
        }
    }

    /** The median of {@code runs}, with their range. */
    public static Figure of(String label, String unit, double... runs) {
        return new Figure(label, Stats.median(runs), Stats.min(runs), Stats.max(runs), unit);
    }

    /** A figure without a range: computed from others, or counted. */
    public static Figure exact(String label, String unit, double value) {
        return new Figure(label, value, value, value, unit);
    }

    /** The range as a share of the median: 0.1 means the runs lie within 10% of it. */
    public double spread() {
        return value == 0 ? 0 : (high - low) / Math.abs(value);
    }

    @Override
    public String toString() {
        return format(label.length());
    }

    /** One line, the label padded to {@code width} so that a list of figures lines up. */
    public String format(int width) {
        String range = high > low ? "  (" + number(low) + " to " + number(high) + ")" : "";
        return String.format(Locale.ROOT, "%-" + width + "s %10s %s%s", label, number(value), unit, range)
                .stripTrailing();
    }

    private static String number(double x) {
        double size = Math.abs(x);
        return String.format(
                Locale.ROOT, size >= 1000 ? "%,.0f" : size >= 100 ? "%.1f" : size >= 10 ? "%.2f" : "%.3f", x);
    }
}
