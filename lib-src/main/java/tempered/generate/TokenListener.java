package tempered.generate;

/** Hears each token as it is made, for streaming text to a terminal or a notebook cell. */
@FunctionalInterface
public interface TokenListener {
    /** Called once per new token of sample number {@code sample} (0-based), in order. */
    void onToken(int sample, Step step);

    TokenListener NONE = (sample, step) -> {};
}
