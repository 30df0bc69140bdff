package tempered.exercise;

import tempered.generate.Generation;
import tempered.generate.Repetition;
import tempered.generate.Step;

/**
 * The checks of notebook 09's exercises, on creative and technical text: repetition counted by hand, and surprisal
 * converted between bits and nats. Each takes the learner's answer and the notebook's generation and returns a
 * verdict that does not contain the expected value.
 *
 * <pre>{@code
 * // not run: needs GPT-2's generations of notebook 09
 * CreativeOrTechnicalExercises.repeatedFourGrams(share, calm);   // "right: ..." or "not yet: ..."
 * }</pre>
 */
public final class CreativeOrTechnicalExercises {
    private CreativeOrTechnicalExercises() {}

    /**
     * Exercise 1: the share of the 4-grams of {@code run}'s text that already occurred earlier in it. Right within
     * 1e-9: it is a ratio of two counts, and an off-by-one count in either moves it by more.
     */
    public static String repeatedFourGrams(double share, Generation run) {
        double expected = Repetition.repeatedShare(
                Inputs.present(run, "the generation").sample().tokenIds(), 4);
        return Check.probability("the repeated share of 4-grams", share, expected, 1e-9);
    }

    /**
     * Exercise 2: the mean surprisal of {@code run}'s tokens under the raw model, in nats per token (the mean of
     * -ln p). Right within 1e-6.
     */
    public static String meanSurprisalNats(double nats, Generation run) {
        double expected = Inputs.present(run, "the generation").sample().steps().stream()
                .mapToDouble(Step::rawLogProbability)
                .map(logP -> -logP)
                .average()
                .orElse(0);
        return Check.near("the mean surprisal in nats", nats, expected, 1e-6);
    }
}
