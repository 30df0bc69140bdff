package tempered.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

    /** By hand: mean 2.5, s = sqrt(5/3), t(0.975, 3) = 3.182446, so ± 3.182446 * 1.290994 / 2 = 2.054260. */
    @Test
    void aHandCheckedInterval() {
        MeanInterval interval = MeanInterval.of(1, 2, 3, 4);
        assertEquals(2.5, interval.mean(), 1e-12);
        assertEquals(2.054260, interval.halfWidth(), 1e-6);
        assertEquals(2.5 - 2.054260, interval.low(), 1e-6);
        assertEquals("2.500 (95% CI 0.446 to 4.554, n = 4)", interval.toString());
    }

    /** With many measurements t approaches the normal's 1.96. */
    @Test
    void manyMeasurementsApproachTheNormalInterval() {
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2;
        }
        double standardError = Math.sqrt(0.25 * values.length / (values.length - 1) / values.length);
        assertEquals(1.96, MeanInterval.of(values).halfWidth() / standardError, 1e-3);
    }

    @Test
    void equalMeasurementsGiveNoIntervalRatherThanAZeroWideOne() {
        MeanInterval interval = MeanInterval.of(2, 2, 2);
        assertTrue(Double.isNaN(interval.low()) && Double.isNaN(interval.high()));
        assertEquals("2.000 (all 3 equal: no spread to estimate)", interval.toString());
        assertTrue(interval.separatedFrom(MeanInterval.of(5, 6, 7)), "2 lies outside 6 ± 2.48");
        assertTrue(MeanInterval.of(5, 6, 7).separatedFrom(interval), "either way round");
        assertFalse(interval.separatedFrom(MeanInterval.of(1, 2, 3, 4)), "2 lies inside 2.5 ± 2.05");
        assertFalse(interval.separatedFrom(MeanInterval.of(3, 3)), "no spread on either side, no verdict");
        assertTrue(MeanInterval.of(1, 1.1, 0.9).separatedFrom(MeanInterval.of(5, 6, 7)));
        assertFalse(MeanInterval.of(1, 2, 3, 4).separatedFrom(MeanInterval.of(3, 4, 5)));
    }

    @Test
    void refusesWhatHasNoInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(1.0));
        assertEquals("an interval needs at least two measurements, got 1; draw more samples", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(1, Double.NaN));
        assertEquals("measurement NaN is not a finite number; drop it or fix the measure", e.getMessage());
    }
}
