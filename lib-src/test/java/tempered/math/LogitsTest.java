package tempered.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LogitsTest {
    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    @Test
    void argmaxTakesTheLowestIndexOfTiesAndChecksItsInput() {
        assertEquals(1, Logits.argmax(new double[] {1, 3, 3}));
        assertEquals(2, Logits.argmax(new float[] {Float.NEGATIVE_INFINITY, 0f, 1f}));
        assertEquals(
                "logits[1] is NaN; every logit must be a number (use -Infinity to mask a token)",
                assertThrows(IllegalArgumentException.class, () -> Logits.argmax(new double[] {1, Double.NaN}))
                        .getMessage());
    }

    @Test
    void maskedIsEveryTokenAtMinusInfinity() {
        assertArrayEquals(new double[] {NEG_INF, NEG_INF, NEG_INF}, Logits.masked(3), 0.0);
        assertArrayEquals(new double[0], Logits.masked(0), 0.0);
    }

    @Test
    void maskBelowKeepsTheThresholdAndAboveInACopy() {
        double[] logits = {3, 2, 1, NEG_INF};
        assertArrayEquals(new double[] {3, 2, NEG_INF, NEG_INF}, Logits.maskBelow(logits, 2), 0.0);
        assertArrayEquals(new double[] {3, 2, 1, NEG_INF}, logits, 0.0);
        assertEquals(
                "maskBelow needs logits and a threshold that is a number; got threshold NaN: check the cut-off's inputs",
                assertThrows(IllegalArgumentException.class, () -> Logits.maskBelow(logits, Double.NaN))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Logits.maskBelow(null, 0));
    }

    @Test
    void fromProbsGivesLogitsWhoseSoftmaxIsTheDistribution() {
        assertArrayEquals(new double[] {0.1, 0.2, 0.7}, Softmax.probs(Logits.fromProbs(0.1, 0.2, 0.7)), 1e-15);
        assertEquals(NEG_INF, Logits.fromProbs(0, 1)[0]);
        assertEquals(
                "probs[0]=1.5 must be in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> Logits.fromProbs(1.5))
                        .getMessage());
    }
}
