package tempered.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    /**
     * By hand, for 0 of 8: z² = 3.841459, centre = (z²/16)/(1 + z²/8) = 0.162204, and at a count of 0 the
     * half-width equals the centre, so 0 to 0.324408. Wilson's ends for 1 of 10 are the published 0.0179 and 0.4042.
     */
    @Test
    void handCheckedEnds() {
        WilsonInterval none = WilsonInterval.of(0, 8);
        assertEquals(0, none.low(), 1e-12);
        assertEquals(0.324408, none.high(), 1e-6);
        WilsonInterval one = WilsonInterval.of(1, 10);
        assertEquals(0.0179, one.low(), 1e-4);
        assertEquals(0.4042, one.high(), 1e-4);
        assertEquals(0.1, one.share(), 1e-12);
    }

    @Test
    void staysInsideZeroAndOneAndIsSymmetricInCountAndMisses() {
        for (int n = 1; n <= 20; n++) {
            for (int k = 0; k <= n; k++) {
                WilsonInterval w = WilsonInterval.of(k, n);
                WilsonInterval mirror = WilsonInterval.of(n - k, n);
                assertEquals(1 - w.high(), mirror.low(), 1e-12, k + " of " + n);
                assertEquals(true, w.low() >= 0 && w.high() <= 1 && w.low() <= w.share() && w.share() <= w.high());
            }
        }
        assertEquals("8 of 8 (95% CI 0.676 to 1.000)", WilsonInterval.of(8, 8).toString());
    }

    @Test
    void refusesCountsOutsideTheTrials() {
        assertEquals(
                "count 9 must be between 0 and n = 8; count the trials that succeeded",
                assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(9, 8))
                        .getMessage());
        assertEquals(
                "a share needs at least one trial, got n = 0",
                assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0))
                        .getMessage());
    }
}
