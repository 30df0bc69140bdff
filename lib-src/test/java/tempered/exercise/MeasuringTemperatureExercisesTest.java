package tempered.exercise;

import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.TemperatureSolver;
import tempered.recorded.RecordedGpt2;

class MeasuringTemperatureExercisesTest {
    private static final RecordedGpt2 RECORDED = RecordedGpt2.load();

    @Test
    void firstToPerplexityFifty() {
        String answer = null;
        String last = null;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (RecordedGpt2.Prompt p : RECORDED.prompts()) {
            double t = TemperatureSolver.forPerplexity(Logits.toDouble(RECORDED.nextLogits(p.tokenIds())), 50);
            if (t < lowest) {
                lowest = t;
                answer = p.text();
            }
            if (t > highest) {
                highest = t;
                last = p.text();
            }
        }
        Verdicts.right(MeasuringTemperatureExercises.firstToPerplexityFifty(answer, RECORDED));
        // The last prompt to get there: the highest temperature instead of the lowest.
        Verdicts.notYet(MeasuringTemperatureExercises.firstToPerplexityFifty(last, RECORDED), answer);
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
