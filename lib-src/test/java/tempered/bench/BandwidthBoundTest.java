package tempered.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound is the best method's reading, trusted only when that method agrees with itself. */
class BandwidthBoundTest {

    private static Bandwidth.Probe probe(String name, double... gigabytes) {
        double[] rates = new double[gigabytes.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = gigabytes[i] * 1e9;
        }
        return new Bandwidth.Probe(name, rates);
    }

    @Test
    void theBestMethodSetsTheBoundAndIsStableWhenItAgreesWithItself() {
        List<Bandwidth.Probe> before = List.of(probe("java", 15, 16, 17), probe("onnx", 24, 25, 26));
        List<Bandwidth.Probe> after = List.of(probe("java", 12, 13, 14), probe("onnx", 22, 23, 24));
        BandwidthBound bound = BandwidthBound.of(before, after);
        assertEquals(25e9, bound.bytesPerSecond());
        assertEquals("onnx", bound.method());
        assertTrue(bound.stable(), bound.why());
        assertEquals(50, bound.tokensPerSecond(500e6), 1e-9);
        assertEquals(
                "onnx read 25.0 GB/s before decoding and 23.0 after (8% apart; at most 15%), runs within 9% of their median"
                        + " (at most 30%)",
                bound.why());
    }

    @Test
    void aBoundThatDriftsOrScattersIsUnstable() {
        BandwidthBound drifted =
                BandwidthBound.of(List.of(probe("onnx", 30, 31, 32)), List.of(probe("onnx", 20, 21, 22)));
        assertFalse(drifted.stable(), drifted.why());
        assertEquals(31e9, drifted.bytesPerSecond());
        BandwidthBound scattered =
                BandwidthBound.of(List.of(probe("onnx", 15, 25, 30)), List.of(probe("onnx", 16, 24, 31)));
        assertFalse(scattered.stable(), scattered.why());
        assertTrue(scattered.why().contains("runs within 63% of their median (at most 30%)"), scattered.why());
    }
}
