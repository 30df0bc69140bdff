package tempered.exercise;

import java.util.List;
import java.util.SplittableRandom;
import tempered.math.Softmax;

/**
 * The checks of notebook 03's exercises, on drawing a token: where a dart lands, at which temperature it leaves
 * the favourite, and what a seeded run of draws gives. Each takes the learner's answer and the notebook's greetings
 * and returns a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * List<String> greetings = List.of("Ni Hao", "Konnichiwa", "Hola", "Namaste", "Hello", "Ciao");
 * double[] logits = {0.1, 0, 0.5, 1, 4, 0.6};
 * DrawingATokenExercises.dartLandsOn("Hola", greetings, logits);  // "not yet: at T = 1.3 the dart u = 0.05 does not land on Hola; try again"
 * }</pre>
 */
public final class DrawingATokenExercises {
    /** The dart of the notebook's picture. */
    private static final double DART = 0.05;

    /** The temperature of exercise 1, between the picture's T = 1 (Hola) and T = 2 (Ni Hao). */
    private static final double PREDICTED_AT = 1.3;

    /** The draws and the seed of exercise 3. */
    private static final int DRAWS = 10_000;

    private static final long SEED = 99;

    private DrawingATokenExercises() {}

    /**
     * Exercise 1, a prediction: the greeting the dart u = 0.05 lands on at T = 1.3, walking the greetings in list
     * order (the order of the notebook's running total). Leading and trailing spaces are ignored.
     */
    public static String dartLandsOn(String greeting, List<String> greetings, double[] logits) {
        Inputs.index(greetings, "Hello", "greetings");
        double[] p = Softmax.probs(Inputs.present(logits, "logits"), PREDICTED_AT);
        String expected = greetings.get(walk(p, DART));
        String at = "at T = " + Check.shown(PREDICTED_AT) + " the dart u = " + Check.shown(DART);
        if (greeting == null) {
            return Check.equal(
                    "the greeting the dart u = " + Check.shown(DART) + " lands on at T = " + Check.shown(PREDICTED_AT),
                    null,
                    expected);
        }
        String answer = greeting.strip();
        if (!greetings.contains(answer)) {
            return Check.notYet("\"" + greeting + "\" is not one of the greetings; type one of " + greetings);
        }
        return answer.equals(expected)
                ? Check.right(at + " lands on " + answer)
                : Check.notYet(at + " does not land on " + answer);
    }

    /**
     * Exercise 2: the temperature at which the greetings left of Hello (before it in list order, the order the
     * running total walks) hold 0.05 of the line together, so that the dart u = 0.05 leaves Hello. The check finds
     * that temperature itself, by bisection, and accepts the learner's within 0.001 of it.
     */
    public static String dartLeavesHello(double temperature, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        Inputs.present(logits, "logits");
        String invalid = Check.notATemperature("the temperature", temperature);
        if (invalid != null) {
            return invalid;
        }
        // The mass left of Hello grows with T (Hello has the largest logit): bisect between T = 0.01 and T = 100.
        double low = 0.01;
        double high = 100;
        if (leftOf(hello, logits, high) < DART) {
            throw new IllegalArgumentException("with these logits the greetings left of Hello never hold " + DART
                    + "; pass the notebook's greetings and logits as they are");
        }
        for (int step = 0; step < 200; step++) {
            double middle = (low + high) / 2;
            if (leftOf(hello, logits, middle) < DART) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Check.near("the temperature at which the dart leaves Hello", temperature, low, 1e-3);
    }

    /**
     * Exercise 3: how many of 10,000 draws at T = 1 are Hello, with u from {@code new SplittableRandom(99)} and the
     * notebook's running-total walk over the greetings in list order. One seed, one walk: one right count.
     */
    public static String hellosInTenThousand(long count, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        double[] p = Softmax.probs(Inputs.present(logits, "logits"), 1);
        SplittableRandom random = new SplittableRandom(SEED);
        long hellos = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (walk(p, random.nextDouble()) == hello) {
                hellos++;
            }
        }
        if (count > DRAWS) {
            return Check.notYet("Hello cannot come out " + count + " times in 10,000 draws");
        }
        return Check.count("the number of Hellos in 10,000 draws with seed 99", count, hellos);
    }

    private static double leftOf(int hello, double[] logits, double temperature) {
        double[] p = Softmax.probs(logits, temperature);
        double left = 0;
        for (int i = 0; i < hello; i++) {
            left += p[i];
        }
        return left;
    }

    /** The notebook's drawByHand: the first token whose running total passes u, the last if rounding leaves u above. */
    private static int walk(double[] p, double u) {
        double runningTotal = 0;
        for (int i = 0; i < p.length; i++) {
            runningTotal += p[i];
            if (u < runningTotal) {
                return i;
            }
        }
        return p.length - 1;
    }
}
