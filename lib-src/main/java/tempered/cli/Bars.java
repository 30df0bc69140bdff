package tempered.cli;

import java.nio.charset.Charset;
import java.util.Locale;

/** Text bars for terminal tables: eighth-block characters where the terminal takes UTF-8, '#' where not. */
final class Bars {
    private static final char[] EIGHTHS = {' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'};

    private Bars() {}

    /** A bar {@code fraction} of {@code width} characters long (fraction clamped to [0, 1] for drawing only). */
    static String bar(double fraction, int width, boolean unicode) {
        double cells = Math.max(0, Math.min(1, fraction)) * width;
        if (!unicode) {
            return "#".repeat((int) Math.round(cells));
        }
        int whole = (int) cells;
        int eighths = (int) Math.round((cells - whole) * 8);
        if (eighths == 8) {
            whole++;
            eighths = 0;
        }
        String bar = "█".repeat(whole);
        return eighths > 0 ? bar + EIGHTHS[eighths] : bar;
    }

    static boolean unicodeOk() {
        String encoding = System.getProperty(
                "stdout.encoding",
                System.getProperty(
                        "sun.stdout.encoding", Charset.defaultCharset().name()));
        return encoding.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
    }
}
