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
 * SoftmaxFromScratchExercises.helloOverNamaste(20.09, greetings, logits);  // "not yet: Hello / Namaste at T = 0.5 is not 20.09 (it must be within 0.2% of the answer); try again"
 * SoftmaxFromScratchExercises.biggestGainTwoToFive("Namaste", greetings, logits);  // "not yet: Namaste is not the greeting that gains the most from T = 2 to T = 5; try again"
 * }</pre>
 */
public final class SoftmaxFromScratchExercises {
    private SoftmaxFromScratchExercises() {}

    /**
     * The prediction before the greetings' table: which of the five small greetings (all but Hello) gains the most
     * probability from T = 2 to T = 5. The name is compared without regard to case or surrounding spaces.
     */
    public static String biggestGainTwoToFive(String greeting, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        double[] two = Softmax.probs(Inputs.present(logits, "logits"), 2);
        double[] five = Softmax.probs(logits, 5);
        int best = -1;
        for (int g = 0; g < greetings.size(); g++) {
            if (g != hello && (best < 0 || five[g] - two[g] > five[best] - two[best])) {
                best = g;
            }
        }
        String what = "the greeting that gains the most from T = 2 to T = 5";
        if (greeting == null) {
            return Check.equal(what, null, greetings.get(best));
        }
        String typed = greeting.strip();
        int chosen = -1;
        for (int g = 0; g < greetings.size(); g++) {
            if (greetings.get(g).equalsIgnoreCase(typed)) {
                chosen = g;
            }
        }
        if (chosen < 0) {
            return Check.notYet("\"" + greeting + "\" is not one of the greetings " + greetings);
        }
        if (chosen == hello) {
            return Check.notYet("Hello loses probability as T rises; pick one of the five others");
        }
        if (chosen == best) {
            return Check.right(greetings.get(chosen) + " is " + what);
        }
        return Check.notYet(greetings.get(chosen) + " is not " + what);
    }

    /**
     * Exercise 1: how many times likelier Hello is than Namaste at T = 0.5. Right within 0.2% (so 403 and 403.4
     * both pass), since the answer, e^((x_Hello - x_Namaste)/T), is in the hundreds.
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
        if (Math.abs(ratio - expected) <= 2e-3 * expected) {
            return Check.right(what + " is " + Check.shown(ratio));
        }
        return Check.notYet(what + " is not " + Check.shown(ratio) + " (it must be within 0.2% of the answer)");
    }

    /**
     * Exercise 2: the temperature at which Hello holds one half. Right within 0.005 of that temperature, so the
     * answer to two decimals passes.
     */
    public static String halfForHello(double temperature, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        String what = "your temperature";
        String invalid = Check.notATemperature(what, temperature);
        if (invalid != null) {
            return invalid;
        }
        double expected = halfTemperature(Inputs.present(logits, "logits"), hello);
        if (Math.abs(temperature - expected) <= 0.005) {
            return Check.right("at T = " + Check.shown(temperature) + " Hello holds one half, to two decimals of T");
        }
        return Check.notYet(
                "at T = " + Check.shown(temperature) + " Hello does not hold one half (T must be within 0.005)");
    }

    /**
     * Exercise 3 (going further): the x at which e^x and e^(x/3) have the same slope. The check computes the two
     * slopes, e^x and e^(x/3)/3, at the learner's x and accepts it when they agree to 0.1% of the larger: an x
     * right to about three decimals, as it comes out of a calculation on paper. (An absolute difference would also
     * accept any x far enough left, where both slopes vanish.)
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

    /** The temperature at which the favourite {@code top} holds one half: its probability falls as T rises. */
    private static double halfTemperature(double[] logits, int top) {
        double low = 1e-3;
        double high = 1e3;
        for (int step = 0; step < 100; step++) {
            double mid = Math.sqrt(low * high);
            if (Softmax.probs(logits, mid)[top] > 0.5) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
