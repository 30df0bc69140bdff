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
    void minPSurvivors() {
        double[] p = Distribution.of(X, 1.5).probs();
        double highest = Arrays.stream(p).max().orElseThrow();
        long survivors = Arrays.stream(p).filter(pi -> pi >= 0.05 * highest).count();
        Verdicts.right(SamplingStrategiesExercises.minPSurvivors(survivors, X, 1.5, 0.05));
        Verdicts.right(SamplingStrategiesExercises.minPSurvivors((int) survivors, X, 1.5, 0.05));
        // Off by one, and the count at T = 1.
        Verdicts.notYet(SamplingStrategiesExercises.minPSurvivors(survivors + 1, X, 1.5, 0.05), "" + survivors);
        double[] atOne = Distribution.of(X, 1).probs();
        double top = Arrays.stream(atOne).max().orElseThrow();
        long countAtOne = Arrays.stream(atOne).filter(pi -> pi >= 0.05 * top).count();
        Verdicts.notYet(SamplingStrategiesExercises.minPSurvivors(countAtOne, X, 1.5, 0.05), "" + survivors);
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
        // The exponent 1 of the notebook's own example, and the whole vocabulary's entropy.
        Verdicts.notYet(SamplingStrategiesExercises.dynamicTemperature(0.3 + h / Math.log(n), X));
        double hAll = Distribution.of(X, 1.0).entropy();
        Verdicts.notYet(
                SamplingStrategiesExercises.dynamicTemperature(0.3 + Math.pow(hAll / Math.log(X.length), 2), X));
    }
}
