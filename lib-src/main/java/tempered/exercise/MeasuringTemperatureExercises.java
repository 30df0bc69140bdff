package tempered.exercise;

import tempered.math.Logits;
import tempered.math.TemperatureSolver;
import tempered.recorded.RecordedGpt2;

/**
 * The checks of notebook 10's exercises, on measuring temperature: the temperature for a target perplexity (a
 * prediction first) or entropy. Each takes the learner's answer and the notebook's data and returns a verdict that does not contain
 * the expected value.
 *
 * <pre>{@code
 * double[] model = {0.54, 0.06, 0.2, 0.2};   // the notebook's two-step sequences aa, ab, ba, bb
 * MeasuringTemperatureExercises.wholeSequenceEntropyOne(1.0, model);  // "not yet: the temperature is not 1 (it must be within 0.0001 of the answer); try again"
 * }</pre>
 */
public final class MeasuringTemperatureExercises {
    private MeasuringTemperatureExercises() {}

    /**
     * Exercise 1: the recorded prompt after which GPT-2's next token, cooled from T = 1, reaches perplexity 10 at
     * the lowest temperature (the one that needs the most cooling). It is not the prompt with the largest entropy
     * at T = 1: two curves H(T) can cross.
     */
    public static String firstToPerplexityTen(String prompt, RecordedGpt2 recorded) {
        return Prompts.largest(
                "the prompt",
                prompt,
                recorded,
                p -> -TemperatureSolver.forPerplexity(Logits.toDouble(recorded.nextLogits(p.tokenIds())), 10));
    }

    /**
     * Exercise 2: the temperature at which the distribution over whole sequences, {@code sequenceProbs} tempered
     * as one distribution, has an entropy of 1 nat. Right within 1e-4.
     */
    public static String wholeSequenceEntropyOne(double temperature, double[] sequenceProbs) {
        double expected = TemperatureSolver.forEntropy(
                Logits.fromProbs(Inputs.present(sequenceProbs, "the sequence probabilities")), 1.0);
        String invalid = Check.notATemperature("the temperature", temperature);
        return invalid != null ? invalid : Check.near("the temperature", temperature, expected, 1e-4);
    }
}
