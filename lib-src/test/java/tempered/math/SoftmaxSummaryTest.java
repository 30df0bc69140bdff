package tempered.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxSummaryTest {
    /** Worked by hand: logits 0 and ln 3 give probabilities 1/4 and 3/4. */
    @Test
    void handCheckedTable() {
        SoftmaxSummary s = summary(new float[] {0, (float) Math.log(3), Float.NEGATIVE_INFINITY});
        double ln3 = (float) Math.log(3);
        assertEquals(Math.log(0.25), s.logProb(0), 1e-7);
        assertEquals(Math.log(0.75), s.logProb(ln3), 1e-7);
        double entropy = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertEquals(entropy, s.entropy(), 1e-7, "0.5623 nats; the masked token adds nothing");
        assertEquals(Math.log(2), summary(new float[] {5, 5}).entropy(), 1e-15);
    }

    @Test
    void agreesWithTheDistributionOnAVocabulary() {
        float[] logits = new float[50257];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 3 - 90);
        }
        Distribution d = Distribution.of(logits, 1.0);
        SoftmaxSummary s = summary(logits);
        assertEquals(d.entropy(), s.entropy(), 1e-10);
        for (int id : new int[] {0, 1234, 50256}) {
            assertEquals(d.logProb(id), s.logProb(logits[id]), 1e-10);
        }
    }

    private static SoftmaxSummary summary(float[] logits) {
        return new SoftmaxPass().weigh(Logits.toDouble(logits), 1.0).summary();
    }
}
