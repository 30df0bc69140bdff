package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.recorded.RecordedGpt2;

class RealDistributionsExercisesTest {
    private static final RecordedGpt2 RECORDED = RecordedGpt2.load();

    private static double topShare(float[] logits, double t) {
        Distribution d = Distribution.of(logits, t);
        return Arrays.stream(Ranking.top(Logits.toDouble(logits), 50))
                .mapToDouble(d::prob)
                .sum();
    }

    @Test
    void topFiftyHoldHalf() {
        float[] logits = RECORDED.nextLogits(RECORDED.prompts().get(0).text());
        double low = 0.1;
        double high = 10;
        for (int i = 0; i < 60; i++) {
            double middle = Math.sqrt(low * high);
            if (topShare(logits, middle) > 0.5) {
                low = middle;
            } else {
                high = middle;
            }
        }
        Verdicts.right(RealDistributionsExercises.topFiftyHoldHalf(Math.sqrt(low * high), logits));
        // T = 1, and T = 2, where the notebook's table shows the share.
        Verdicts.notYet(RealDistributionsExercises.topFiftyHoldHalf(1, logits));
        Verdicts.notYet(RealDistributionsExercises.topFiftyHoldHalf(2, logits));
    }

    @Test
    void mostUncertainPrompt() {
        String answer = null;
        double highest = -1;
        for (RecordedGpt2.Prompt p : RECORDED.prompts()) {
            double h = Distribution.of(RECORDED.nextLogits(p.tokenIds()), 1.0).entropy();
            if (h > highest) {
                highest = h;
                answer = p.text();
            }
        }
        Verdicts.right(RealDistributionsExercises.mostUncertainPrompt(answer, RECORDED));
        Verdicts.right(RealDistributionsExercises.mostUncertainPrompt(answer + " ", RECORDED));
        // The most certain prompt instead.
        String certain = RECORDED.prompts().stream()
                .min((a, b) -> Double.compare(
                        Distribution.of(RECORDED.nextLogits(a.tokenIds()), 1.0).entropy(),
                        Distribution.of(RECORDED.nextLogits(b.tokenIds()), 1.0).entropy()))
                .orElseThrow()
                .text();
        assertNotEquals(answer, certain);
        Verdicts.notYet(RealDistributionsExercises.mostUncertainPrompt(certain, RECORDED), answer);
        assertEquals(
                "not yet: \"The cat\" is not one of the recorded prompts; copy its text from recorded.prompts(); try again",
                RealDistributionsExercises.mostUncertainPrompt("The cat", RECORDED));
        Verdicts.notYet(RealDistributionsExercises.mostUncertainPrompt(null, RECORDED), answer);
    }
}
