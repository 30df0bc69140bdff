package tempered.bench;

import java.util.List;
import java.util.Locale;

/**
 * The speed limit of batch-1 decoding: every weight is read once per token, so no engine decodes faster than
 * the memory read bandwidth divided by the weights' bytes. The bandwidth is the best any probe method read,
 * before or after decoding (a low reading only means the machine was busy).
 *
 * <p>It is trusted only when the best method agrees with itself: its median before decoding and after it
 * within 15%, and its runs within 30% of their median each time. Otherwise the machine's load changed while
 * it was measured, and a share of the bound would say more about the load than about the code; the bound is
 * then reported as unstable, with the reason, and no share is printed.
 *
 * @param bytesPerSecond the best median read bandwidth
 * @param method the probe method that read it
 * @param stable whether the bound can be trusted
 * @param why the readings that decided it
 */
public record BandwidthBound(double bytesPerSecond, String method, boolean stable, String why) {
    static final double MOST_DRIFT = 0.15;
    static final double MOST_SPREAD = 0.30;

    /** The bound from the same probes taken before and after decoding (in the same order). */
    public static BandwidthBound of(List<Bandwidth.Probe> before, List<Bandwidth.Probe> after) {
        if (before.size() != after.size() || before.isEmpty()) {
            throw new IllegalArgumentException(
                    "the probes before and after decoding must be the same methods, at least one");
        }
        int best = 0;
        for (int i = 0; i < before.size(); i++) {
            if (Math.max(before.get(i).median(), after.get(i).median())
                    > Math.max(before.get(best).median(), after.get(best).median())) {
                best = i;
            }
        }
        Bandwidth.Probe first = before.get(best);
        Bandwidth.Probe second = after.get(best);
        double high = Math.max(first.median(), second.median());
        double drift = Math.abs(first.median() - second.median()) / high;
        double spread = Math.max(first.figure("").spread(), second.figure("").spread());
        boolean stable = drift <= MOST_DRIFT && spread <= MOST_SPREAD;
        String why = String.format(
                Locale.ROOT,
                "%s read %.1f GB/s before decoding and %.1f after (%.0f%% apart; at most %.0f%%),"
                        + " runs within %.0f%% of their median (at most %.0f%%)",
                first.name(),
                first.median() / 1e9,
                second.median() / 1e9,
                100 * drift,
                100 * MOST_DRIFT,
                100 * spread,
                100 * MOST_SPREAD);
        return new BandwidthBound(high, first.name(), stable, why);
    }

    /** Tokens per second at this bandwidth for a model that reads {@code bytesPerToken} per token. */
    public double tokensPerSecond(double bytesPerToken) {
        return bytesPerSecond / bytesPerToken;
    }
}
