package tempered.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;

class DynamicTemperatureTest {

    @Test
    void aUniformDistributionGetsTheHighestTemperatureAndACertainOneTheLowest() {
        DynamicTemperature dynamic = new DynamicTemperature(0.8, 0.5, 1);
        assertEquals(1.3, dynamic.temperatureFor(new double[] {1, 1, 1, 1}), 1e-12);
        assertEquals(0.3, dynamic.temperatureFor(new double[] {100, 0, 0, 0}), 1e-12);
        // Masked tokens do not count: two equal live tokens are uniform over two.
        assertEquals(1.3, dynamic.temperatureFor(new double[] {2, 2, Double.NEGATIVE_INFINITY}), 1e-12);
    }

    /** By hand: H of [2, 4, 3] at T = 1 is 0.83240 nats, ln 3 = 1.09861, so T = 0.3 + 1.0 * 0.757679 (exponent 1). */
    @Test
    void inBetweenItScalesWithNormalisedEntropyToThePowerOfTheExponent() {
        double[] logits = {2, 4, 3};
        double normalised = Distribution.of(logits, 1).entropy() / Math.log(3);
        assertEquals(0.757679, normalised, 1e-6);
        assertEquals(0.3 + normalised, new DynamicTemperature(0.8, 0.5, 1).temperatureFor(logits), 1e-12);
        assertEquals(0.3 + Math.pow(normalised, 2), new DynamicTemperature(0.8, 0.5, 2).temperatureFor(logits), 1e-12);
        DynamicTemperature dynamic = new DynamicTemperature(0.8, 0.5, 1);
        assertArrayEquals(new Temperature(dynamic.temperatureFor(logits)).apply(logits), dynamic.apply(logits));
    }

    @Test
    void rangeZeroIsAPlainTemperatureAndTheLowEndStopsAtZero() {
        SplittableRandom random = new SplittableRandom(2);
        double[] logits = new double[100];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = random.nextGaussian() * 4;
        }
        assertArrayEquals(new Temperature(0.7).apply(logits), new DynamicTemperature(0.7, 0, 1).apply(logits));
        assertEquals(0.0, new DynamicTemperature(0.2, 0.5, 1).temperatureFor(new double[] {1000, 0}), 1e-12);
        assertTrue(
                new DynamicTemperature(0.2, 0.5, 1).apply(new double[] {1000, 0})[1] == Double.NEGATIVE_INFINITY,
                "T = 0 is greedy");
        assertEquals("dynamic-temperature(0.8±0.5, exp=1)", new DynamicTemperature(0.8, 0.5, 1).toString());
    }

    @Test
    void badSettingsAreRefusedWithMessagesThatTeach() {
        assertEquals(
                "dynamic temperature range -1.0 must be a finite number >= 0; 0 gives a plain temperature",
                assertThrows(IllegalArgumentException.class, () -> new DynamicTemperature(1, -1, 1))
                        .getMessage());
        assertEquals(
                "dynamic temperature exponent 0.0 must be a finite number > 0; 1 scales linearly with entropy",
                assertThrows(IllegalArgumentException.class, () -> new DynamicTemperature(1, 0.5, 0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DynamicTemperature(Double.NaN, 0.5, 1));
    }
}
