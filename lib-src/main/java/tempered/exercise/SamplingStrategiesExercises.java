package tempered.exercise;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tempered.format.Numbers;
import tempered.sampling.DynamicTemperature;
import tempered.sampling.Greedy;
import tempered.sampling.MinP;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.sampling.TopK;
import tempered.sampling.TopP;

/**
 * The checks of notebook 05's exercises, on sampling strategies: the raw threshold that min-p after a temperature
 * amounts to, how many tokens that cut keeps, and the temperature llama.cpp's dynamic temperature picks. Each takes
 * the learner's answer (and the notebook's logits) and returns a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * SamplingStrategiesExercises.rawMinP(0.02 / 2.5, 2.5, 0.02);
 * // "not yet: the raw min-p threshold is not 0.008 (it must be within 0.0000001 of the answer); try again"
 * }</pre>
 */
public final class SamplingStrategiesExercises {
    private SamplingStrategiesExercises() {}

    /**
     * Exercise 1 (a): the threshold that min-p {@code minP} after the temperature {@code temperature} amounts to on
     * the raw distribution: min-p m after T keeps exactly the tokens min-p m^T keeps before T. Right within 1e-7, or
     * within a thousandth of the answer where that is wider (three significant figures).
     */
    public static String rawMinP(double threshold, double temperature, double minP) {
        if (!(temperature > 0) || !(minP > 0 && minP <= 1)) {
            throw new IllegalArgumentException("the exercise needs a temperature above 0 and a min-p in (0, 1], got T="
                    + temperature + ", min-p=" + minP);
        }
        double expected = Math.pow(minP, temperature);
        return Check.probability("the raw min-p threshold", threshold, expected, Math.max(1e-7, 1e-3 * expected));
    }

    /**
     * Exercise 1 (b): how many tokens survive min-p {@code minP} with the temperature {@code temperature} applied
     * first (transformers' and vLLM's order). The exercise's numbers are arguments, unlike the other checks', so
     * the notebook can ask about a setting whose answer it has not printed earlier.
     */
    public static String minPSurvivors(long survivors, double[] logits, double temperature, double minP) {
        double[] kept = SamplerSettings.of(temperature)
                .withMinP(minP)
                .temperatureFirst()
                .process(Inputs.present(logits, "logits"));
        long expected =
                Arrays.stream(kept).filter(v -> v != Double.NEGATIVE_INFINITY).count();
        String what = String.format(
                Locale.ROOT,
                "the number of tokens min-p %s keeps at T = %s",
                Numbers.format(minP),
                Numbers.format(temperature));
        return Check.count(what, survivors, expected);
    }

    /**
     * Exercise 2: the temperature llama.cpp picks with {@code --dynatemp-range 0.5 --dynatemp-exp 2} and its
     * defaults ({@code --temp 0.8}, then top-k 40, top-p 0.95 and min-p 0.05 before the temperature): the dynamic
     * temperature of the survivors of that truncation. Right within 5e-4, so that the entropy as the notebook prints it
     * (three decimals) gives a right answer too.
     */
    public static String dynamicTemperature(double temperature, double[] logits) {
        SamplerChain truncation = new SamplerChain(List.of(new TopK(40), new TopP(0.95), new MinP(0.05)), new Greedy());
        double expected = new DynamicTemperature(0.8, 0.5, 2)
                .temperatureFor(truncation.process(Inputs.present(logits, "logits")));
        String invalid = Check.notATemperature("the temperature", temperature);
        return invalid != null ? invalid : Check.near("the temperature", temperature, expected, 5e-4);
    }
}
