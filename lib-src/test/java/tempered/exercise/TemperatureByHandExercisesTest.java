package tempered.exercise;

import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Examples;

class TemperatureByHandExercisesTest {

    @Test
    void middleAtHalf() {
        double[] x = {2, 4, 3};
        double answer = Math.exp(8) / (Math.exp(4) + Math.exp(8) + Math.exp(6));
        Verdicts.right(TemperatureByHandExercises.middleAtHalf(answer, x));
        Verdicts.right(TemperatureByHandExercises.middleAtHalf(0.8668, x));
        // At T = 1, and the logits doubled but not exponentiated (8 / (4 + 8 + 6)).
        Verdicts.notYet(TemperatureByHandExercises.middleAtHalf(0.66524, x), "0.866");
        Verdicts.notYet(TemperatureByHandExercises.middleAtHalf(8.0 / 18, x), "0.866");
    }

    @Test
    void perplexityThree() {
        double low = 0.01;
        double high = 100;
        for (int step = 0; step < 60; step++) {
            double mid = Math.sqrt(low * high);
            if (Distribution.of(Examples.WORD_LOGITS, mid).perplexity() < 3) {
                low = mid;
            } else {
                high = mid;
            }
        }
        Verdicts.right(TemperatureByHandExercises.perplexityThree(low, Examples.WORD_LOGITS));
        // The model's own temperature (perplexity 2.589), and the entropy target ln 3 mistaken for a temperature.
        Verdicts.notYet(TemperatureByHandExercises.perplexityThree(1, Examples.WORD_LOGITS));
        Verdicts.notYet(TemperatureByHandExercises.perplexityThree(Math.log(3), Examples.WORD_LOGITS));
    }

    @Test
    void appleAtOneThird() {
        double cubes = 0.125 + 0.027 + 0.008;
        Verdicts.right(TemperatureByHandExercises.appleAtOneThird(0.125 / cubes, Examples.FRUIT_PROBS));
        // Squared (T = 1/2) instead of cubed, and cubed without renormalising.
        double squares = 0.25 + 0.09 + 0.04;
        Verdicts.notYet(TemperatureByHandExercises.appleAtOneThird(0.25 / squares, Examples.FRUIT_PROBS), "0.781");
        Verdicts.notYet(TemperatureByHandExercises.appleAtOneThird(0.125, Examples.FRUIT_PROBS), "0.781");
    }
}
