package tempered.exercise;

import java.util.Arrays;
import java.util.Locale;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Softmax;
import tempered.math.TemperatureSolver;

/**
 * The checks of notebook 02's exercises, on temperature by hand: the tempered softmax on paper, perplexity, and
 * tempering probabilities. Each takes the learner's answer and the notebook's data and returns a verdict that
 * does not contain the expected value.
 *
 * <p>Probabilities worked out by hand are right within 5e-5, so an answer written to four decimals passes.
 *
 * <pre>{@code
 * TemperatureByHandExercises.middleAtHalf(0.66524, new double[] {2, 4, 3});  // "not yet: the middle token's probability at T = 0.5 is not 0.66524 (it must be within 0.00005 of the answer); try again"
 * TemperatureByHandExercises.spreadTail("neither", new double[] {0}, new double[] {0, -1, 1});  // "not yet: write heavier or lighter; try again"
 * }</pre>
 */
public final class TemperatureByHandExercises {
    private static final double BY_HAND = 5e-5;

    private TemperatureByHandExercises() {}

    /**
     * The prediction before the tail's table: is a tail whose logits are spread around a centre heavier or lighter,
     * at T = 1, than a flat crowd of as many tokens all at that centre (notebook 01's crowd rule)? {@code vocabulary}
     * holds the five words' logits first, then the tail's; the centre is the tail's mean. The answer, "heavier" or
     * "lighter", is compared without regard to case or surrounding spaces.
     */
    public static String spreadTail(String prediction, double[] wordLogits, double[] vocabulary) {
        int words = Inputs.present(wordLogits, "wordLogits").length;
        if (Inputs.present(vocabulary, "vocabulary").length <= words) {
            throw new IllegalArgumentException("vocabulary holds " + vocabulary.length + " logits, no more than the "
                    + words + " words; pass the notebook's vocabulary: the words' logits, then the tail's");
        }
        if (prediction == null) {
            return Check.equal("your prediction", null, "");
        }
        String typed = prediction.strip().toLowerCase(Locale.ROOT);
        if (!typed.equals("heavier") && !typed.equals("lighter")) {
            return Check.notYet("write heavier or lighter");
        }
        int tokens = vocabulary.length - words;
        double centre = 0;
        for (int i = words; i < vocabulary.length; i++) {
            centre += vocabulary[i] / tokens;
        }
        double spread = 0;
        double[] p = Softmax.probs(vocabulary, 1);
        for (int i = words; i < p.length; i++) {
            spread += p[i];
        }
        double[] flat = Arrays.copyOf(wordLogits, words + 1);
        flat[words] = centre + Math.log(tokens);
        double flatShare = Softmax.probs(flat, 1)[words];
        String expected = spread > flatShare ? "heavier" : "lighter";
        if (typed.equals(expected)) {
            return Check.right("the spread tail is " + expected + " than a flat crowd at its centre");
        }
        return Check.notYet("compare two tail tokens, one a little above the centre and one as far below it, with two"
                + " tokens at the centre");
    }

    /** Exercise 1: the probability of the middle token of {@code logits} (the notebook's [2, 4, 3]) at T = 0.5. */
    public static String middleAtHalf(double probability, double[] logits) {
        double[] p = Softmax.probs(Inputs.present(logits, "logits"), 0.5);
        return Check.probability("the middle token's probability at T = 0.5", probability, p[p.length / 2], BY_HAND);
    }

    /**
     * Exercise 2: the temperature at which the five words are as uncertain as a fair choice among three, that is,
     * at which their perplexity is 3. Right within 0.001.
     */
    public static String perplexityThree(double temperature, double[] wordLogits) {
        double expected = TemperatureSolver.forPerplexity(Inputs.present(wordLogits, "wordLogits"), 3.0);
        String invalid = Check.notATemperature("the temperature for perplexity 3", temperature);
        return invalid != null ? invalid : Check.near("the temperature for perplexity 3", temperature, expected, 1e-3);
    }

    /** Exercise 3: the first fruit's (apple's) probability after tempering {@code fruitProbs} at T = 1/3. */
    public static String appleAtOneThird(double probability, double[] fruitProbs) {
        double expected = Distribution.of(Logits.fromProbs(Inputs.present(fruitProbs, "fruitProbs")), 1.0 / 3)
                .prob(0);
        return Check.probability("apple's probability at T = 1/3", probability, expected, BY_HAND);
    }
}
