package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The thread a command runs on has room for its command line; JarIT starts the jar from long ones for real. */
class LongCommandLineTest {
    @Test
    void theStackGrowsWithTheCommandLineFourTimesFasterThanMeasured() {
        assertEquals(16L << 20, LongCommandLine.stack(0));
        // 1 MB held 3,873 bytes of command line and not 3,874, so the matcher takes about 270 bytes per byte.
        assertTrue(LongCommandLine.stack(3_874) > 4 * 270 * 3_874L);
        assertTrue(LongCommandLine.stack(2_000_000) >= 4 * 256 * 2_000_000L);
    }

    @Test
    void theCommandRunsOnAThreadWithThatStackAndItsStatusIsReturned() {
        AtomicLong seen = new AtomicLong();
        int status = LongCommandLine.run(100, () -> {
            seen.set(Thread.currentThread().getName().equals("tempered") ? 1 : 2);
            return 7;
        });
        assertEquals(7, status);
        assertEquals(1, seen.get());
    }

    @Test
    void theCommandLineIsMeasuredAsTheProcessHasIt() {
        long bytes = LongCommandLine.bytes(new String[] {"x"});
        assertTrue(bytes > 10, "this JVM's own command line, " + bytes + " bytes");
    }
}
