package tempered.hub;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Hears how a download is going. {@link #terminal} redraws one line; {@link #lines} prints a line now and
 * then, which reads well in a notebook cell or a log.
 */
@FunctionalInterface
public interface DownloadProgress {

    /**
     * Called after each chunk and once more when the file is complete.
     *
     * @param file the file's path in its repository
     * @param done bytes on disk so far, counting a resumed part
     * @param total the file's size, or -1 when the server did not say
     * @param bytesPerSecond the rate of this run so far
     * @param finished true on the last call
     */
    void update(String file, long done, long total, double bytesPerSecond, boolean finished);

    /**
     * Called once, before any {@link #update}, when this download must first wait for another (in another process
     * or terminal, or another thread) that is fetching the same file; the message says so, and for what. The
     * default says nothing.
     */
    default void waiting(String message) {}

    DownloadProgress NONE = (file, done, total, rate, finished) -> {};

    /** A line rewritten in place (with a carriage return) at most five times a second. */
    static DownloadProgress terminal(PrintStream out) {
        return new DownloadProgress() {
            private long last;

            @Override
            public void waiting(String message) {
                out.println(message);
                out.flush();
            }

            @Override
            public void update(String file, long done, long total, double rate, boolean finished) {
                long now = System.nanoTime();
                if (finished || now - last > 200_000_000L) {
                    last = now;
                    out.print("\r" + describe(file, done, total, rate) + "   "
                            + (finished ? System.lineSeparator() : ""));
                    out.flush();
                }
            }
        };
    }

    /** A line at each tenth of the file (or every ten seconds when the size is unknown), and one at the end. */
    static DownloadProgress lines(PrintStream out) {
        return new DownloadProgress() {
            private long lastTenth = -1;
            private long lastTime = System.nanoTime();

            @Override
            public void waiting(String message) {
                out.println(message);
                out.flush();
            }

            @Override
            public void update(String file, long done, long total, double rate, boolean finished) {
                long now = System.nanoTime();
                long tenth = total > 0 ? done * 10 / total : -1;
                boolean due = total > 0 ? tenth != lastTenth : now - lastTime > 10_000_000_000L;
                if (finished || due) {
                    lastTenth = tenth;
                    lastTime = now;
                    out.println(describe(file, done, total, rate));
                    out.flush();
                }
            }
        };
    }

    /** {@code onnx/model.onnx  312.4 MB of 655.0 MB (47%)  24.1 MB/s  14 s left}. */
    static String describe(String file, long done, long total, double rate) {
        StringBuilder line = new StringBuilder(file).append("  ").append(megabytes(done));
        if (total > 0) {
            line.append(" of ")
                    .append(megabytes(total))
                    .append(String.format(Locale.ROOT, " (%d%%)", done * 100 / total));
        }
        if (rate > 0) {
            line.append("  ").append(megabytes((long) rate)).append("/s");
            if (total > done) {
                line.append("  ").append(duration((total - done) / rate)).append(" left");
            }
        }
        return line.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60
                ? s + " s"
                : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
