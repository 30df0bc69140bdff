package tempered.generate;

/**
 * How long and how many: the limits of a generation, apart from the sampler chain.
 *
 * <pre>{@code
 * GenerationSettings.of(20).withSamples(4).withStopAtNewline(true);
 * }</pre>
 *
 * @param maxNewTokens at most this many new tokens per sample (the context may stop it sooner)
 * @param samples continuations of the same prompt, run together as one batch
 * @param stopAtNewline stop a sample after a token that holds a line break
 * @param alternatives how many top alternatives each {@link Step} records
 */
public record GenerationSettings(int maxNewTokens, int samples, boolean stopAtNewline, int alternatives) {

    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max new tokens=" + maxNewTokens + " must be at least 1");
        }
        if (samples < 1 || samples > 256) {
            throw new IllegalArgumentException("samples=" + samples + " must be from 1 to 256; run several generations for more");
        }
        if (alternatives < 0 || alternatives > 100) {
            throw new IllegalArgumentException("alternatives=" + alternatives + " must be from 0 to 100");
        }
    }

    /** One sample of up to {@code maxNewTokens} tokens, five alternatives per step. */
    public static GenerationSettings of(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 1, false, 5);
    }

    public GenerationSettings withMaxNewTokens(int value) {
        return new GenerationSettings(value, samples, stopAtNewline, alternatives);
    }

    public GenerationSettings withSamples(int value) {
        return new GenerationSettings(maxNewTokens, value, stopAtNewline, alternatives);
    }

    public GenerationSettings withStopAtNewline(boolean value) {
        return new GenerationSettings(maxNewTokens, samples, value, alternatives);
    }

    public GenerationSettings withAlternatives(int value) {
        return new GenerationSettings(maxNewTokens, samples, stopAtNewline, value);
    }
}
