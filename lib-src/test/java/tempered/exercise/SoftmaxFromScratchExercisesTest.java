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
        // The solution's prose rounds it to 403.4; a learner who writes e^6 as 403 is right too.
        Verdicts.right(SoftmaxFromScratchExercises.helloOverNamaste(403, GREETINGS, LOGITS));
        // The ratio at T = 1, the gap doubled once too often (e^12), and 402, off by 0.35%.
        Verdicts.notYet(SoftmaxFromScratchExercises.helloOverNamaste(Math.exp(3), GREETINGS, LOGITS), "403");
        Verdicts.notYet(SoftmaxFromScratchExercises.helloOverNamaste(Math.exp(12), GREETINGS, LOGITS), "403");
        Verdicts.notYet(SoftmaxFromScratchExercises.helloOverNamaste(402, GREETINGS, LOGITS), "403");
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
        // The answer to two decimals, as the exercise asks for it.
        Verdicts.right(SoftmaxFromScratchExercises.halfForHello(2.19, GREETINGS, LOGITS));
        // The 28% temperature the notebook found before, T = 2, and one step of 0.01 too far.
        Verdicts.notYet(SoftmaxFromScratchExercises.halfForHello(5.335, GREETINGS, LOGITS), "2.19");
        Verdicts.notYet(SoftmaxFromScratchExercises.halfForHello(2, GREETINGS, LOGITS), "2.19");
        Verdicts.notYet(SoftmaxFromScratchExercises.halfForHello(2.2, GREETINGS, LOGITS), "2.19");
        Verdicts.notYet(SoftmaxFromScratchExercises.halfForHello(Double.NaN, GREETINGS, LOGITS));
        assertEquals(
                "not yet: your temperature cannot be -1: give a temperature above 0; try again",
                SoftmaxFromScratchExercises.halfForHello(-1, GREETINGS, LOGITS));
    }

    @Test
    void biggestGainTwoToFive() {
        // From T = 2 to T = 5 every greeting heads for 1/6: the one furthest below it, Konnichiwa, gains the most.
        double[] two = Softmax.probs(LOGITS, 2);
        double[] five = Softmax.probs(LOGITS, 5);
        assertEquals(0.0570, five[1] - two[1], 5e-5, "Konnichiwa's gain");
        assertEquals(0.0559, five[0] - two[0], 5e-5, "Ni Hao's gain, the nearest");
        Verdicts.right(SoftmaxFromScratchExercises.biggestGainTwoToFive("Konnichiwa", GREETINGS, LOGITS));
        Verdicts.right(SoftmaxFromScratchExercises.biggestGainTwoToFive(" konnichiwa ", GREETINGS, LOGITS));
        // Namaste gains the most from T = 1 to T = 2, the tempting answer; Ni Hao is a close second.
        Verdicts.notYet(SoftmaxFromScratchExercises.biggestGainTwoToFive("Namaste", GREETINGS, LOGITS), "Konnichiwa");
        Verdicts.notYet(SoftmaxFromScratchExercises.biggestGainTwoToFive("Ni Hao", GREETINGS, LOGITS), "Konnichiwa");
        assertEquals(
                "not yet: Hello loses probability as T rises; pick one of the five others; try again",
                SoftmaxFromScratchExercises.biggestGainTwoToFive("Hello", GREETINGS, LOGITS));
        assertEquals(
                "not yet: \"Bonjour\" is not one of the greetings [Ni Hao, Konnichiwa, Hola, Namaste, Hello, Ciao];"
                        + " try again",
                SoftmaxFromScratchExercises.biggestGainTwoToFive("Bonjour", GREETINGS, LOGITS));
        Verdicts.notYet(SoftmaxFromScratchExercises.biggestGainTwoToFive(null, GREETINGS, LOGITS), "Konnichiwa");
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
