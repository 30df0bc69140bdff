package tempered.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapMeanTest {

    /** A share near its ceiling: the t interval on these runs past 1, the bootstrap stays inside the values. */
    @Test
    void anIntervalOnSharesNearOneStaysInsideTheirRange() {
        double[] shares = {1, 1, 1, 1, 1, 1, 1, 0.98};
        assertTrue(MeanInterval.of(shares).high() > 1, "the t interval this replaces: " + MeanInterval.of(shares));
        BootstrapMean interval = BootstrapMean.of(shares);
        assertEquals(0.9975, interval.mean(), 1e-12);
        assertTrue(interval.low() >= 0.98 && interval.high() <= 1, interval.toString());
        assertEquals(1.0, interval.high(), 0, "a resample without the 0.98 has mean 1");
    }

    /** Many measurements: the bootstrap interval approaches the normal one, mean ± 1.96 s/√n. */
    @Test
    void manyMeasurementsApproachTheNormalInterval() {
        Random random = new Random(5);
        double[] values = new double[2_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        BootstrapMean bootstrap = BootstrapMean.of(values);
        MeanInterval t = MeanInterval.of(values);
        assertEquals(t.low(), bootstrap.low(), 0.1 * t.halfWidth());
        assertEquals(t.high(), bootstrap.high(), 0.1 * t.halfWidth());
    }

    @Test
    void theSameMeasurementsGiveTheSameInterval() {
        assertEquals(BootstrapMean.of(0.2, 0.4, 0.1, 0.3), BootstrapMean.of(0.2, 0.4, 0.1, 0.3));
        assertEquals(
                "0.250 (95% CI 0.150 to 0.350, n = 4)",
                BootstrapMean.of(0.2, 0.4, 0.1, 0.3).toString());
    }

    @Test
    void equalMeasurementsGiveNoIntervalRatherThanAZeroWideOne() {
        BootstrapMean interval = BootstrapMean.of(0, 0, 0);
        assertTrue(interval.noSpread());
        assertTrue(Double.isNaN(interval.low()) && Double.isNaN(interval.high()));
        assertEquals("0.000 (all 3 equal: no spread to resample)", interval.toString());
    }

    /**
     * Two sets whose own intervals overlap, measured on the same seeds: every pair moved up by about 0.1, so the
     * paired difference leaves out 0. Judging by overlap would have said "cannot tell apart".
     */
    @Test
    void aPairedDifferenceSeesWhatOverlappingIntervalsHide() {
        double[] before = {1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5};
        double[] after = {1.1, 1.62, 2.08, 2.6, 3.11, 3.58, 4.1, 4.61};
        BootstrapMean a = BootstrapMean.of(after);
        BootstrapMean b = BootstrapMean.of(before);
        assertTrue(a.low() < b.high() && b.low() < a.high(), "the two intervals overlap: " + a + " / " + b);
        BootstrapMean difference = BootstrapMean.difference(after, before);
        assertEquals(0.1, difference.mean(), 1e-12);
        assertTrue(difference.excludesZero(), difference.toString());
        assertTrue(difference.low() > 0);
    }

    @Test
    void aDifferenceThatIncludesZeroOrIsAlwaysZeroIsNoDifference() {
        assertFalse(BootstrapMean.difference(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3})
                .excludesZero());
        assertFalse(BootstrapMean.difference(new double[] {0, 0, 0}, new double[] {0, 0, 0})
                .excludesZero());
        assertTrue(
                BootstrapMean.difference(new double[] {1, 2, 3}, new double[] {0, 1, 2})
                        .excludesZero(),
                "every pair differs by exactly 1");
    }

    @Test
    void refusesWhatHasNoInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BootstrapMean.of(1.0));
        assertEquals("an interval needs at least two measurements, got 1; measure more texts", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BootstrapMean.of(1, Double.NaN));
        assertEquals("measurement NaN is not a finite number; drop it or fix the measure", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> BootstrapMean.difference(new double[] {1, 2}, new double[] {1, 2, 3}));
        assertEquals(
                "a paired difference needs two sets of the same length, got 2 and 3; measure both on the same seeds",
                e.getMessage());
    }
}
