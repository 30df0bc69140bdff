package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tempered.math.Examples;
import tempered.math.Softmax;

class SoftmaxFromScratchExercisesTest {
    private static final List<String> GREETINGS = Examples.GREETINGS;
    private static final double[] LOGITS = Examples.GREETING_LOGITS;

    @Test
    void helloOverNamasteAtHalf() {
        // The solution: the gap of 4 - 1 = 3 becomes 6 at T = 0.5.
        Verdicts.right(SoftmaxFromScratchExercises.helloOverNamaste(Math.exp(6), GREETINGS, LOGITS));
        Verdicts.right(SoftmaxFromScratchExercises.helloOverNamaste(403.4, GREETINGS, LOGITS));
        // The ratio at T = 1, and the gap not divided at all.
        Verdicts.notYet(SoftmaxFromScratchExercises.helloOverNamaste(Math.exp(3), GREETINGS, LOGITS), "403");
        Verdicts.notYet(SoftmaxFromScratchExercises.helloOverNamaste(403, GREETINGS, LOGITS), "403.4");
        Verdicts.notYet(SoftmaxFromScratchExercises.helloOverNamaste(Double.NaN, GREETINGS, LOGITS));
    }

    @Test
    void halfForHello() {
        double low = 1;
        double high = 100;
        for (int step = 0; step < 60; step++) {
            double mid = (low + high) / 2;
            if (Softmax.probs(LOGITS, mid)[4] > 0.5) {
                low = mid;
            } else {
                high = mid;
            }
        }
        Verdicts.right(SoftmaxFromScratchExercises.halfForHello(low, GREETINGS, LOGITS));
        assertEquals(2.193, low, 1e-3, "the solution's 2.193");
        // The 28% temperature the notebook found before, and T = 2.
        Verdicts.notYet(SoftmaxFromScratchExercises.halfForHello(5.335, GREETINGS, LOGITS), "2.19");
        Verdicts.notYet(SoftmaxFromScratchExercises.halfForHello(2, GREETINGS, LOGITS), "2.19");
        assertEquals(
                "not yet: your temperature cannot be -1: give a temperature above 0; try again",
                SoftmaxFromScratchExercises.halfForHello(-1, GREETINGS, LOGITS));
    }

    @Test
    void equalSlopes() {
        Verdicts.right(SoftmaxFromScratchExercises.equalSlopes(-1.5 * Math.log(3)));
        Verdicts.right(SoftmaxFromScratchExercises.equalSlopes(-1.648));
        // T = 2's point, -2 ln 2, and a point far left where both slopes are nearly 0.
        Verdicts.notYet(SoftmaxFromScratchExercises.equalSlopes(-2 * Math.log(2)), "-1.64");
        Verdicts.notYet(SoftmaxFromScratchExercises.equalSlopes(-40), "-1.64");
        Verdicts.notYet(SoftmaxFromScratchExercises.equalSlopes(-1.64), "-1.648");
    }

    @Test
    void theGreetingsMustBeTheNotebooks() {
        assertEquals(
                "greetings hold no \"Hello\"; pass the notebook's greetings as they are, got [a, b]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> SoftmaxFromScratchExercises.halfForHello(
                                        1, List.of("a", "b"), new double[] {1, 2}))
                        .getMessage());
    }
}
