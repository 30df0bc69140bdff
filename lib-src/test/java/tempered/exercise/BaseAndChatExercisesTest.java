package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Examples;
import tempered.sampling.MinP;
import tempered.sampling.Temperature;

class BaseAndChatExercisesTest {
    private static final double[] TEMPERATURES = {0.5, 1, 2};
    /** Hand-made means: the chat model's entropy at T = 0.5, 1, 2 and the base model's at 1 (closest: T = 2). */
    private static final double[] CHAT = {0.4, 0.9, 2.3};

    private static final double BASE = 2.1;

    private static float[] greetings() {
        float[] logits = new float[Examples.GREETING_LOGITS.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Examples.GREETING_LOGITS[i];
        }
        return logits;
    }

    @Test
    void closestTemperatureIsTheRowNearestTheBaseModel() {
        // |2.3 - 2.1| = 0.2 beats |0.9 - 2.1| = 1.2 and |0.4 - 2.1| = 1.7.
        Verdicts.right(BaseAndChatExercises.closestTemperature(2, TEMPERATURES, CHAT, BASE));
        Verdicts.notYet(BaseAndChatExercises.closestTemperature(1, TEMPERATURES, CHAT, BASE), "is 2");
        assertEquals(
                "not yet: 0.5 is not the closest of 0.5, 1 and 2; keep your prediction and its reason, and read the"
                        + " table after the solution to see why",
                BaseAndChatExercises.closestTemperature(0.5, TEMPERATURES, CHAT, BASE));
        // The same rows with the base model elsewhere: now T = 0.5 is the answer.
        Verdicts.right(BaseAndChatExercises.closestTemperature(0.5, TEMPERATURES, CHAT, 0.3));
        Verdicts.notYet(BaseAndChatExercises.closestTemperature(2, TEMPERATURES, CHAT, 0.3));
    }

    @Test
    void closestTemperatureSaysWhenTheAnswerIsNoneOfTheRows() {
        String verdict = BaseAndChatExercises.closestTemperature(3, TEMPERATURES, CHAT, BASE);
        assertEquals("not yet: predict one of 0.5, 1 or 2, the temperatures measured; try again", verdict);
        assertEquals(
                "not yet: the temperature is still NaN; replace the placeholder with your answer",
                BaseAndChatExercises.closestTemperature(Double.NaN, TEMPERATURES, CHAT, BASE));
    }

    @Test
    void closestTemperatureRefusesMeasurementsThatAreNotThere() {
        IllegalArgumentException lengths = assertThrows(
                IllegalArgumentException.class,
                () -> BaseAndChatExercises.closestTemperature(1, TEMPERATURES, new double[] {1, 2}, BASE));
        assertTrue(lengths.getMessage().contains("one mean entropy per temperature"), lengths.getMessage());
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> BaseAndChatExercises.closestTemperature(1, TEMPERATURES, null, BASE));
        assertTrue(missing.getMessage().contains("run the notebook's cells above"), missing.getMessage());
        IllegalArgumentException nan = assertThrows(
                IllegalArgumentException.class,
                () -> BaseAndChatExercises.closestTemperature(1, TEMPERATURES, CHAT, Double.NaN));
        assertTrue(nan.getMessage().contains("run the measurement cell again"), nan.getMessage());
    }

    @Test
    void minPAfterTemperatureIsPToThePowerOneOverT() {
        float[] logits = greetings();
        String right = BaseAndChatExercises.minPAfterTemperature(Math.sqrt(0.1), 0.1, 2, logits);
        Verdicts.right(right);
        Verdicts.right(BaseAndChatExercises.minPAfterTemperature(0.316, 0.1, 2, logits));
        // The counts it states are what each cut keeps, computed here through the library's own processors.
        double[] x = Examples.GREETING_LOGITS;
        int after = count(new MinP(Math.sqrt(0.1)).apply(new Temperature(2).apply(x, new int[0]), new int[0]));
        int before = count(new MinP(0.1).apply(x, new int[0]));
        assertEquals(after, before);
        assertTrue(
                right.endsWith(
                        "keeps " + after + " tokens, and min-p 0.1 on the model's own distribution keeps " + before),
                right);
        // Common wrong answers: p^T (notebook 05's identity, the other way round), p / T, p itself and p * T.
        for (double wrong : new double[] {0.01, 0.05, 0.1, 0.2}) {
            Verdicts.notYet(BaseAndChatExercises.minPAfterTemperature(wrong, 0.1, 2, logits), "0.316", "0.3162");
        }
        Verdicts.notYet(BaseAndChatExercises.minPAfterTemperature(Double.NaN, 0.1, 2, logits));
        // Math.pow(0.1, 1 / 2) is 1 in Java: the verdict names whole-number division, still without the answer.
        String one = BaseAndChatExercises.minPAfterTemperature(Math.pow(0.1, 0), 0.1, 2, logits);
        Verdicts.notYet(one, "0.316", "0.3162");
        assertTrue(
                one.endsWith(
                        "(if you wrote an exponent such as 1 / 2, Java divides whole numbers to 0: write 1.0 / 2)"),
                one);
        assertTrue(
                !BaseAndChatExercises.minPAfterTemperature(0.5, 0.1, 2, logits).contains("1.0 / 2"));
    }

    @Test
    void minPAfterTemperatureRefusesImpossibleSettings() {
        IllegalArgumentException p = assertThrows(
                IllegalArgumentException.class,
                () -> BaseAndChatExercises.minPAfterTemperature(0.3, 0, 2, greetings()));
        assertEquals("min-p p=0.0 must be in (0, 1]", p.getMessage());
        IllegalArgumentException t = assertThrows(
                IllegalArgumentException.class,
                () -> BaseAndChatExercises.minPAfterTemperature(0.3, 0.1, 0, greetings()));
        assertEquals("temperature t=0.0 must be a finite number above 0", t.getMessage());
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> BaseAndChatExercises.minPAfterTemperature(0.3, 0.1, 2, null));
        assertTrue(none.getMessage().startsWith("the logits array is null"), none.getMessage());
    }

    @Test
    void evenChanceIsWhereTheTopTokenHoldsHalf() {
        float[] logits = greetings();
        // The solution: bisection on T, the top token's probability falling as T rises.
        double low = 0.01;
        double high = 100;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            Distribution d = Distribution.of(logits, mid);
            if (d.prob(d.argmax()) > 0.5) {
                low = mid;
            } else {
                high = mid;
            }
        }
        Distribution atAnswer = Distribution.of(logits, low);
        assertEquals(0.5, atAnswer.prob(atAnswer.argmax()), 1e-9);
        Verdicts.right(BaseAndChatExercises.evenChance(low, logits));
        String shown = String.format(java.util.Locale.ROOT, "%.3f", low);
        // T = 1 (Hello holds 0.868 there) and a T that halves the wrong token's share.
        Verdicts.notYet(BaseAndChatExercises.evenChance(1, logits), shown);
        Verdicts.notYet(BaseAndChatExercises.evenChance(low + 0.01, logits), shown);
        Verdicts.notYet(BaseAndChatExercises.evenChance(-1, logits), shown);
        Verdicts.notYet(BaseAndChatExercises.evenChance(Double.NaN, logits), shown);
    }

    @Test
    void evenChanceRefusesLogitsWithNoSuchTemperature() {
        IllegalArgumentException tie = assertThrows(
                IllegalArgumentException.class, () -> BaseAndChatExercises.evenChance(1, new float[] {2, 2, 0}));
        assertTrue(tie.getMessage().startsWith("no temperature between 1e-6 and 1e6"), tie.getMessage());
    }

    private static int count(double[] logits) {
        int kept = 0;
        for (double x : logits) {
            kept += x > Double.NEGATIVE_INFINITY ? 1 : 0;
        }
        return kept;
    }
}
