package tempered.notebook.kernel;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long one snippet of a cell may run before the executor stops it, written as JJava's
 * {@code JJAVA_TIMEOUT} is: a number of milliseconds ({@code 600000}) or a number and a
 * {@link TimeUnit} name ({@code "10 MINUTES"}, {@code "30 seconds"}); zero or less means no limit.
 *
 * <p>JJava has no limit unless {@code JJAVA_TIMEOUT} is set; the tests have one, {@link #DEFAULT}, so a cell
 * that never ends fails the build with its cell number instead of hanging it. Set it with
 * {@code -Dtempered.notebook.timeout="20 MINUTES"}. Like JJava's, the limit is per snippet, and a {@code %load}
 * counts as one snippet of the cell it is in.
 */
final class CellTimeout {
    static final String PROPERTY = "tempered.notebook.timeout";
    /**
     * Ten minutes: the slowest notebook cell took 67 s in a run on the 2-core build machine while it was busy,
     * so a slow machine has room, and a hang still ends long before CI's 90 minutes.
     */
    static final String DEFAULT = "10 MINUTES";

    private static final Pattern FORMAT = Pattern.compile("(-?\\d+)\\W*([A-Za-z]+)?");

    private CellTimeout() {}

    /** The limit from the system property, else {@link #DEFAULT}; {@link Duration#ZERO} for none. */
    static Duration configured() {
        return parse(System.getProperty(PROPERTY, DEFAULT));
    }

    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(PROPERTY + "='" + text + "' must be a number of milliseconds or a number"
                    + " and a time unit, as JJAVA_TIMEOUT takes: e.g. 600000 or \"10 MINUTES\"");
        }
        long amount = Long.parseLong(m.group(1));
        TimeUnit unit;
        try {
            unit = m.group(2) == null
                    ? TimeUnit.MILLISECONDS
                    : TimeUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    PROPERTY + "='" + text + "' has an unknown time unit '" + m.group(2)
                            + "'; use SECONDS, MINUTES, HOURS or MILLISECONDS",
                    e);
        }
        return amount <= 0 ? Duration.ZERO : Duration.of(amount, unit.toChronoUnit());
    }
}
