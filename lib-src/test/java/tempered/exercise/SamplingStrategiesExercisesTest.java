package tempered.exercise;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.recorded.RecordedGpt2;
import tempered.sampling.MinP;
import tempered.sampling.TopK;
import tempered.sampling.TopP;

class SamplingStrategiesExercisesTest {
    private static final double[] X =
            Logits.toDouble(RecordedGpt2.load().nextLogits("Data visualization empowers users to"));

    @Test
    void rawMinP() {
        // The solution: min-p m after T is min-p m^T before T.
        Verdicts.right(SamplingStrategiesExercises.rawMinP(Math.pow(0.02, 2.5), 2.5, 0.02));
        Verdicts.right(SamplingStrategiesExercises.rawMinP(0.0000566, 2.5, 0.02));
        // m / T and m * T are the natural wrong guesses; m itself ignores the temperature.
        Verdicts.notYet(SamplingStrategiesExercises.rawMinP(0.02 / 2.5, 2.5, 0.02), "0.0000566");
        Verdicts.notYet(SamplingStrategiesExercises.rawMinP(0.02 * 2.5, 2.5, 0.02));
        Verdicts.notYet(SamplingStrategiesExercises.rawMinP(0.02, 2.5, 0.02));
        Verdicts.notYet(SamplingStrategiesExercises.rawMinP(Math.pow(0.02, 1 / 2.5), 2.5, 0.02));
    }

    @Test
    void minPSurvivors() {
        // The solution: min-p 0.02^2.5 on the raw distribution, no temperature.
        double[] p = Distribution.of(X, 1).probs();
        double highest = Arrays.stream(p).max().orElseThrow();
        long survivors = Arrays.stream(p)
                .filter(pi -> pi >= Math.pow(0.02, 2.5) * highest)
                .count();
        Verdicts.right(SamplingStrategiesExercises.minPSurvivors(survivors, X, 2.5, 0.02));
        Verdicts.right(SamplingStrategiesExercises.minPSurvivors((int) survivors, X, 2.5, 0.02));
        // Off by one, and min-p 0.02 with no temperature at all.
        Verdicts.notYet(SamplingStrategiesExercises.minPSurvivors(survivors + 1, X, 2.5, 0.02), "" + survivors);
        long countAtOne = Arrays.stream(p).filter(pi -> pi >= 0.02 * highest).count();
        Verdicts.notYet(SamplingStrategiesExercises.minPSurvivors(countAtOne, X, 2.5, 0.02), "" + survivors);
        Verdicts.notYet(SamplingStrategiesExercises.minPSurvivors(Answer.NONE, X, 2.5, 0.02));
    }

    @Test
    void dynamicTemperature() {
        // The solution: truncate as llama.cpp does, then the formula with the survivors' entropy.
        double[] survivors = new MinP(0.05).apply(new TopP(0.95).apply(new TopK(40).apply(X)));
        long n = Arrays.stream(survivors)
                .filter(v -> v != Double.NEGATIVE_INFINITY)
                .count();
        double h = Distribution.of(survivors, 1.0).entropy();
        double answer = 0.3 + (1.3 - 0.3) * Math.pow(h / Math.log(n), 2);
        Verdicts.right(SamplingStrategiesExercises.dynamicTemperature(answer, X));
        // The entropy as the notebook prints it, to three decimals, is close enough.
        double printed = Math.round(h * 1000) / 1000.0;
        Verdicts.right(SamplingStrategiesExercises.dynamicTemperature(0.3 + Math.pow(printed / Math.log(n), 2), X));
        // The exponent 1 of the notebook's own example, and the whole vocabulary's entropy.
        Verdicts.notYet(SamplingStrategiesExercises.dynamicTemperature(0.3 + h / Math.log(n), X));
        double hAll = Distribution.of(X, 1.0).entropy();
        Verdicts.notYet(
                SamplingStrategiesExercises.dynamicTemperature(0.3 + Math.pow(hAll / Math.log(X.length), 2), X));
    }
}
