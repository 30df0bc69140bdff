package tempered.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import tempered.math.SoftmaxSummary;
import tempered.math.TokenProbability;
import tempered.model.Decoder;
import tempered.model.LanguageModel;
import tempered.sampling.SamplerChain;
import tempered.text.Tokenizer;

/**
 * Writes text with a language model: the prompt's tokens go in once, then one token at a time is chosen by a
 * sampler chain and fed back through the model's {@link Decoder} (GPT-2's KV cache), until one of the model's
 * stop tokens ({@link LanguageModel#stopTokens}: GPT-2's end of text, a chat model's end of turn), a line break
 * (when asked), the token limit or the end of the context.
 *
 * <p>Several samples of one prompt run as one batch: sample {@code i} draws with the chain's seed plus
 * {@code i}, so sample 0 is what a single generation with that seed gives. Every call runs on fresh copies
 * of the chain (its generators started over, mirostat's mu at its start), so the same call gives the same text
 * and the chain passed in does not move; each sample's chain accepts each token it keeps. Repetition penalties
 * see the prompt and the sample so far, as in transformers. It leaves out beam search and stop strings.
 *
 * <pre>{@code
 * Generator generator = new Generator(gpt2);
 * generator.generate("The cat slept on the", SamplerChain.builder().temperature(0.5).random(42), GenerationSettings.of(20));
 * }</pre>
 */
public final class Generator {
    private final LanguageModel model;
    private final Tokenizer tokenizer;
    private final Set<Integer> stopTokens;

    public Generator(LanguageModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null; open GPT-2 with Models.open()");
        }
        this.model = model;
        this.tokenizer = model.tokenizer();
        this.stopTokens = model.stopTokens();
    }

    public Generation generate(String prompt, SamplerChain chain, GenerationSettings settings) {
        return generate(prompt, chain, settings, TokenListener.NONE);
    }

    /** Generates, telling {@code listener} about each token as soon as it is chosen. */
    public Generation generate(String prompt, SamplerChain chain, GenerationSettings settings, TokenListener listener) {
        if (prompt == null || prompt.isEmpty()) {
            throw new IllegalArgumentException("prompt must not be empty; give the model some text to continue");
        }
        if (chain == null || settings == null || listener == null) {
            throw new IllegalArgumentException("chain, settings and listener must not be null");
        }
        int[] promptIds = tokenizer.encode(prompt);
        int context = model.contextLength();
        if (promptIds.length >= context) {
            throw new IllegalArgumentException("the prompt is " + promptIds.length + " tokens; this model sees at most "
                    + context + ", so it must be shorter to leave room for new tokens");
        }
        int samples = settings.samples();
        SamplerChain[] chains = new SamplerChain[samples];
        long seed = chain.seed().orElse(0);
        for (int i = 0; i < samples; i++) {
            chains[i] = chain.withSeed(seed + i).fresh();
        }
        List<List<Step>> steps = new ArrayList<>();
        int[][] histories = new int[samples][];
        StopReason[] stops = new StopReason[samples];
        int[][] rows = new int[samples][];
        for (int i = 0; i < samples; i++) {
            steps.add(new ArrayList<>());
            histories[i] = promptIds.clone();
            rows[i] = promptIds;
        }

        try (Decoder cache = model.newDecoder(samples)) {
            float[][] logits = cache.append(rows);
            int running = samples;
            while (running > 0) {
                int[][] next = new int[samples][1];
                for (int i = 0; i < samples; i++) {
                    if (stops[i] != null) {
                        // A finished sample still takes a slot in the batch (any valid id will do); its outputs are
                        // ignored.
                        next[i][0] = histories[i][histories[i].length - 1];
                        continue;
                    }
                    Step step = choose(chains[i], logits[i], histories[i], settings);
                    // The chain's links with state (a generator, mirostat's mu) move on with the token kept.
                    chains[i].accept(step.id());
                    steps.get(i).add(step);
                    histories[i] = Arrays.copyOf(histories[i], histories[i].length + 1);
                    histories[i][histories[i].length - 1] = step.id();
                    next[i][0] = step.id();
                    listener.onToken(i, step);
                    stops[i] = stopReason(step, steps.get(i).size(), histories[i].length, settings, context);
                    if (stops[i] != null) {
                        running--;
                    }
                }
                if (running > 0) {
                    logits = cache.append(next);
                }
            }
        }

        List<Sample> result = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int[] generated = Arrays.copyOfRange(histories[i], promptIds.length, histories[i].length);
            int textLength = stops[i] == StopReason.END_OF_TEXT ? generated.length - 1 : generated.length;
            String text = tokenizer.decode(Arrays.copyOf(generated, textLength));
            result.add(new Sample(generated, text, steps.get(i), stops[i]));
        }
        return new Generation(prompt, promptIds, chain.toString(), result);
    }

    /**
     * Draws the next token and records what the settings ask for: the chain's figures, and the raw model's only
     * when they are recorded, come from the chain's own passes over the logits.
     */
    private Step choose(SamplerChain chain, float[] logits, int[] history, GenerationSettings settings) {
        SamplerChain.Choice choice =
                chain.choose(logits, history, settings.alternatives(), settings.rawProbabilities());
        SoftmaxSummary raw = choice.raw().orElse(null);
        List<Alternative> top = new ArrayList<>(choice.top().size());
        for (TokenProbability candidate : choice.top()) {
            double rawProbability = raw == null ? Step.NOT_RECORDED : Math.exp(raw.logProb(logits[candidate.id()]));
            top.add(new Alternative(candidate.id(), tokenizer.token(candidate.id()), candidate.prob(), rawProbability));
        }
        int id = choice.id();
        return new Step(
                id,
                tokenizer.token(id),
                choice.probability(),
                raw == null ? Step.NOT_RECORDED : raw.logProb(logits[id]),
                choice.entropy(),
                raw == null ? Step.NOT_RECORDED : raw.entropy(),
                top);
    }

    private StopReason stopReason(Step step, int generated, int length, GenerationSettings settings, int context) {
        if (stopTokens.contains(step.id())) {
            return StopReason.END_OF_TEXT;
        }
        if (settings.stopAtNewline() && step.token().contains("\n")) {
            return StopReason.NEWLINE;
        }
        if (generated >= settings.maxNewTokens()) {
            return StopReason.MAX_NEW_TOKENS;
        }
        if (length >= context) {
            return StopReason.CONTEXT_FULL;
        }
        return null;
    }
}
