package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.generate.Repetition;
import tempered.math.Distribution;
import tempered.model.Gpt2Model;
import tempered.model.KvCache;
import tempered.model.ModelInfo;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.sampling.SamplerChain;
import tempered.text.Gpt2Tokenizer;

/**
 * The checks of the notebooks that run GPT-2 (07, 08 and 09), against a GPT-2-shaped model with random weights:
 * each exercise's solution, computed as the notebook's solution computes it, says right, and a plausible wrong
 * answer says not yet.
 */
class Gpt2NotebookExercisesTest {
    private static final String PROMPT = "The cat slept on the";
    private static Gpt2Model gpt2;
    private static float[] logits;

    @TempDir
    static Path folder;

    @BeforeAll
    static void open() {
        gpt2 = Gpt2Model.open(SyntheticGpt2.write(
                folder, SyntheticGpt2.Layout.MERGED, new SyntheticGpt2.Shape(2, 2, 8, 50257, 1024), 11));
        logits = gpt2.nextLogits(Gpt2Tokenizer.encode(PROMPT));
    }

    @AfterAll
    static void close() {
        gpt2.close();
    }

    @Test
    void nextWordPerplexityHundred() {
        double low = 0.01;
        double high = 100;
        for (int i = 0; i < 60; i++) {
            double middle = Math.sqrt(low * high);
            if (Distribution.of(logits, middle).perplexity() < 100) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double answer = Math.sqrt(low * high);
        Verdicts.right(NextWordExercises.perplexityHundred(answer, logits));
        // The model's own temperature, and an answer 1% off (more than the 0.001 a bisection easily reaches).
        Verdicts.notYet(NextWordExercises.perplexityHundred(1, logits));
        Verdicts.notYet(NextWordExercises.perplexityHundred(answer * 1.01, logits));
    }

    @Test
    void nextWordTokensForNinetyPercent() {
        int tokens = countFor(Distribution.of(logits, 0.72).probs());
        Verdicts.right(NextWordExercises.tokensForNinetyPercent(tokens, logits));
        long asLong = tokens;
        Verdicts.right(NextWordExercises.tokensForNinetyPercent(asLong, logits));
        // One token too many, the count the playground prints at T = 0.7, and the count at T = 1.
        Verdicts.notYet(NextWordExercises.tokensForNinetyPercent(tokens + 1, logits), "" + tokens);
        int atPlaygroundStop = countFor(Distribution.of(logits, 0.7).probs());
        assertNotEquals(tokens, atPlaygroundStop);
        Verdicts.notYet(NextWordExercises.tokensForNinetyPercent(atPlaygroundStop, logits), "" + tokens);
        int atOne = countFor(Distribution.of(logits, 1).probs());
        assertNotEquals(tokens, atOne);
        Verdicts.notYet(NextWordExercises.tokensForNinetyPercent(atOne, logits), "" + tokens);
    }

    private static int countFor(double[] probs) {
        double[] p = probs.clone();
        Arrays.sort(p);
        double mass = 0;
        int count = 0;
        while (mass < 0.9) {
            mass += p[p.length - 1 - count];
            count++;
        }
        return count;
    }

    @Test
    void nextWordCapitalOfFrance() {
        float[] france = gpt2.nextLogits(Gpt2Tokenizer.encode("The capital of France is"));
        int[] ranked = Distribution.of(france, 1).ranked();
        String token = Gpt2Tokenizer.token(ranked[0]);
        Verdicts.right(NextWordExercises.capitalOfFrance(token, gpt2));
        // The runner-up.
        Verdicts.notYet(NextWordExercises.capitalOfFrance(Gpt2Tokenizer.token(ranked[1]), gpt2), token);
        Verdicts.notYet(NextWordExercises.capitalOfFrance(null, gpt2), token);
    }

    @Test
    void wordByWordKvCacheBytes() {
        ModelInfo info = gpt2.info();
        long bytes = 4L * 100 * 2 * info.layers() * info.heads() * info.headSize() * Float.BYTES;
        Verdicts.right(WordByWordExercises.kvCacheBytes(bytes, gpt2));
        // One text instead of four, 99 positions, and the keys without the values.
        Verdicts.notYet(WordByWordExercises.kvCacheBytes(bytes / 4, gpt2), String.format("%,d", bytes));
        Verdicts.notYet(WordByWordExercises.kvCacheBytes(bytes / 100 * 99, gpt2), String.format("%,d", bytes));
        Verdicts.notYet(WordByWordExercises.kvCacheBytes(bytes / 2, gpt2), String.format("%,d", bytes));
        assertEquals(
                "not yet: the number of bytes is still Answer.NONE; replace the placeholder with your answer",
                WordByWordExercises.kvCacheBytes(Answer.NONE, gpt2));
    }

    @Test
    void wordByWordGreedyRepeatsWantsAPredictionAndJudgesTheCount() {
        Generation greedy = new Generator(gpt2)
                .generate(
                        "The best way to learn a language is",
                        SamplerChain.builder().greedy(),
                        GenerationSettings.of(60));
        int[] written = greedy.sample().tokenIds();
        long counted = Math.round(Repetition.repeatedShare(written, 3) * Math.max(0, written.length - 2));
        // The count written out by hand, so the test does not lean on Repetition alone.
        Set<List<Integer>> seen = new HashSet<>();
        long byHand = 0;
        for (int i = 0; i + 2 < written.length; i++) {
            if (!seen.add(List.of(written[i], written[i + 1], written[i + 2]))) {
                byHand++;
            }
        }
        assertEquals(byHand, counted);
        String right = WordByWordExercises.greedyRepeats(7, counted, gpt2);
        Verdicts.right(right);
        assertTrue(right.endsWith("(you predicted 7)"), right);
        // Any prediction will do; the count must be exact.
        Verdicts.right(WordByWordExercises.greedyRepeats(0, counted, gpt2));
        notYetWithout(WordByWordExercises.greedyRepeats(7, counted + 1, gpt2), counted);
        notYetWithout(WordByWordExercises.greedyRepeats(7, Answer.NONE, gpt2), counted);
        // No count is judged before a prediction is written down.
        String unpredicted = WordByWordExercises.greedyRepeats(Answer.NONE, counted, gpt2);
        notYetWithout(unpredicted, counted);
        assertTrue(unpredicted.contains("prediction"), unpredicted);
        notYetWithout(WordByWordExercises.greedyRepeats(-1, counted, gpt2), counted);
    }

    /** Not yet, and the expected count appears nowhere as a number (the "3" of "3-grams" aside). */
    private static void notYetWithout(String verdict, long expected) {
        Verdicts.notYet(verdict);
        assertTrue(
                !verdict.replace("3-grams", "").matches("(?s).*(?<![\\d,-])" + expected + "(?![\\d,]).*"),
                "the verdict gives the count " + expected + " away: " + verdict);
    }

    @Test
    void wordByWordThirdStepEntropyAtTemperatureSevenTenths() {
        Generation coolRun = new Generator(gpt2)
                .generate(PROMPT, SamplerChain.builder().temperature(0.5).random(42), GenerationSettings.of(20));
        int[] promptIds = Gpt2Tokenizer.encode(PROMPT);
        int[] written = coolRun.sample().tokenIds();
        int[] context = Arrays.copyOf(promptIds, promptIds.length + 2);
        context[promptIds.length] = written[0];
        context[promptIds.length + 1] = written[1];
        double entropy = 0;
        for (double pi : Distribution.of(gpt2.nextLogits(context), 0.7).probs()) {
            if (pi > 0) {
                entropy -= pi * Math.log(pi);
            }
        }
        Verdicts.right(WordByWordExercises.thirdStepEntropy(entropy, coolRun, gpt2));
        // Through a KV cache, as a learner may compute the logits: right as well.
        try (KvCache cache = gpt2.newCache(1)) {
            float[] cached = cache.append(context);
            Verdicts.right(WordByWordExercises.thirdStepEntropy(
                    Distribution.of(cached, 0.7).entropy(), coolRun, gpt2));
        }
        // The entropy the table prints (T = 0.5), the first and the second step at T = 0.7, and the answer in bits.
        Verdicts.notYet(WordByWordExercises.thirdStepEntropy(
                coolRun.sample().steps().get(2).entropy(), coolRun, gpt2));
        Verdicts.notYet(WordByWordExercises.thirdStepEntropy(
                Distribution.of(gpt2.nextLogits(promptIds), 0.7).entropy(), coolRun, gpt2));
        Verdicts.notYet(WordByWordExercises.thirdStepEntropy(
                Distribution.of(gpt2.nextLogits(Arrays.copyOf(context, context.length - 1)), 0.7)
                        .entropy(),
                coolRun,
                gpt2));
        Verdicts.notYet(WordByWordExercises.thirdStepEntropy(entropy / Math.log(2), coolRun, gpt2));
    }
}
