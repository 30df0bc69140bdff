package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Examples;

class TemperatureByHandExercisesTest {

    /** The notebook's vocabulary: the five words, then 50,252 tail logits at the quantiles of a normal(-63, 3). */
    private static double[] vocabulary() {
        int tail = 50_252;
        double[] vocabulary = new double[5 + tail];
        System.arraycopy(Examples.WORD_LOGITS, 0, vocabulary, 0, 5);
        NormalDistribution bell = new NormalDistribution(-63, 3);
        for (int k = 0; k < tail; k++) {
            vocabulary[5 + k] = bell.inverseCumulativeProbability((k + 0.5) / tail);
        }
        return vocabulary;
    }

    @Test
    void spreadTail() {
        double[] vocabulary = vocabulary();
        Verdicts.right(TemperatureByHandExercises.spreadTail("heavier", Examples.WORD_LOGITS, vocabulary));
        Verdicts.right(TemperatureByHandExercises.spreadTail(" Heavier", Examples.WORD_LOGITS, vocabulary));
        Verdicts.notYet(TemperatureByHandExercises.spreadTail("lighter", Examples.WORD_LOGITS, vocabulary), "heavier");
        Verdicts.notYet(TemperatureByHandExercises.spreadTail(null, Examples.WORD_LOGITS, vocabulary), "heavier");
        assertEquals(
                "not yet: write heavier or lighter; try again",
                TemperatureByHandExercises.spreadTail("more", Examples.WORD_LOGITS, vocabulary));
        assertEquals(
                "vocabulary holds 5 logits, no more than the 5 words; pass the notebook's vocabulary: the words' logits,"
                        + " then the tail's",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TemperatureByHandExercises.spreadTail(
                                        "heavier", Examples.WORD_LOGITS, Examples.WORD_LOGITS))
                        .getMessage());
    }

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
