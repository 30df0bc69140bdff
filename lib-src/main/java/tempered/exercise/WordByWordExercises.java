package tempered.exercise;

import java.util.Arrays;
import java.util.Locale;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.generate.Repetition;
import tempered.math.Distribution;
import tempered.model.Gpt2Model;
import tempered.model.KvCache;
import tempered.model.LanguageModel;
import tempered.sampling.SamplerChain;

/**
 * The checks of notebook 08's exercises, on writing word by word: greedy decoding's repeats after another prompt
 * (predicted, then counted), the entropy of one step's distribution at another temperature, and the size of the
 * KV cache. Each takes the learner's answer and the notebook's model or generation and returns a verdict that
 * does not contain the expected value.
 *
 * <pre>{@code
 * // not run: needs GPT-2
 * WordByWordExercises.kvCacheBytes(bytes, gpt2);   // "right: the number of bytes is ..." or "not yet: ..."
 * }</pre>
 */
public final class WordByWordExercises {
    /** The prompt of exercise 1, which the notebook's cells never run, so no figure of it is printed before. */
    static final String GREEDY_PROMPT = "The best way to learn a language is";

    private WordByWordExercises() {}

    /**
     * Exercise 1: greedy decoding after {@value #GREEDY_PROMPT}, up to 60 tokens with no stop at a line break: how
     * many of its 3-grams repeat an earlier one. The learner writes a prediction before running anything and the
     * count after; the check wants both, and judges the count. A prediction is never judged: any guess written
     * down first is the point.
     */
    public static String greedyRepeats(long predicted, long counted, LanguageModel gpt2) {
        Generation greedy = new Generator(Inputs.present(gpt2, "gpt2"))
                .generate(GREEDY_PROMPT, SamplerChain.builder().greedy(), GenerationSettings.of(60));
        int[] tokens = greedy.sample().tokenIds();
        long expected = Math.round(Repetition.repeatedShare(tokens, 3) * Math.max(0, tokens.length - 2));
        if (predicted == Answer.NONE) {
            return "not yet: the prediction is still Answer.NONE; write down how many repeated 3-grams you expect"
                    + " before you run anything";
        }
        if (predicted < 0) {
            return Check.notYet("the prediction cannot be " + predicted + ": a count is never negative");
        }
        String verdict = Check.count("the number of repeated 3-grams", counted, expected);
        return verdict.startsWith("right: ")
                ? verdict + String.format(Locale.ROOT, " (you predicted %,d)", predicted)
                : verdict;
    }

    /**
     * Exercise 2: the entropy, in nats, at T = 0.7 of the distribution the third token of {@code coolRun} was
     * drawn from: the model's logits after the prompt and the first two tokens written. Right within 0.0001, which
     * logits from a KV cache meet as well as recomputed ones.
     */
    public static String thirdStepEntropy(double nats, Generation coolRun, LanguageModel gpt2) {
        Generation run = Inputs.present(coolRun, "coolRun");
        int[] prompt = run.promptIds();
        int[] written = run.sample().tokenIds();
        if (written.length < 3) {
            throw new IllegalArgumentException("the T = 0.5 text has " + written.length
                    + " tokens, so it has no third step; run the notebook's cells from the top with its prompt");
        }
        int[] context = Arrays.copyOf(prompt, prompt.length + 2);
        context[prompt.length] = written[0];
        context[prompt.length + 1] = written[1];
        double expected = Distribution.of(Inputs.present(gpt2, "gpt2").nextLogits(context), 0.7)
                .entropy();
        return Check.near("the entropy", nats, expected, 1e-4);
    }

    /**
     * Exercise 3: how many bytes the model's KV cache holds for a batch of four texts, 100 positions each. The
     * check asks a real cache of four sequences that has seen 100 positions, so the answer worked out from the
     * sizes is compared with what the model keeps.
     */
    public static String kvCacheBytes(long bytes, Gpt2Model gpt2) {
        long expected;
        try (KvCache cache = Inputs.present(gpt2, "gpt2").newCache(4)) {
            cache.append(new int[4][100]);
            expected = cache.bytes();
        }
        return Check.count("the number of bytes", bytes, expected);
    }
}
