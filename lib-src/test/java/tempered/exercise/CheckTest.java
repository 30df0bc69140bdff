package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aNearAnswerIsRightAndAFarOneSaysWhichWay() {
        assertEquals("right: the temperature is 0.5763", Check.near("the temperature", 0.5763, 0.57626, 1e-3));
        assertEquals(
                "not yet: the temperature is too high; try again", Check.near("the temperature", 0.7, 0.57626, 1e-3));
        assertEquals(
                "not yet: the temperature is too low; try again", Check.near("the temperature", 0.5, 0.57626, 1e-3));
        assertEquals(
                "not yet: T is still NaN; replace the placeholder with your answer", Check.near("T", Double.NaN, 1, 0));
    }

    @Test
    void aWrongAnswerNeverShowsTheExpectedOne() {
        assertFalse(Check.near("T", 9, 0.57626, 1e-3).contains("0.576"));
        assertFalse(Check.equal("the token", "rug", "mat").contains("mat"));
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
    void aCheckWithoutAnExpectedValueIsRefused() {
        assertEquals(
                "a check needs a finite expected value and a tolerance >= 0, got expected=NaN, tolerance=0.1",
                assertThrows(IllegalArgumentException.class, () -> Check.near("T", 1, Double.NaN, 0.1))
                        .getMessage());
    }
}
