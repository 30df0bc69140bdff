package tempered.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.function.Function;

/**
 * Where values sit on one axis, and how its ticks are labelled: as they are (linear), or on a log scale.
 *
 * <p>A log axis places each value v at log10(v) on XChart's linear axis and labels a tick at e with 10^e. XChart's
 * own log axis is not used: it cannot take a tick-label function (with one it silently turns linear), so its labels
 * could not follow {@link TickLabels}, and it refuses bars outright ("cannot be less or equal to zero", since a bar
 * starts at 0). Spanning two decades or more, only whole decades are labelled (0.01, 0.1, 1, 10); spanning fewer,
 * ticks fall every tenth of a decade and those at 1, 2 and 5 times a power of ten are labelled (0.2, 0.5, 1, 2), as on
 * log graph paper, rather than XChart's 0.25, 0.4, 0.63; 10^0.3 is 1.995, within a pixel of 2. Under a decade and a
 * half, 4 and 8 are labelled too (10^0.6 and 10^0.9 are within 0.8% of them); under 0.7 of a decade every tick is,
 * to two significant digits. Bars on a log axis start at the decade below their smallest
 * value, since a log axis has no 0 to start from.
 *
 * <p>A value of 0 or below has no place on a log axis: it is refused with a message naming the series and the
 * point, rather than dropped or clipped, since a chart that silently loses a point misleads.
 */
final class AxisScale {
    private static final AxisScale LINEAR = new AxisScale(false, 0, false, 0);

    private final boolean log;
    private final double base;
    private final boolean decades;
    private final double span;

    private AxisScale(boolean log, double base, boolean decades, double span) {
        this.log = log;
        this.base = base;
        this.decades = decades;
        this.span = span;
    }

    static AxisScale linear() {
        return LINEAR;
    }

    /**
     * A log scale for {@code values}, all above 0; {@code forBars} places them above the decade below the smallest,
     * so every bar has a height.
     */
    static AxisScale log(String axis, Collection<Named> values, boolean forBars) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Named series : values) {
            for (int i = 0; i < series.values().length; i++) {
                double v = series.values()[i];
                if (!(v > 0)) {
                    throw new IllegalArgumentException("'" + series.name() + "' value " + i + " is " + v
                            + ", but the axis '" + axis + "' is logarithmic and shows only values above 0;"
                            + " use a linear axis or drop that point");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            min = max = 1;
        }
        double low = Math.log10(min);
        double base = 0;
        if (forBars) {
            base = Math.floor(low);
            if (low - base < 0.15) {
                base -= 1;
            }
        }
        return new AxisScale(true, base, max / min >= 100, Math.log10(max) - (forBars ? base : low));
    }

    /** A series name and its values, as {@link #log} checks them. */
    record Named(String name, double[] values) {}

    boolean isLog() {
        return log;
    }

    double place(double value) {
        return log ? Math.log10(value) - base : value;
    }

    double[] place(double[] values) {
        double[] placed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            placed[i] = place(values[i]);
        }
        return placed;
    }

    /** The value a position on the axis stands for. */
    double value(double position) {
        return log ? Math.pow(10, position + base) : position;
    }

    /**
     * XChart's tick spacing hint, in pixels, for an axis {@code length} pixels long on which a label needs
     * {@code room} pixels: on a log axis over decades, the hint that makes XChart step by whole decades (1, 2 or 5
     * of them, the fewest that leave each label its room), or by half decades, labelled at every other tick, where
     * the axis spans too few decades for that: XChart rounds the step it derives from the hint to 1, 2, 2.5 or 5
     * times a power of ten, and a step of 2.5 decades would label none. The hint stays below a third of the axis:
     * with a larger one XChart 3.8.8 draws a single tick and maps annotations on the other axis wrongly.
     */
    int spacingHint(int length, int room) {
        if (!log) {
            return room;
        }
        if (!decades) {
            // XChart rounds the step this hint gives, a tenth of a decade, to exactly 0.1.
            return Math.max(1, (int) Math.round(length * 0.1 / Math.max(span, 0.1)));
        }
        int largest = (int) (length / 3.2);
        for (int step : new int[] {1, 2, 5, 10, 20}) {
            if (length * step / span >= room) {
                return Math.min(largest, (int) Math.round(length * step / span));
            }
        }
        return room;
    }

    /** The label of the tick at {@code position}: {@link TickLabels} of its value, or a blank between decades. */
    Function<Double, String> labels() {
        if (!log) {
            return TickLabels::of;
        }
        return position -> {
            double exponent = position + base;
            if (decades && Math.abs(exponent - Math.rint(exponent)) > 1e-6) {
                return blank(exponent);
            }
            if (decades) {
                return TickLabels.of(Math.pow(10, Math.rint(exponent)));
            }
            if (span >= 0.7) {
                double decade = Math.floor(exponent + 1e-6);
                double fraction = exponent - decade;
                int[] multiples = span >= 1.5 ? new int[] {1, 2, 5} : new int[] {1, 2, 4, 5, 8};
                for (int multiple : multiples) {
                    if (Math.abs(fraction - Math.log10(multiple)) < 0.01) {
                        return TickLabels.of(new BigDecimal(multiple * Math.pow(10, decade))
                                .round(new MathContext(1))
                                .doubleValue());
                    }
                }
                return blank(exponent);
            }
            return TickLabels.of(new BigDecimal(Math.pow(10, exponent))
                    .round(new MathContext(2))
                    .doubleValue());
        };
    }

    /**
     * A label that shows nothing, but is not empty (XChart cannot lay out "") and differs for every tick: XChart drops
     * every tick but the ends when two labels are equal, taking it for a format that hides their difference.
     */
    private static String blank(double exponent) {
        return " " + "\u200b".repeat(1 + Math.floorMod(Math.round(exponent * 1000), 997));
    }
}
