package tempered.exercise;

import tempered.generate.Generation;
import tempered.model.Gpt2Model;
import tempered.model.KvCache;

/**
 * The checks of notebook 08's exercises, on writing word by word: the size of the KV cache, and the entropy of a
 * step the generator recorded. Each takes the learner's answer and the notebook's model or generation and returns
 * a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * // not run: needs GPT-2
 * WordByWordExercises.kvCacheBytes(bytes, gpt2);   // "right: the number of bytes is ..." or "not yet: ..."
 * }</pre>
 */
public final class WordByWordExercises {
    private WordByWordExercises() {}

    /**
     * Exercise 1: how many bytes the model's KV cache holds after 100 positions. The check asks a real cache
     * that has seen 100 positions, so the answer worked out from the sizes is compared with what the model keeps.
     */
    public static String kvCacheBytes(long bytes, Gpt2Model gpt2) {
        long expected;
        try (KvCache cache = Inputs.present(gpt2, "gpt2").newCache(1)) {
            cache.append(new int[100]);
            expected = cache.bytes();
        }
        return Check.count("the number of bytes", bytes, expected);
    }

    /**
     * Exercise 2: the entropy, in nats, of the distribution the first token of {@code run} was drawn from (the
     * chain's, as the generator recorded it). Right within 0.001.
     */
    public static String firstStepEntropy(double nats, Generation run) {
        double expected =
                Inputs.present(run, "the generation").sample().steps().get(0).entropy();
        return Check.near("the entropy", nats, expected, 1e-3);
    }
}
