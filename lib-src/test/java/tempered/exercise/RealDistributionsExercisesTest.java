package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.recorded.RecordedGpt2;

class RealDistributionsExercisesTest {
    private static final RecordedGpt2 RECORDED = RecordedGpt2.load();

    private static double topShare(float[] logits, double t) {
        Distribution d = Distribution.of(logits, t);
        double share = 0;
        for (int id : Ranking.top(Logits.toDouble(logits), 50)) {
            share += d.prob(id);
        }
        return share;
    }

    @Test
    void higherEntropyAtOne() {
        // The solution: compute both entropies. The surprise: the prompt needing fewer tokens for 90% has the higher.
        RecordedGpt2.Prompt data = RECORDED.prompts().get(0);
        RecordedGpt2.Prompt ai = RECORDED.prompts().get(1);
        Distribution dataAtOne = Distribution.of(RECORDED.nextLogits(data.tokenIds()), 1.0);
        Distribution aiAtOne = Distribution.of(RECORDED.nextLogits(ai.tokenIds()), 1.0);
        assertTrue(dataAtOne.entropy() > aiAtOne.entropy());
        assertTrue(dataAtOne.tokensForMass(0.9) < aiAtOne.tokensForMass(0.9));
        Verdicts.right(RealDistributionsExercises.higherEntropyAtOne(data.text(), RECORDED));
        Verdicts.right(RealDistributionsExercises.higherEntropyAtOne(data.text() + " ", RECORDED));
        // The other of the two, the prediction the 90% counts suggest.
        Verdicts.notYet(RealDistributionsExercises.higherEntropyAtOne(ai.text(), RECORDED), data.text());
        // A recorded prompt that is not one of the two, and a text that is no prompt at all.
        String third = RECORDED.prompts().get(4).text();
        Verdicts.notYet(RealDistributionsExercises.higherEntropyAtOne(third, RECORDED), data.text());
        assertTrue(RealDistributionsExercises.higherEntropyAtOne(third, RECORDED)
                .contains("is not one of the two prompts compared"));
        Verdicts.notYet(RealDistributionsExercises.higherEntropyAtOne("The cat", RECORDED), data.text());
        Verdicts.notYet(RealDistributionsExercises.higherEntropyAtOne(null, RECORDED), data.text());
    }

    @Test
    void topFiftyHoldNinetyPercent() {
        float[] logits = RECORDED.nextLogits(RECORDED.prompts().get(0).text());
        double low = 0.1;
        double high = 10;
        for (int i = 0; i < 60; i++) {
            double middle = Math.sqrt(low * high);
            if (topShare(logits, middle) > 0.9) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double answer = Math.sqrt(low * high);
        assertEquals(0.7207, answer, 1e-4);
        Verdicts.right(RealDistributionsExercises.topFiftyHoldNinetyPercent(answer, logits));
        Verdicts.right(RealDistributionsExercises.topFiftyHoldNinetyPercent(0.721, logits));
        // The table's temperatures on either side, and the temperature at which they hold half.
        Verdicts.notYet(RealDistributionsExercises.topFiftyHoldNinetyPercent(0.7, logits));
        Verdicts.notYet(RealDistributionsExercises.topFiftyHoldNinetyPercent(0.8, logits));
        Verdicts.notYet(RealDistributionsExercises.topFiftyHoldNinetyPercent(1.1985, logits));
        Verdicts.notYet(RealDistributionsExercises.topFiftyHoldNinetyPercent(Double.NaN, logits));
    }
}
