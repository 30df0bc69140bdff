package tempered.exercise;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import tempered.format.Numbers;

/**
 * The verdict of a notebook exercise's check: a line that starts "right:" or "not yet:" and never contains the
 * expected answer, so a learner can try again without being told.
 *
 * <p>A wrong number gets no direction: "too high" and "too low" would turn an exercise into guessing by halves. A
 * verdict may say what kind of answer is wanted (a probability lies in [0, 1], a count is never negative) and how
 * close a right one must be, nothing more. The expected values live in one class per notebook ({@code
 * SoftmaxFromScratchExercises} and the others), so the check cell shows neither the answer nor the expression
 * that computes it; {@link Answer} has the placeholders an exercise cell starts from.
 *
 * <pre>{@code
 * Check.near("the temperature", 0.5763, 0.57626, 1e-3);  // "right: the temperature is 0.5763"
 * Check.near("the temperature", 0.7, 0.57626, 1e-3);     // "not yet: the temperature is not 0.7 (it must be within 0.001 of the answer); try again"
 * Check.count("the number of tokens", 81, 81);          // "right: the number of tokens is 81"
 * Check.equal("the token", "mat", "mat");               // "right: the token is mat"
 * }</pre>
 */
public final class Check {
    private Check() {}

    /** A right verdict: {@code "right: " + what}. */
    public static String right(String what) {
        return "right: " + what;
    }

    /** A not-yet verdict: {@code "not yet: " + what + "; try again"}. */
    public static String notYet(String what) {
        return "not yet: " + what + "; try again";
    }

    /** Whether {@code answer} is within {@code tolerance} of {@code expected}. */
    public static String near(String what, double answer, double expected, double tolerance) {
        requireExpected(expected, tolerance);
        if (!Double.isFinite(answer)) {
            return notANumber(what, answer);
        }
        if (Math.abs(answer - expected) <= tolerance) {
            return right(what + " is " + shown(answer));
        }
        return notYet(
                what + " is not " + shown(answer) + " (it must be within " + plain(tolerance) + " of the answer)");
    }

    /** {@link #near} for a probability: an answer outside [0, 1] is named as no probability at all. */
    public static String probability(String what, double answer, double expected, double tolerance) {
        if (Double.isFinite(answer) && (answer < 0 || answer > 1)) {
            requireExpected(expected, tolerance);
            return notYet(what + " cannot be " + shown(answer) + ": a probability lies between 0 and 1");
        }
        return near(what, answer, expected, tolerance);
    }

    /** Whether a whole-number answer, such as a count of tokens or bytes, is exactly {@code expected}. */
    public static String count(String what, long answer, long expected) {
        if (answer == Answer.NONE) {
            return "not yet: " + what + " is still Answer.NONE; replace the placeholder with your answer";
        }
        if (answer < 0) {
            return notYet(what + " cannot be " + answer + ": a count is never negative");
        }
        if (answer == expected) {
            return right(what + " is " + String.format(Locale.ROOT, "%,d", answer));
        }
        return notYet(what + " is not " + String.format(Locale.ROOT, "%,d", answer));
    }

    /** Whether {@code answer} equals {@code expected}. */
    public static String equal(String what, Object answer, Object expected) {
        if (answer == null) {
            return "not yet: " + what + " is still missing; replace the placeholder with your answer";
        }
        if (Objects.equals(answer, expected)) {
            return right(what + " is " + answer);
        }
        return notYet(what + " is not " + answer);
    }

    /**
     * The verdict for an answer that is no number yet (the NaN placeholder, or an infinity from a division by
     * zero), or null when {@code answer} is a finite number that can be judged.
     */
    static String notANumber(String what, double answer) {
        if (Double.isNaN(answer)) {
            return "not yet: " + what + " is still NaN; replace the placeholder with your answer";
        }
        if (Double.isInfinite(answer)) {
            return notYet(what + " is " + answer + ", which is not a number; look for a division by zero");
        }
        return null;
    }

    /**
     * The verdict for a temperature the check cannot try (the placeholder, an infinity, or T <= 0, where there is
     * no tempered softmax to evaluate), or null for a temperature above 0.
     */
    static String notATemperature(String what, double temperature) {
        String notANumber = notANumber(what, temperature);
        if (notANumber != null) {
            return notANumber;
        }
        if (temperature <= 0) {
            return notYet(what + " cannot be " + shown(temperature) + ": give a temperature above 0");
        }
        return null;
    }

    /** A number as a verdict shows it: six significant digits at most, no trailing zeros. */
    static String shown(double value) {
        return value == 0
                ? "0"
                : Numbers.format(new BigDecimal(value).round(new MathContext(6)).doubleValue());
    }

    /** A tolerance as a learner reads it: 0.000001, not 1.0E-6. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void requireExpected(double expected, double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(expected)) {
            throw new IllegalArgumentException(
                    "a check needs a finite expected value and a tolerance >= 0, got expected=" + expected
                            + ", tolerance=" + tolerance);
        }
    }
}
