package tempered.exercise;

import java.util.List;
import tempered.math.Softmax;

/**
 * The checks of notebook 03's exercises, on drawing a token: where a dart lands, and what share of many draws a
 * token takes. Each takes the learner's answer and the notebook's greetings and returns a verdict that does not
 * contain the expected value.
 *
 * <pre>{@code
 * List<String> greetings = List.of("Ni Hao", "Konnichiwa", "Hola", "Namaste", "Hello", "Ciao");
 * double[] logits = {0.1, 0, 0.5, 1, 4, 0.6};
 * DrawingATokenExercises.dartLeavesHello(1, greetings, logits);  // "not yet: at T = 1 the greetings left of Hello do not hold 0.05 (within 0.0001); try again"
 * }</pre>
 */
public final class DrawingATokenExercises {
    private DrawingATokenExercises() {}

    /**
     * Exercise 1: the temperature at which the greetings left of Hello (before it in id order, the order the
     * running total walks) hold 0.05 of the line together, so that the dart u = 0.05 leaves Hello. The check
     * tempers the logits at the learner's temperature and accepts it when that mass is within 1e-4 of 0.05.
     */
    public static String dartLeavesHello(double temperature, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        Inputs.present(logits, "logits");
        String invalid = Check.notATemperature("your temperature", temperature);
        if (invalid != null) {
            return invalid;
        }
        double[] p = Softmax.probs(logits, temperature);
        double left = 0;
        for (int i = 0; i < hello; i++) {
            left += p[i];
        }
        String at = "at T = " + Check.shown(temperature) + " the greetings left of Hello ";
        return Math.abs(left - 0.05) <= 1e-4
                ? Check.right(at + "hold 0.05")
                : Check.notYet(at + "do not hold 0.05 (within 0.0001)");
    }

    /**
     * Exercise 2: the share of Hello in 10,000 draws at T = 1. Any share within 0.01 of Hello's probability
     * passes: three standard deviations of a share of 10,000 draws, so a right simulation passes with any seed.
     */
    public static String helloShare(double share, List<String> greetings, double[] logits) {
        int hello = Inputs.index(greetings, "Hello", "greetings");
        double p = Softmax.probs(Inputs.present(logits, "logits"), 1)[hello];
        return Check.probability("the share of Hello in 10,000 draws", share, p, 0.01);
    }
}
