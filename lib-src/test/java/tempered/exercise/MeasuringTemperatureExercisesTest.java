package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Comparator;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.TemperatureSolver;
import tempered.recorded.RecordedGpt2;

class MeasuringTemperatureExercisesTest {
    private static final RecordedGpt2 RECORDED = RecordedGpt2.load();

    @Test
    void firstToPerplexityTen() {
        String answer = null;
        String last = null;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (RecordedGpt2.Prompt p : RECORDED.prompts()) {
            double t = TemperatureSolver.forPerplexity(Logits.toDouble(RECORDED.nextLogits(p.tokenIds())), 10);
            if (t < lowest) {
                lowest = t;
                answer = p.text();
            }
            if (t > highest) {
                highest = t;
                last = p.text();
            }
        }
        Verdicts.right(MeasuringTemperatureExercises.firstToPerplexityTen(answer, RECORDED));
        // The last prompt to get there: the highest temperature instead of the lowest.
        Verdicts.notYet(MeasuringTemperatureExercises.firstToPerplexityTen(last, RECORDED), answer);
        // The prediction from the entropies at T = 1: the most uncertain prompt there is not the answer.
        RecordedGpt2.Prompt mostUncertain = RECORDED.prompts().stream()
                .max(Comparator.comparingDouble(p ->
                        Distribution.of(RECORDED.nextLogits(p.tokenIds()), 1).entropy()))
                .orElseThrow();
        assertNotEquals(answer, mostUncertain.text());
        Verdicts.notYet(MeasuringTemperatureExercises.firstToPerplexityTen(mostUncertain.text(), RECORDED), answer);
        Verdicts.right(MeasuringTemperatureExercises.firstToPerplexityTen(" " + answer + " ", RECORDED));
    }

    @Test
    void wholeSequenceEntropyOne() {
        double[] model = {0.6 * 0.9, 0.6 * 0.1, 0.4 * 0.5, 0.4 * 0.5};
        double low = 0.01;
        double high = 100;
        for (int i = 0; i < 60; i++) {
            double middle = Math.sqrt(low * high);
            if (Distribution.of(Logits.fromProbs(model), middle).entropy() < 1.0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        Verdicts.right(MeasuringTemperatureExercises.wholeSequenceEntropyOne(Math.sqrt(low * high), model));
        // T = 1 (the model as it is) and T = 0.5 (the notebook's per-step temperature).
        Verdicts.notYet(MeasuringTemperatureExercises.wholeSequenceEntropyOne(1, model));
        Verdicts.notYet(MeasuringTemperatureExercises.wholeSequenceEntropyOne(0.5, model));
    }
}
