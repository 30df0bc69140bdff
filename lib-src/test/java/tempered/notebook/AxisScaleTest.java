package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AxisScaleTest {

    private static AxisScale log(boolean forBars, double... values) {
        return AxisScale.log("y", List.of(new AxisScale.Named("s", values)), forBars);
    }

    @Test
    void aLogAxisOverDecadesLabelsOnlyTheDecades() {
        AxisScale scale = log(false, 0.001, 0.5, 40);
        Function<Double, String> labels = scale.labels();
        assertEquals(-3, scale.place(0.001), 1e-12);
        assertEquals("0.001", labels.apply(-3.0));
        assertEquals("10", labels.apply(1.0000000001));
        assertTrue(labels.apply(-2.5).replace("\u200b", "").isBlank(), "between decades: blank");
        assertNotEquals(labels.apply(-2.5), labels.apply(-1.5), "blank labels differ, or XChart drops the ticks");
        assertEquals(0.5, scale.value(scale.place(0.5)), 1e-12);
    }

    @Test
    void aLogAxisUnderTwoDecadesTicksEveryTenthAndLabelsOneTwoAndFive() {
        AxisScale scale = log(false, 0.1, 5);
        Function<Double, String> labels = scale.labels();
        assertEquals("0.1", labels.apply(-1.0));
        assertEquals("0.2", labels.apply(-0.7));
        assertEquals("0.5", labels.apply(-0.3));
        assertEquals("1", labels.apply(0.0));
        assertEquals("2", labels.apply(0.30000000000000004));
        assertEquals("5", labels.apply(0.7));
        assertTrue(labels.apply(0.2).replace("\u200b", "").isBlank(), "1.58 is not labelled");
        assertNotEquals(labels.apply(0.1), labels.apply(0.2), "blank labels differ, or XChart drops the ticks");
        assertEquals(36, scale.spacingHint(610, 80), "a tenth of 1.7 decades over 610 pixels");
    }

    @Test
    void aLogAxisUnderADecadeAndAHalfLabelsFourAndEightToo() {
        Function<Double, String> labels = log(false, 0.25, 4).labels();
        assertEquals("4", labels.apply(0.6000000000000001));
        assertEquals("0.8", labels.apply(-0.1));
        assertEquals("0.4", labels.apply(-0.4));
        assertTrue(labels.apply(0.5).replace("\u200b", "").isBlank(), "3.16 is not labelled");
        assertTrue(log(false, 0.1, 5).labels().apply(0.6).replace("\u200b", "").isBlank(), "over 1.5 decades: no 4");
    }

    @Test
    void aLogAxisUnderSevenTenthsOfADecadeLabelsEveryTickToTwoDigits() {
        Function<Double, String> labels = log(false, 0.5, 2).labels();
        assertEquals("0.63", labels.apply(-0.2));
        assertEquals("1.3", labels.apply(0.1));
    }

    @Test
    void barsStartAtTheDecadeBelowTheirSmallestValue() {
        AxisScale scale = log(true, 0.0003, 0.66);
        assertEquals(Math.log10(0.0003) + 4, scale.place(0.0003), 1e-12, "above 0.0001, the axis' bottom");
        assertEquals("0.0001", scale.labels().apply(0.0));
        // A value right on a decade would have no height: the axis starts one decade lower.
        assertEquals(1, log(true, 0.01, 0.5).place(0.01), 1e-12);
    }

    @Test
    void aLogAxisRefusesZeroNamingTheSeriesAndThePoint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log(false, 1, 0, 3));
        assertEquals(
                "'s' value 1 is 0.0, but the axis 'y' is logarithmic and shows only values above 0;"
                        + " use a linear axis or drop that point",
                e.getMessage());
    }

    @Test
    void theSpacingHintStepsByWholeDecadesAndStaysUnderAThirdOfTheAxis() {
        assertEquals(80, AxisScale.linear().spacingHint(610, 80));
        assertEquals(122, log(false, 0.01, 1000).spacingHint(610, 80), "5 decades over 610 pixels: one a tick");
        assertEquals(190, log(false, 0.1, 10).spacingHint(610, 80), "2 decades: capped at a third, half decades");
        assertEquals(61, log(false, 1e-10, 1e10).spacingHint(610, 40), "20 decades: two a tick");
    }
}
