package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import tempered.math.Distribution;
import tempered.model.Gpt2Model;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.sampling.SamplerSettings;
import tempered.stats.BootstrapMean;
import tempered.text.Gpt2Tokenizer;
import tempered.text.HumanText;

/** Notebook 09's checks against a GPT-2-shaped model with random weights: each solution right, a wrong answer not. */
class CreativeOrTechnicalExercisesTest {
    private static Gpt2Model gpt2;

    @TempDir
    static Path folder;

    @BeforeAll
    static void open() {
        gpt2 = Gpt2Model.open(SyntheticGpt2.write(
                folder, SyntheticGpt2.Layout.MERGED, new SyntheticGpt2.Shape(2, 2, 8, 50257, 1024), 11));
    }

    @AfterAll
    static void close() {
        gpt2.close();
    }

    /** The human passage scored without the KV cache: every token from the model's logits over the whole prefix. */
    private static double humanByFullPasses() {
        String passage = HumanText.prideAndPrejudice();
        int split = passage.indexOf("\n\n");
        int[] opening = Gpt2Tokenizer.encode(passage.substring(0, split));
        int[] rest = Gpt2Tokenizer.encode(passage.substring(split));
        double sum = 0;
        for (int i = 0; i < CreativeOrTechnicalExercises.HUMAN_TOKENS; i++) {
            int[] prefix = Arrays.copyOf(opening, opening.length + i);
            System.arraycopy(rest, 0, prefix, opening.length, i);
            sum -= Distribution.of(gpt2.nextLogits(prefix), 1).logProb(rest[i]);
        }
        return sum / CreativeOrTechnicalExercises.HUMAN_TOKENS;
    }

    @Test
    void closestToHuman() {
        double human = humanByFullPasses();
        assertEquals(human, CreativeOrTechnicalExercises.humanSurprisal(gpt2), 1e-4);
        double[] temperatures = {0.2, 0.6, 1.0};
        BootstrapMean[] surprisal = {
            BootstrapMean.of(human - 2, human - 2.2),
            BootstrapMean.of(human + 0.3, human + 0.4),
            BootstrapMean.of(human + 1, human + 1.1)
        };
        Verdicts.right(CreativeOrTechnicalExercises.closestToHuman(0.6, temperatures, surprisal, gpt2));
        // The guess that human text is the likeliest, below every sampled temperature's.
        String wrong = CreativeOrTechnicalExercises.closestToHuman(0.2, temperatures, surprisal, gpt2);
        Verdicts.notYet(wrong, "0.6");
        assertFalse(wrong.contains("try again"), "a prediction is made once: " + wrong);
        String unmeasured = CreativeOrTechnicalExercises.closestToHuman(0.5, temperatures, surprisal, gpt2);
        Verdicts.notYet(unmeasured);
        assertTrue(unmeasured.contains("is not one of the measured temperatures"), unmeasured);
        Verdicts.notYet(CreativeOrTechnicalExercises.closestToHuman(Double.NaN, temperatures, surprisal, gpt2));
    }

    @Test
    void repeatedFourGrams() {
        Generation greedy = new Generator(gpt2)
                .generate(
                        "Once upon a time, in a distant galaxy, there was a spaceship called Voyager.",
                        SamplerSettings.of(0).withTopK(50).withSeed(1).temperatureFirst(),
                        GenerationSettings.of(100).withAlternatives(0));
        int[] ids = greedy.sample().tokenIds();
        Set<List<Integer>> seen = new HashSet<>();
        long repeats = 0;
        for (int i = 0; i + 3 < ids.length; i++) {
            if (!seen.add(List.of(ids[i], ids[i + 1], ids[i + 2], ids[i + 3]))) {
                repeats++;
            }
        }
        assertTrue(repeats > 0, "the stand-in's greedy text loops, so the answer is not 0 here");
        Verdicts.right(CreativeOrTechnicalExercises.repeatedFourGrams(repeats, greedy));
        // One too many, and 0, the answer a learner might type without counting.
        Verdicts.notYet(CreativeOrTechnicalExercises.repeatedFourGrams(repeats + 1, greedy));
        Verdicts.notYet(CreativeOrTechnicalExercises.repeatedFourGrams(0, greedy));
        Verdicts.notYet(CreativeOrTechnicalExercises.repeatedFourGrams(Answer.NONE, greedy));
    }
}
