package tempered.exercise;

import java.util.List;
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
 * RealDistributionsExercises.topFiftyHoldNinetyPercent(1.0, recorded.nextLogits("Data visualization empowers users to"));
 * // "not yet: at T = 1 the top 50 tokens do not hold 90% of the mass (within 0.001); try again"
 * }</pre>
 */
public final class RealDistributionsExercises {
    private RealDistributionsExercises() {}

    /**
     * Exercise 1, a prediction: of the first two recorded prompts ("Data visualization empowers users to" and
     * "Artificial Intelligence is transforming the"), the one whose next-token distribution has the higher entropy
     * at T = 1. Leading and trailing spaces are ignored.
     */
    public static String higherEntropyAtOne(String prompt, RecordedGpt2 recorded) {
        List<RecordedGpt2.Prompt> two =
                Inputs.present(recorded, "recorded").prompts().subList(0, 2);
        RecordedGpt2.Prompt expected =
                entropy(recorded, two.get(0)) >= entropy(recorded, two.get(1)) ? two.get(0) : two.get(1);
        String what = "the prompt with the higher entropy at T = 1";
        if (prompt == null) {
            return Check.equal(what, null, expected.text());
        }
        String answer = prompt.strip();
        if (two.stream().noneMatch(p -> p.text().strip().equals(answer))) {
            return Check.notYet("\"" + prompt + "\" is not one of the two prompts compared; copy one of them from"
                    + " recorded.prompts().get(0).text() or recorded.prompts().get(1).text()");
        }
        return answer.equals(expected.text().strip())
                ? Check.right(what + " is \"" + answer + "\"")
                : Check.notYet(what + " is not \"" + answer + "\"");
    }

    /**
     * Exercise 2: the temperature at which the 50 likeliest tokens hold 90% of the mass, so that a chart of the top
     * 50, renormalised, inflates every bar by 1/0.9. The check tempers the logits at the learner's temperature and
     * accepts it when the top 50's share is within 0.001 of 0.9.
     */
    public static String topFiftyHoldNinetyPercent(double temperature, float[] logits) {
        double[] wide = Logits.toDouble(Inputs.present(logits, "logits"));
        String invalid = Check.notATemperature("your temperature", temperature);
        if (invalid != null) {
            return invalid;
        }
        Distribution d = Distribution.of(wide, temperature);
        double share = 0;
        for (int id : Ranking.top(wide, 50)) {
            share += d.prob(id);
        }
        String at = "at T = " + Check.shown(temperature) + " the top 50 tokens ";
        return Math.abs(share - 0.9) <= 1e-3
                ? Check.right(at + "hold 90% of the mass")
                : Check.notYet(at + "do not hold 90% of the mass (within 0.001)");
    }

    private static double entropy(RecordedGpt2 recorded, RecordedGpt2.Prompt prompt) {
        return Distribution.of(recorded.nextLogits(prompt.tokenIds()), 1.0).entropy();
    }
}
