package tempered.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthTest {
    /** A small probe runs every method, each reporting one positive rate per run. */
    @Test
    void everyProbeReportsEachRun() {
        List<Bandwidth.Probe> probes = Bandwidth.measure(8, 2);
        assertEquals(
                List.of("Java sum, " + Runtime.getRuntime().availableProcessors() + " threads", "Java sum, 1 thread"),
                probes.subList(0, 2).stream().map(Bandwidth.Probe::name).toList());
        assertTrue(probes.get(2).name().startsWith("ONNX Runtime matrix-vector product"));
        for (Bandwidth.Probe probe : probes) {
            assertEquals(2, probe.rates().length, probe.name());
            assertTrue(probe.median() > 0, probe.name());
        }
    }

    /** Past 1,024 MB the size in bytes would overflow an int and the matrix would not fit in one ONNX model. */
    @Test
    void aProbeSizeOutsideOneTo1024MegabytesIsRefused() {
        for (int megabytes : new int[] {0, 1025, 2048}) {
            assertEquals(
                    "a probe of " + megabytes
                            + " MB: give 1 to 1,024 (an ONNX model, the matrix probe's, holds less than 2 GB)",
                    assertThrows(IllegalArgumentException.class, () -> Bandwidth.measure(megabytes, 1))
                            .getMessage());
        }
    }
}
