package tempered.exercise;

import java.util.Locale;
import java.util.Objects;

/**
 * The verdict of a notebook exercise's check cell: "right" or "not yet", without printing the expected answer,
 * so a learner can try again without being told. A verdict is a line of text the cell shows.
 *
 * <pre>{@code
 * Check.near("the temperature", 0.5763, 0.57626, 1e-3);  // "right: the temperature is 0.5763"
 * Check.near("the temperature", 0.7, 0.57626, 1e-3);     // "not yet: the temperature is too high; try again"
 * Check.equal("the token", "mat", "mat");               // "right: the token is mat"
 * }</pre>
 */
public final class Check {
    private Check() {}

    /** Whether {@code answer} is within {@code tolerance} of {@code expected}; says too high or too low otherwise. */
    public static String near(String what, double answer, double expected, double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(expected)) {
            throw new IllegalArgumentException(
                    "a check needs a finite expected value and a tolerance >= 0, got expected=" + expected
                            + ", tolerance=" + tolerance);
        }
        if (Double.isNaN(answer)) {
            return "not yet: " + what + " is still NaN; replace the placeholder with your answer";
        }
        if (Math.abs(answer - expected) <= tolerance) {
            return "right: " + what + " is "
                    + String.format(Locale.ROOT, "%.6g", answer).replaceAll("\\.?0+$", "");
        }
        return "not yet: " + what + " is too " + (answer > expected ? "high" : "low") + "; try again";
    }

    /** Whether {@code answer} equals {@code expected}. */
    public static String equal(String what, Object answer, Object expected) {
        if (answer == null) {
            return "not yet: " + what + " is still missing; replace the placeholder with your answer";
        }
        if (Objects.equals(answer, expected)) {
            return "right: " + what + " is " + answer;
        }
        return "not yet: " + what + " is not " + answer + "; try again";
    }
}
