package tempered.ngram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.generate.Repetition;
import tempered.math.Distribution;
import tempered.sampling.SamplerSettings;

class NGramModelTest {
    /** a b a c a b: "a" is followed by b twice and c once; b by a once; c by a once. */
    private static final NGramModel BIGRAM = NGramModel.train("a b a c a b", 2, 0.1);

    @ParameterizedTest(name = "p({1} | {0}) = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // context | word | probability, by hand: 0.9 * (count after the context) + 0.1 * (0.9 * count / 6 + 0.1
                // / 3)
                "a         | b    | 0.6333333333333333", // 0.9 * 2/3 + 0.1 * (0.9 * 2/6 + 0.1/3)
                "a         | c    | 0.3183333333333333", // 0.9 * 1/3 + 0.1 * (0.9 * 1/6 + 0.1/3)
                "a         | a    | 0.0483333333333333", // never after a: 0.1 * (0.9 * 3/6 + 0.1/3)
                "b         | a    | 0.9483333333333333", // 0.9 * 1/1 + 0.1 * (0.9 * 3/6 + 0.1/3)
                "''        | a    | 0.4833333333333333", // no context: 0.9 * 3/6 + 0.1/3
            })
    void blendsEachContextWithTheShorterOnesByHand(String context, String word, double probability) {
        int[] tokens = BIGRAM.tokenizer().encode(context);
        int id = BIGRAM.tokenizer().encode(word)[0];
        assertEquals(probability, BIGRAM.probabilities(tokens)[id], 1e-12);
        assertEquals(Math.log(probability), BIGRAM.nextLogits(tokens)[id], 1e-6);
    }

    @Test
    void aContextTheTextNeverHadPassesEverythingDown() {
        NGramModel trigram = NGramModel.train("a b a c a b", 3, 0.1);
        // "c b" never occurred: only the counts after "b" and the word counts remain.
        int[] unseen = trigram.tokenizer().encode("c b");
        assertArrayEquals(trigram.probabilities(trigram.tokenizer().encode("b")), trigram.probabilities(unseen), 1e-15);
        assertEquals(Map.of(), trigram.followers(unseen));
        assertEquals(Map.of("c", 1), trigram.followers(trigram.tokenizer().encode("b a")));
        assertEquals(
                Map.of("b", 2, "c", 1),
                BIGRAM.followers(BIGRAM.tokenizer().encode("b a")),
                "a bigram model reads the last word only");
    }

    @Test
    void everyWordHasSomeProbabilityAndTheySumToOne() {
        NGramModel model = NGramModel.train(TemperatureNotes.text(), 3, 0.1);
        int[] context = model.tokenizer().encode("the temperature");
        double[] probs = model.probabilities(context);
        assertEquals(1.0, java.util.Arrays.stream(probs).sum(), 1e-12);
        assertTrue(java.util.Arrays.stream(probs).allMatch(p -> p > 0));
        // At T = 1 the softmax of the logits gives the probabilities back (to float precision).
        assertArrayEquals(probs, Distribution.of(model.nextLogits(context), 1.0).probs(), 1e-6);
    }

    @Test
    void noveltyIsTheShareOfNGramsTheTrainingTextNeverHad() {
        int[] text = BIGRAM.tokenizer().encode("a b a c a b");
        assertEquals(0.0, BIGRAM.novelty(text, 3));
        // Triples a c b, c b c, b c a: none is in the text. Pairs a c, c b, b c, c a: c b and b c are new.
        assertEquals(1.0, BIGRAM.novelty(BIGRAM.tokenizer().encode("a c b c a"), 3));
        assertEquals(0.5, BIGRAM.novelty(BIGRAM.tokenizer().encode("a c b c a"), 2));
        assertEquals(0.0, BIGRAM.novelty(BIGRAM.tokenizer().encode("a b"), 3), "no triple at all");
    }

    /**
     * The behaviour notebook 06 shows, on the notes it trains on: greedy decoding loops, and a high temperature
     * writes word triples the notes never had, while a cool one recites them.
     */
    @Test
    void aCoolModelRecitesAndLoopsAndAHotOneWritesNewOrders() {
        NGramModel model = NGramModel.train(TemperatureNotes.text(), 3, 0.1);
        Generator generator = new Generator(model);
        int[] greedy = generator
                .generate("The temperature", SamplerSettings.of(0).temperatureFirst(), GenerationSettings.of(100))
                .sample()
                .tokenIds();
        assertTrue(Repetition.repeatedShare(greedy, 3) > 0.5, "greedy decoding closes into a loop");
        assertEquals(0.0, model.novelty(greedy, 3), "and recites");
        double coolNovelty = 0;
        double hotNovelty = 0;
        double coolRepeats = 0;
        double hotRepeats = 0;
        for (int seed = 0; seed < 10; seed++) {
            int[] cool = generate(generator, 0.3, seed);
            int[] hot = generate(generator, 3, seed);
            coolNovelty += model.novelty(cool, 3) / 10;
            hotNovelty += model.novelty(hot, 3) / 10;
            coolRepeats += Repetition.repeatedShare(cool, 3) / 10;
            hotRepeats += Repetition.repeatedShare(hot, 3) / 10;
        }
        assertTrue(
                coolNovelty < 0.05 && hotNovelty > 0.9,
                "novelty " + coolNovelty + " at T = 0.3, " + hotNovelty + " at T = 3");
        assertTrue(coolRepeats > hotRepeats, "repeats " + coolRepeats + " at T = 0.3, " + hotRepeats + " at T = 3");
    }

    private static int[] generate(Generator generator, double temperature, long seed) {
        Generation g = generator.generate(
                "The temperature",
                SamplerSettings.of(temperature).withSeed(seed).temperatureFirst(),
                GenerationSettings.of(100));
        assertEquals(
                " The temperature" + g.sample().text(), " " + g.text(), "a continuation joins its prompt with a space");
        return g.sample().tokenIds();
    }

    @Test
    void theSameSeedWritesTheSameText() {
        NGramModel model = NGramModel.train(TemperatureNotes.text(), 3, 0.1);
        Generator generator = new Generator(model);
        assertArrayEquals(generate(generator, 1, 7), generate(generator, 1, 7));
    }

    @Test
    void refusesBadSettingsWithTheReason() {
        assertEquals(
                "order=0 must be from 1 to 6 (3 is a trigram model: two words of context)",
                assertThrows(IllegalArgumentException.class, () -> NGramModel.train("a b", 0, 0.1))
                        .getMessage());
        assertEquals(
                "fallback=1.0 must be in (0, 1); 0.1 passes a tenth of each context's probability down to the shorter context",
                assertThrows(IllegalArgumentException.class, () -> NGramModel.train("a b", 2, 1.0))
                        .getMessage());
        assertEquals(
                "n=0 must be at least 1 (3 compares word triples)",
                assertThrows(IllegalArgumentException.class, () -> BIGRAM.novelty(new int[] {0}, 0))
                        .getMessage());
        assertEquals(
                "token id 9 is outside the vocabulary 0..2",
                assertThrows(IllegalArgumentException.class, () -> BIGRAM.nextLogits(9))
                        .getMessage());
    }
}
