package tempered.generate;

/**
 * How long and how many, and what each step records: the limits of a generation, apart from the sampler chain.
 *
 * <p>A step always records its token, that token's probability under the chain and the chain's entropy.
 * The alternatives and the raw model's figures (T = 1, nothing cut) each cost a pass over the vocabulary, so
 * a generation that does not show them can leave them out; a step then refuses to give them, with a message
 * that says how to record them.
 *
 * <pre>{@code
 * GenerationSettings.of(20).withSamples(4).withStopAtNewline(true);
 * GenerationSettings.of(200).withAlternatives(0).withRawProbabilities(false);   // only what a reader of the text needs
 * }</pre>
 *
 * @param maxNewTokens at most this many new tokens per sample (the context may stop it sooner)
 * @param samples continuations of the same prompt, run together as one batch
 * @param stopAtNewline stop a sample after a token that holds a line break
 * @param alternatives how many of the likeliest tokens each {@link Step} records (0: none)
 * @param rawProbabilities whether each step records the raw model's log-probability of its token, the raw
 *        entropy and the alternatives' raw probabilities
 */
public record GenerationSettings(
        int maxNewTokens, int samples, boolean stopAtNewline, int alternatives, boolean rawProbabilities) {

    public GenerationSettings {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("max new tokens=" + maxNewTokens + " must be at least 1");
        }
        if (samples < 1 || samples > 256) {
            throw new IllegalArgumentException(
                    "samples=" + samples + " must be from 1 to 256; run several generations for more");
        }
        if (alternatives < 0 || alternatives > 100) {
            throw new IllegalArgumentException("alternatives=" + alternatives + " must be from 0 to 100");
        }
    }

    /** One sample of up to {@code maxNewTokens} tokens, five alternatives per step, raw probabilities recorded. */
    public static GenerationSettings of(int maxNewTokens) {
        return new GenerationSettings(maxNewTokens, 1, false, 5, true);
    }

    public GenerationSettings withSamples(int value) {
        return new GenerationSettings(maxNewTokens, value, stopAtNewline, alternatives, rawProbabilities);
    }

    public GenerationSettings withStopAtNewline(boolean value) {
        return new GenerationSettings(maxNewTokens, samples, value, alternatives, rawProbabilities);
    }

    public GenerationSettings withAlternatives(int value) {
        return new GenerationSettings(maxNewTokens, samples, stopAtNewline, value, rawProbabilities);
    }

    public GenerationSettings withRawProbabilities(boolean value) {
        return new GenerationSettings(maxNewTokens, samples, stopAtNewline, alternatives, value);
    }
}
