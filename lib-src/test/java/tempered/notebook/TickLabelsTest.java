package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelsTest {

    @Test
    void labelsKeepTheirLeadingZeroAndLoseRoundingNoise() {
        assertEquals("0.5", TickLabels.of(0.5));
        assertEquals("0.001", TickLabels.of(0.001), "XChart's own pattern prints .001 here");
        assertEquals("-0.7", TickLabels.of(-0.7000000000000001));
        assertEquals("0.3", TickLabels.of(0.30000000000000004));
        assertEquals("0", TickLabels.of(0));
        assertEquals("1", TickLabels.of(1));
        assertEquals("10,000", TickLabels.of(10000));
        assertEquals("0.0001", TickLabels.of(0.0001));
        assertEquals("1e-5", TickLabels.of(0.00001));
        assertEquals("2.5e-7", TickLabels.of(2.5e-7));
    }
}
