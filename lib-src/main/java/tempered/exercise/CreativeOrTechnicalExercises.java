package tempered.exercise;

import java.util.Arrays;
import tempered.generate.Generation;
import tempered.generate.Repetition;
import tempered.generate.Surprisal;
import tempered.model.LanguageModel;
import tempered.stats.BootstrapMean;
import tempered.text.HumanText;

/**
 * The checks of notebook 09's exercises, on creative and technical text: where human text sits among the sampled
 * temperatures (a prediction), and repetition counted by hand in the greedy text. Each takes the learner's answer
 * and the notebook's data and returns a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * // not run: needs GPT-2's generations of notebook 09
 * CreativeOrTechnicalExercises.repeatedFourGrams(count, greedy);   // "right: ..." or "not yet: ..."
 * }</pre>
 */
public final class CreativeOrTechnicalExercises {
    /** How many tokens of the human passage notebook 09 measures, as many as each sampled text has. */
    public static final int HUMAN_TOKENS = 100;

    private CreativeOrTechnicalExercises() {}

    /**
     * Exercise 1, a prediction: the temperature, among {@code temperatures}, whose texts' mean surprisal ({@code
     * surprisal}, one mean per temperature) lies closest to that of the human passage, scored under {@code model}
     * as notebook 09 scores it: the first {@value #HUMAN_TOKENS} tokens after the opening paragraph of {@link
     * HumanText#prideAndPrejudice()}, given that paragraph.
     */
    public static String closestToHuman(
            double temperature, double[] temperatures, BootstrapMean[] surprisal, LanguageModel model) {
        Inputs.present(temperatures, "the temperatures");
        Inputs.present(surprisal, "the surprisal means");
        String invalid = Check.notANumber("the temperature", temperature);
        if (invalid != null) {
            return invalid;
        }
        if (Arrays.stream(temperatures).noneMatch(t -> t == temperature)) {
            return Check.notYet(Check.shown(temperature) + " is not one of the measured temperatures "
                    + Arrays.toString(temperatures) + "; pick one of them");
        }
        double human = humanSurprisal(Inputs.present(model, "the model"));
        int closest = 0;
        for (int i = 1; i < temperatures.length; i++) {
            if (Math.abs(surprisal[i].mean() - human) < Math.abs(surprisal[closest].mean() - human)) {
                closest = i;
            }
        }
        return temperature == temperatures[closest]
                ? Check.right("the temperature whose texts are closest to the human passage is T = "
                        + Check.shown(temperature))
                // A prediction is made once: no "try again", which would invite trying each temperature in turn.
                : "not yet: T = " + Check.shown(temperature) + " is not the closest; keep your prediction and its"
                        + " reason, and run the next cell to see where the human line falls and why";
    }

    /**
     * Exercise 2: how many of the 4-grams of {@code greedy}'s text (its new tokens) already occurred earlier in it.
     */
    public static String repeatedFourGrams(long count, Generation greedy) {
        int[] ids = Inputs.present(greedy, "the greedy generation").sample().tokenIds();
        int grams = Math.max(0, ids.length - 3);
        long expected = Math.round(Repetition.repeatedShare(ids, 4) * grams);
        return Check.count("the number of repeated 4-grams", count, expected);
    }

    /** The human passage's mean surprisal, in nats per token, as notebook 09 computes it. */
    static double humanSurprisal(LanguageModel model) {
        String passage = HumanText.prideAndPrejudice();
        int split = passage.indexOf("\n\n");
        int[] opening = model.tokenizer().encode(passage.substring(0, split));
        int[] rest = model.tokenizer().encode(passage.substring(split));
        double[] nats = Surprisal.of(model, opening, Arrays.copyOf(rest, Math.min(HUMAN_TOKENS, rest.length)));
        return Arrays.stream(nats).average().orElseThrow();
    }
}
