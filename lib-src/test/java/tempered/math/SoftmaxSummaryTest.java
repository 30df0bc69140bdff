package tempered.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SoftmaxSummaryTest {
    /** Worked by hand: logits 0 and ln 3 give probabilities 1/4 and 3/4. */
    @Test
    void handCheckedTable() {
        SoftmaxSummary s = SoftmaxSummary.of(new float[] {0, (float) Math.log(3), Float.NEGATIVE_INFINITY});
        double ln3 = (float) Math.log(3);
        assertEquals(Math.log(0.25), s.logProb(0), 1e-7);
        assertEquals(Math.log(0.75), s.logProb(ln3), 1e-7);
        double entropy = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertEquals(entropy, s.entropy(), 1e-7, "0.5623 nats; the masked token adds nothing");
        assertEquals(Math.log(2), SoftmaxSummary.of(new float[] {5, 5}).entropy(), 1e-15);
    }

    @Test
    void agreesWithTheDistributionOnAVocabulary() {
        float[] logits = new float[50257];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 3 - 90);
        }
        Distribution d = Distribution.of(logits, 1.0);
        SoftmaxSummary s = SoftmaxSummary.of(logits);
        assertEquals(d.entropy(), s.entropy(), 1e-10);
        for (int id : new int[] {0, 1234, 50256}) {
            assertEquals(d.logProb(id), s.logProb(logits[id]), 1e-10);
        }
    }

    @Test
    void sumsThatNoSoftmaxPassGivesAreRefused() {
        assertEquals(
                "sum=0.5, weighted=0.0, max=1.0 are not the sums of a softmax pass: the largest logit alone adds"
                        + " exp(0) = 1 to the sum",
                assertThrows(IllegalArgumentException.class, () -> SoftmaxSummary.ofSums(1.0, 0.5, 0.0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> SoftmaxSummary.ofSums(1.0, Double.NaN, 0.0));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxSummary.ofSums(Double.NEGATIVE_INFINITY, 2, 0));
    }
}
