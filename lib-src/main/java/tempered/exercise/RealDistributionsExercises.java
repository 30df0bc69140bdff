package tempered.exercise;

import java.util.Arrays;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.recorded.RecordedGpt2;

/**
 * The checks of notebook 04's exercises, on GPT-2's real next-token distributions (recorded). Each takes the
 * learner's answer and the notebook's recorded logits and returns a verdict that does not contain the expected
 * value.
 *
 * <pre>{@code
 * // not run: needs the recorded examples (RecordedGpt2.load() fetches them once)
 * RealDistributionsExercises.topFiftyHoldHalf(1.0, recorded.nextLogits("Data visualization empowers users to"));
 * // "not yet: at T = 1 the top 50 tokens do not hold one half of the mass (within 0.001); try again"
 * }</pre>
 */
public final class RealDistributionsExercises {
    private RealDistributionsExercises() {}

    /**
     * Exercise 1: the temperature at which the 50 likeliest tokens hold exactly half of the mass. The check tempers
     * the logits at the learner's temperature and accepts it when the top 50's share is within 0.001 of 0.5.
     */
    public static String topFiftyHoldHalf(double temperature, float[] logits) {
        double[] wide = Logits.toDouble(Inputs.present(logits, "logits"));
        String invalid = Check.notATemperature("your temperature", temperature);
        if (invalid != null) {
            return invalid;
        }
        Distribution d = Distribution.of(wide, temperature);
        double share = Arrays.stream(Ranking.top(wide, 50)).mapToDouble(d::prob).sum();
        String at = "at T = " + Check.shown(temperature) + " the top 50 tokens ";
        return Math.abs(share - 0.5) <= 1e-3
                ? Check.right(at + "hold one half of the mass")
                : Check.notYet(at + "do not hold one half of the mass (within 0.001)");
    }

    /** Exercise 2: the recorded prompt after which GPT-2's next token has the highest entropy at T = 1. */
    public static String mostUncertainPrompt(String prompt, RecordedGpt2 recorded) {
        return Prompts.largest(
                "the most uncertain prompt",
                prompt,
                recorded,
                p -> Distribution.of(recorded.nextLogits(p.tokenIds()), 1.0).entropy());
    }
}
