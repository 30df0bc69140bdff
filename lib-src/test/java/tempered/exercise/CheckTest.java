package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aNearAnswerIsRightAndAFarOneIsNotYetWithoutADirection() {
        assertEquals("right: the temperature is 0.5763", Check.near("the temperature", 0.5763, 0.57626, 1e-3));
        String high = Check.near("the temperature", 0.7, 0.57626, 1e-3);
        String low = Check.near("the temperature", 0.5, 0.57626, 1e-3);
        assertEquals("not yet: the temperature is not 0.7 (it must be within 0.001 of the answer); try again", high);
        assertEquals(high.replace("0.7", "0.5"), low, "a high and a low answer get the same words");
        assertEquals(
                "not yet: T is still NaN; replace the placeholder with your answer", Check.near("T", Double.NaN, 1, 0));
        assertEquals(
                "not yet: T is Infinity, which is not a number; look for a division by zero; try again",
                Check.near("T", Double.POSITIVE_INFINITY, 1, 0));
    }

    @Test
    void noVerdictSaysWhichWay() {
        for (double answer : new double[] {-5, 0.1, 0.5, 0.9, 3, 1e9}) {
            String verdict = Check.near("x", answer, 1, 1e-3)
                    + Check.probability("p", answer, 0.5, 1e-3)
                    + Check.count("n", (long) answer, 7);
            for (String hint : new String[] {"high", "low", "small", "large", "big", "more", "less", "increase"}) {
                assertFalse(verdict.contains(hint), verdict);
            }
        }
    }

    @Test
    void aWrongAnswerNeverShowsTheExpectedOne() {
        assertFalse(Check.near("T", 9, 0.57626, 1e-3).contains("0.576"));
        assertFalse(Check.probability("p", 0.2, 0.86681, 1e-3).contains("0.866"));
        assertFalse(Check.count("bytes", 7_372_801, 7_372_800).contains("7,372,800"));
        assertFalse(Check.equal("the token", "rug", "mat").contains("mat"));
    }

    @Test
    void aProbabilitySaysWhenAnAnswerIsNoProbabilityAtAll() {
        assertEquals("right: p is 0.8668", Check.probability("p", 0.8668, 0.86681, 5e-5));
        assertEquals(
                "not yet: p cannot be 1.3: a probability lies between 0 and 1; try again",
                Check.probability("p", 1.3, 0.5, 1e-3));
        assertEquals(
                "not yet: p cannot be -0.2: a probability lies between 0 and 1; try again",
                Check.probability("p", -0.2, 0.5, 1e-3));
    }

    @Test
    void aCountIsExactAndStartsFromItsOwnPlaceholder() {
        assertEquals("right: the number of bytes is 7,372,800", Check.count("the number of bytes", 7372800, 7372800));
        assertEquals(
                "not yet: the number of bytes is not 7,372,801; try again",
                Check.count("the number of bytes", 7372801, 7372800));
        assertEquals(
                "not yet: n is still Answer.NONE; replace the placeholder with your answer",
                Check.count("n", Answer.NONE, 3));
        assertEquals("not yet: n cannot be -1: a count is never negative; try again", Check.count("n", -1, 3));
        long bytes = Answer.NONE;
        int tokens = Answer.NONE;
        assertEquals(bytes, tokens, "the one placeholder fits both int and long");
    }

    @Test
    void equalComparesValues() {
        assertEquals("right: the token is mat", Check.equal("the token", "mat", "mat"));
        assertEquals("not yet: the token is not rug; try again", Check.equal("the token", "rug", "mat"));
        assertEquals(
                "not yet: the token is still missing; replace the placeholder with your answer",
                Check.equal("the token", null, "mat"));
    }

    @Test
    void aTemperatureMustBeAboveZeroToBeTried() {
        assertEquals("not yet: T cannot be -1: give a temperature above 0; try again", Check.notATemperature("T", -1));
        assertEquals("not yet: T cannot be 0: give a temperature above 0; try again", Check.notATemperature("T", 0));
        assertEquals(null, Check.notATemperature("T", 0.5));
    }

    @Test
    void numbersShowAsALearnerTypesThem() {
        assertEquals("100000", Check.shown(100000));
        assertEquals("403.429", Check.shown(Math.exp(6)));
        assertEquals("0.000001", Check.plain(1e-6));
        assertTrue(Check.shown(1.23456789e-7).startsWith("1.23457E-7"), Check.shown(1.23456789e-7));
    }

    @Test
    void aCheckWithoutAnExpectedValueIsRefused() {
        assertEquals(
                "a check needs a finite expected value and a tolerance >= 0, got expected=NaN, tolerance=0.1",
                assertThrows(IllegalArgumentException.class, () -> Check.near("T", 1, Double.NaN, 0.1))
                        .getMessage());
    }
}
