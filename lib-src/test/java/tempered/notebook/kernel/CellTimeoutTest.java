package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The time limit is written as JJAVA_TIMEOUT is (JJava's JJavaExecutionControlProvider). */
class CellTimeoutTest {
    @Test
    void aNumberIsMillisecondsAndAUnitMayFollow() {
        assertEquals(Duration.ofMinutes(10), CellTimeout.parse("600000"));
        assertEquals(Duration.ofMinutes(10), CellTimeout.parse("10 MINUTES"));
        assertEquals(Duration.ofSeconds(30), CellTimeout.parse("30 seconds"));
        assertEquals(Duration.ofSeconds(30), CellTimeout.parse("30seconds"));
        assertEquals(Duration.ofMinutes(10), CellTimeout.parse(CellTimeout.DEFAULT));
    }

    @Test
    void zeroOrLessIsNoLimit() {
        assertEquals(Duration.ZERO, CellTimeout.parse("0"));
        assertEquals(Duration.ZERO, CellTimeout.parse("-1"));
    }

    @Test
    void anythingElseIsRefusedWithTheFormat() {
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> CellTimeout.parse("soon"));
        assertTrue(text.getMessage().contains("e.g. 600000 or \"10 MINUTES\""), text.getMessage());
        IllegalArgumentException unit =
                assertThrows(IllegalArgumentException.class, () -> CellTimeout.parse("2 fortnights"));
        assertTrue(unit.getMessage().contains("unknown time unit 'fortnights'"), unit.getMessage());
    }
}
