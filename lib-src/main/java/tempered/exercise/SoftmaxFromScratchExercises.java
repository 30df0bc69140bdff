package tempered.exercise;

import java.util.List;
import tempered.math.Softmax;

/**
 * The checks of notebook 01's exercises, on the softmax built from scratch. Each takes the learner's answer and the
 * notebook's greetings, computes the expected value from them, and returns a verdict that does not contain it.
 *
 * <pre>{@code
 * List<String> greetings = List.of("Ni Hao", "Konnichiwa", "Hola", "Namaste", "Hello", "Ciao");
 * double[] logits = {0.1, 0, 0.5, 1, 4, 0.6};
 * SoftmaxFromScratchExercises.helloOverNamaste(20.09, greetings, logits);  // "not yet: Hello / Namaste at T = 0.5 is not 20.09 (it must be within 0.0001 of the answer, relatively); try again"
 * }</pre>
 */
public final class SoftmaxFromScratchExercises {
    private SoftmaxFromScratchExercises() {}

    /**
     * Exercise 1: how many times likelier Hello is than Namaste at T = 0.5. Right to 4 significant digits
     * (a relative tolerance of 1e-4), since the answer, e^((x_Hello - x_Namaste)/T), is in the hundreds.
     */
    public static String helloOverNamaste(double ratio, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        int namaste = Inputs.index(greetings, "Namaste", "greetings");
        double[] half = Softmax.probs(Inputs.present(logits, "logits"), 0.5);
        double expected = half[hello] / half[namaste];
        String what = "Hello / Namaste at T = 0.5";
        String notANumber = Check.notANumber(what, ratio);
        if (notANumber != null) {
            return notANumber;
        }
        if (Math.abs(ratio - expected) <= 1e-4 * expected) {
            return Check.right(what + " is " + Check.shown(ratio));
        }
        return Check.notYet(
                what + " is not " + Check.shown(ratio) + " (it must be within 0.0001 of the answer, relatively)");
    }

    /**
     * Exercise 2: the temperature at which Hello holds one half. The check tempers the logits at the learner's
     * temperature and accepts it when Hello's probability there is within 1e-4 of 0.5.
     */
    public static String halfForHello(double temperature, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        Inputs.present(logits, "logits");
        String what = "your temperature";
        String invalid = Check.notATemperature(what, temperature);
        if (invalid != null) {
            return invalid;
        }
        if (Math.abs(Softmax.probs(logits, temperature)[hello] - 0.5) <= 1e-4) {
            return Check.right("at T = " + Check.shown(temperature) + " Hello holds one half");
        }
        return Check.notYet("at T = " + Check.shown(temperature) + " Hello does not hold one half (within 0.0001)");
    }

    /**
     * Exercise 3: the x at which e^x and e^(x/3) have the same slope. The check computes the two slopes, e^x and
     * e^(x/3)/3, at the learner's x and accepts it when they agree to 0.1% of the larger: an x right to about
     * three decimals, as it comes out of a calculation on paper. (An absolute difference would also accept any x
     * far enough left, where both slopes vanish.)
     */
    public static String equalSlopes(double x) {
        String what = "your x";
        String notANumber = Check.notANumber(what, x);
        if (notANumber != null) {
            return notANumber;
        }
        double slope = Math.exp(x);
        double slopeAtThree = Math.exp(x / 3) / 3;
        if (Math.abs(slope - slopeAtThree) <= 1e-3 * Math.max(slope, slopeAtThree)) {
            return Check.right("at x = " + Check.shown(x) + " the slopes of e^x and e^(x/3) are equal");
        }
        return Check.notYet("at x = " + Check.shown(x) + " the slopes of e^x and e^(x/3) differ by more than 0.1%");
    }
}
