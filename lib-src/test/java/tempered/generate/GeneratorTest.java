package tempered.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.model.Gpt2Model;
import tempered.model.LanguageModel;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.sampling.Greedy;
import tempered.sampling.LogitsProcessor;
import tempered.sampling.RandomPicker;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.sampling.TopK;
import tempered.text.Gpt2Tokenizer;
import tempered.text.Tokenizer;

class GeneratorTest {
    private static final String PROMPT = "The cat slept on the";
    private static final Map<SyntheticGpt2.Layout, Gpt2Model> MODELS = new EnumMap<>(SyntheticGpt2.Layout.class);

    @TempDir
    static Path folder;

    @BeforeAll
    static void build() {
        for (SyntheticGpt2.Layout layout : SyntheticGpt2.Layout.values()) {
            MODELS.put(layout, Gpt2Model.open(SyntheticGpt2.write(folder.resolve(layout.name()), layout)));
        }
    }

    @AfterAll
    static void close() {
        MODELS.values().forEach(Gpt2Model::close);
    }

    private static Generator generator() {
        return new Generator(MODELS.get(SyntheticGpt2.Layout.MERGED));
    }

    @Test
    void theSameSeedWritesTheSameTextAndAnotherSeedAnother() {
        SamplerChain chain = SamplerChain.builder().temperature(1.0).random(42);
        Generation first = generator().generate(PROMPT, chain, GenerationSettings.of(12));
        Generation again = generator().generate(PROMPT, chain, GenerationSettings.of(12));
        Generation other = generator().generate(PROMPT, chain.withSeed(43), GenerationSettings.of(12));
        assertArrayEquals(first.sample().tokenIds(), again.sample().tokenIds());
        assertFalse(Arrays.equals(first.sample().tokenIds(), other.sample().tokenIds()));
        assertEquals(12, first.sample().tokenIds().length);
        assertEquals(StopReason.MAX_NEW_TOKENS, first.sample().stop());
        assertEquals(
                Gpt2Tokenizer.decode(first.sample().tokenIds()), first.sample().text());
        assertEquals(PROMPT + first.sample().text(), first.text());
        assertArrayEquals(Gpt2Tokenizer.encode(PROMPT), first.promptIds());
        assertEquals("temperature(1) -> random(seed=42)", first.chain());
    }

    /** Greedy decoding through the cache must pick, at every step, the argmax of a full recomputation. */
    @Test
    void greedyStepsAreTheArgmaxOfTheRecomputedLogits() {
        Gpt2Model model = MODELS.get(SyntheticGpt2.Layout.MODEL);
        Generation generation = new Generator(model)
                .generate(PROMPT, SamplerSettings.of(0).temperatureFirst(), GenerationSettings.of(10));
        int[] sequence = generation.promptIds();
        for (Step step : generation.sample().steps()) {
            float[] logits = model.nextLogits(sequence);
            assertEquals(Logits.argmax(logits), step.id());
            assertEquals(1.0, step.probability());
            Distribution raw = Distribution.of(logits, 1.0);
            assertEquals(raw.logProb(step.id()), step.rawLogProbability(), 1e-4);
            assertEquals(raw.entropy(), step.rawEntropy(), 1e-4);
            assertEquals(0.0, step.entropy(), 1e-12);
            sequence = append(sequence, step.id());
        }
    }

    /**
     * With a temperature alone the raw figures come from the draw's own loop, not from a pass of their own; they
     * must still be the raw model's, recomputed from scratch.
     */
    @Test
    void aTemperatureAloneRecordsTheRawModelsFiguresFromTheDrawsPass() {
        Gpt2Model model = MODELS.get(SyntheticGpt2.Layout.MERGED);
        Generation generation = new Generator(model)
                .generate(
                        PROMPT,
                        SamplerChain.builder().temperature(1.7).random(11),
                        GenerationSettings.of(8).withAlternatives(3));
        int[] sequence = generation.promptIds();
        for (Step step : generation.sample().steps()) {
            float[] logits = model.nextLogits(sequence);
            Distribution raw = Distribution.of(logits, 1.0);
            Distribution chain = Distribution.of(logits, 1.7);
            assertEquals(raw.logProb(step.id()), step.rawLogProbability(), 1e-5);
            assertEquals(raw.entropy(), step.rawEntropy(), 1e-5);
            assertEquals(chain.entropy(), step.entropy(), 1e-5);
            for (Alternative alternative : step.alternatives()) {
                assertEquals(raw.prob(alternative.id()), alternative.rawProbability(), 1e-5);
            }
            sequence = append(sequence, step.id());
        }
    }

    /** What each step records is what the chain's distribution says, recomputed from scratch. */
    @Test
    void eachStepRecordsTheChainsProbabilityAndTheTopAlternatives() {
        Gpt2Model model = MODELS.get(SyntheticGpt2.Layout.MERGED);
        SamplerChain chain = SamplerChain.builder().topK(3).temperature(0.7).random(5);
        Generation generation = new Generator(model)
                .generate(PROMPT, chain, GenerationSettings.of(8).withAlternatives(4));
        int[] sequence = generation.promptIds();
        for (Step step : generation.sample().steps()) {
            float[] logits = model.nextLogits(sequence);
            Distribution expected = chain.distribution(logits, sequence);
            Distribution raw = Distribution.of(logits, 1.0);
            // The cached step's logits and the recomputed ones differ in float rounding (about 1e-6).
            assertEquals(expected.prob(step.id()), step.probability(), 1e-5);
            assertEquals(expected.entropy(), step.entropy(), 1e-5);
            assertEquals(raw.logProb(step.id()), step.rawLogProbability(), 1e-5);
            assertEquals(raw.entropy(), step.rawEntropy(), 1e-5);
            assertEquals(
                    3,
                    step.alternatives().size(),
                    "top-k(3) leaves three tokens possible; a fourth would have probability 0");
            for (int i = 0; i < 3; i++) {
                Alternative alternative = step.alternatives().get(i);
                assertEquals(expected.top(3).get(i).id(), alternative.id());
                assertEquals(expected.prob(alternative.id()), alternative.probability(), 1e-5);
                assertEquals(raw.prob(alternative.id()), alternative.rawProbability(), 1e-5);
                assertEquals(Gpt2Tokenizer.token(alternative.id()), alternative.token());
            }
            assertTrue(
                    step.alternatives().stream().anyMatch(a -> a.id() == step.id()),
                    "the chosen token is among the top 3");
            assertEquals(Gpt2Tokenizer.token(step.id()), step.token());
            sequence = append(sequence, step.id());
        }
    }

    /** What a caller does not ask for is not computed, and a step says so instead of inventing a number. */
    @Test
    void alternativesAndRawProbabilitiesAreLeftOutWhenNotAskedFor() {
        SamplerChain chain = SamplerChain.builder().temperature(0.9).random(11);
        GenerationSettings lean = GenerationSettings.of(6).withAlternatives(0).withRawProbabilities(false);
        Generation full =
                generator().generate(PROMPT, chain, GenerationSettings.of(6).withAlternatives(2));
        Generation leaner = generator().generate(PROMPT, chain, lean);
        assertArrayEquals(
                full.sample().tokenIds(), leaner.sample().tokenIds(), "what is recorded does not change the draws");
        Generation rawless = generator()
                .generate(
                        PROMPT,
                        chain,
                        GenerationSettings.of(6).withAlternatives(2).withRawProbabilities(false));
        for (int i = 0; i < 6; i++) {
            Step step = leaner.sample().steps().get(i);
            Step recorded = full.sample().steps().get(i);
            assertEquals(List.of(), step.alternatives());
            assertEquals(recorded.probability(), step.probability());
            assertEquals(recorded.entropy(), step.entropy());
            IllegalStateException e = assertThrows(IllegalStateException.class, step::rawLogProbability);
            assertEquals(
                    "this generation did not record the raw model's probabilities;"
                            + " generate with GenerationSettings.of(n).withRawProbabilities(true), the default",
                    e.getMessage());
            assertThrows(IllegalStateException.class, step::rawEntropy);
            assertThrows(IllegalStateException.class, step::surprisalBits);
            assertEquals(recorded.toString().replaceAll(" raw log p=[-0-9.]+", ""), step.toString());
            Alternative alternative =
                    rawless.sample().steps().get(i).alternatives().get(0);
            assertEquals(recorded.alternatives().get(0).probability(), alternative.probability());
            assertThrows(IllegalStateException.class, alternative::rawProbability);
        }
        assertThrows(IllegalStateException.class, leaner.sample()::meanSurprisalBits);
    }

    /** A batch of samples is the same as generating each sample alone with seed + i. */
    @Test
    void batchedSamplesEqualSingleGenerationsWithConsecutiveSeeds() {
        SamplerChain chain =
                SamplerSettings.of(1.2).withTopP(0.95).withSeed(100).temperatureFirst();
        Generation batch =
                generator().generate(PROMPT, chain, GenerationSettings.of(10).withSamples(4));
        assertEquals(4, batch.samples().size());
        for (int i = 0; i < 4; i++) {
            Generation alone = generator().generate(PROMPT, chain.withSeed(100 + i), GenerationSettings.of(10));
            assertArrayEquals(alone.sample().tokenIds(), batch.samples().get(i).tokenIds(), "sample " + i);
        }
        assertNotEquals(batch.samples().get(0).text(), batch.samples().get(1).text());
    }

    /**
     * The same with links that keep state (XTC's generator, mirostat's mu): each sample gets fresh copies seeded
     * with seed + i, accepts its own tokens, and equals a single run with that seed; the chain passed in never moves.
     */
    @Test
    void batchedSamplesWithStatefulSamplersEqualSingleGenerations() {
        SamplerChain chain = SamplerSettings.of(1.3)
                .withXtc(0.5, 0.05)
                .withMirostatV2(3, 0.5)
                .withSeed(100)
                .temperatureFirst();
        Generation batch =
                generator().generate(PROMPT, chain, GenerationSettings.of(10).withSamples(4));
        for (int i = 0; i < 4; i++) {
            Generation alone = generator().generate(PROMPT, chain.withSeed(100 + i), GenerationSettings.of(10));
            assertArrayEquals(alone.sample().tokenIds(), batch.samples().get(i).tokenIds(), "sample " + i);
        }
        assertArrayEquals(
                batch.sample().tokenIds(),
                generator()
                        .generate(PROMPT, chain, GenerationSettings.of(10))
                        .sample()
                        .tokenIds(),
                "the chain passed in did not move");
        assertEquals(3.0 * 2, ((tempered.sampling.MirostatV2) chain.picker()).mu(), "its mu is still 2 tau");
        assertNotEquals(batch.samples().get(0).text(), batch.samples().get(1).text());
    }

    /**
     * Generation accepts each kept token: mirostat's cut moves with it, so each step's recorded probability is the
     * one a replay of the chain gives after accepting the same tokens (and not the one at the starting mu).
     */
    @Test
    void eachKeptTokenIsAcceptedSoMirostatsCutMoves() {
        Gpt2Model model = MODELS.get(SyntheticGpt2.Layout.MERGED);
        SamplerChain chain = new SamplerChain(List.of(), new tempered.sampling.MirostatV2(1, 1, 3));
        Generation generation = new Generator(model).generate(PROMPT, chain, GenerationSettings.of(8));
        SamplerChain replay = chain.fresh();
        SamplerChain neverAccepting = chain.fresh();
        int[] sequence = generation.promptIds();
        int differs = 0;
        for (Step step : generation.sample().steps()) {
            float[] logits = model.nextLogits(sequence);
            assertEquals(replay.distribution(logits, sequence).prob(step.id()), step.probability(), 1e-5);
            double atStart = neverAccepting.distribution(logits, sequence).prob(step.id());
            differs += Math.abs(atStart - step.probability()) > 1e-4 ? 1 : 0;
            // The replay draws (its own token, whatever it is) and then accepts the one the generation kept.
            replay.choose(logits, sequence, 0, false);
            replay.accept(step.id());
            sequence = append(sequence, step.id());
        }
        assertTrue(differs > 0, "mu moved, so some step's cut differs from the cut at the start");
    }

    @Test
    void everyExportStyleWritesTheSameText() {
        SamplerChain chain = SamplerChain.builder().temperature(0.8).random(7);
        int[] reference = new Generator(MODELS.get(SyntheticGpt2.Layout.MODEL))
                .generate(PROMPT, chain, GenerationSettings.of(15))
                .sample()
                .tokenIds();
        for (SyntheticGpt2.Layout layout : SyntheticGpt2.Layout.values()) {
            int[] ids = new Generator(MODELS.get(layout))
                    .generate(PROMPT, chain, GenerationSettings.of(15))
                    .sample()
                    .tokenIds();
            assertArrayEquals(reference, ids, layout.name());
        }
    }

    @Test
    void stopsAtEndOfTextWithoutPuttingItInTheText() {
        SamplerChain onlyEnd = new SamplerChain(List.of(only(Gpt2Tokenizer.END_OF_TEXT)), new RandomPicker(1));
        Sample sample =
                generator().generate(PROMPT, onlyEnd, GenerationSettings.of(10)).sample();
        assertEquals(StopReason.END_OF_TEXT, sample.stop());
        assertArrayEquals(new int[] {Gpt2Tokenizer.END_OF_TEXT}, sample.tokenIds());
        assertEquals("", sample.text());
    }

    @Test
    void stopsAfterALineBreakOnlyWhenAsked() {
        int newline = Gpt2Tokenizer.encode("\n")[0];
        SamplerChain onlyNewline = new SamplerChain(List.of(only(newline)), new Greedy());
        Sample stopped = generator()
                .generate(PROMPT, onlyNewline, GenerationSettings.of(5).withStopAtNewline(true))
                .sample();
        assertEquals(StopReason.NEWLINE, stopped.stop());
        assertEquals("\n", stopped.text());
        Sample kept = generator()
                .generate(PROMPT, onlyNewline, GenerationSettings.of(5))
                .sample();
        assertEquals(StopReason.MAX_NEW_TOKENS, kept.stop());
        assertEquals("\n\n\n\n\n", kept.text());
    }

    @Test
    void stopsWhenTheContextIsFull() {
        int[] sixty = new int[60];
        Arrays.fill(sixty, 262);
        String prompt = Gpt2Tokenizer.decode(sixty);
        assertEquals(60, Gpt2Tokenizer.encode(prompt).length);
        Sample sample = generator()
                .generate(prompt, SamplerChain.builder().random(3), GenerationSettings.of(20))
                .sample();
        assertEquals(StopReason.CONTEXT_FULL, sample.stop());
        assertEquals(4, sample.tokenIds().length);
    }

    /**
     * A sample that ends keeps its slot in the batch while the others go on: a processor ends a sample at its
     * fourth token when its third was even, so some samples of the batch end early and some run to the limit,
     * and each must still be what it would be alone.
     */
    @Test
    void finishedSamplesStopWhileOthersGoOn() {
        int promptLength = Gpt2Tokenizer.encode(PROMPT).length;
        LogitsProcessor endAfterAnEvenThird =
                (logits, history) -> history.length == promptLength + 3 && history[history.length - 1] % 2 == 0
                        ? onlyLogits(logits.length, Gpt2Tokenizer.END_OF_TEXT)
                        : logits;
        SamplerChain chain = new SamplerChain(List.of(new TopK(50), endAfterAnEvenThird), new RandomPicker(0));
        Generation generation =
                generator().generate(PROMPT, chain, GenerationSettings.of(6).withSamples(6));
        int ended = 0;
        for (int i = 0; i < 6; i++) {
            Sample sample = generation.samples().get(i);
            int[] ids = sample.tokenIds();
            if (ids[2] % 2 == 0) {
                ended++;
                assertEquals(StopReason.END_OF_TEXT, sample.stop(), "sample " + i);
                assertEquals(4, ids.length);
                assertEquals(Gpt2Tokenizer.END_OF_TEXT, ids[3]);
            } else {
                assertEquals(StopReason.MAX_NEW_TOKENS, sample.stop(), "sample " + i);
                assertEquals(6, ids.length);
            }
            Generation alone = generator().generate(PROMPT, chain.withSeed(i), GenerationSettings.of(6));
            assertArrayEquals(alone.sample().tokenIds(), ids, "sample " + i + " is what it would be alone");
        }
        assertTrue(ended > 0 && ended < 6, ended + " of 6 samples ended early; the seeds must give some of each");
        List<int[]> heard = new ArrayList<>();
        generator()
                .generate(
                        PROMPT,
                        chain,
                        GenerationSettings.of(6).withSamples(6),
                        (sample, step) -> heard.add(new int[] {sample, step.id()}));
        for (int i = 0; i < 6; i++) {
            int sample = i;
            int[] streamed = heard.stream()
                    .filter(h -> h[0] == sample)
                    .mapToInt(h -> h[1])
                    .toArray();
            assertArrayEquals(
                    generation.samples().get(i).tokenIds(),
                    streamed,
                    "the listener hears every token of sample " + i + " in order");
        }
    }

    /**
     * Any language model writes through the same generator, with its own tokenizer and without a cache: a
     * three-word model in which " three" is always followed by the end of the text.
     */
    @Test
    void aTinyModelWithItsOwnTokenizerGeneratesAndEnds() {
        LanguageModel counting = new CountingWords();
        Generator generator = new Generator(counting);
        SamplerChain chain = SamplerChain.builder().random(7);
        Generation batch = generator.generate(
                "one two", chain, GenerationSettings.of(8).withSamples(5).withAlternatives(3));
        assertArrayEquals(new int[] {1, 2}, batch.promptIds());
        int ended = 0;
        for (int i = 0; i < 5; i++) {
            Sample sample = batch.samples().get(i);
            int[] ids = sample.tokenIds();
            int firstThree = Arrays.stream(ids).boxed().toList().indexOf(3);
            if (sample.stop() == StopReason.END_OF_TEXT) {
                ended++;
                assertEquals(ids.length - 2, firstThree, "sample " + i + " ends right after its first \" three\"");
                assertEquals(0, ids[ids.length - 1]);
                assertEquals(counting.tokenizer().decode(Arrays.copyOf(ids, ids.length - 1)), sample.text());
                Step end = sample.steps().get(ids.length - 1);
                assertEquals(1.0, end.probability(), 1e-12);
                assertEquals(0.0, end.rawEntropy(), 1e-12);
            } else {
                assertEquals(StopReason.MAX_NEW_TOKENS, sample.stop());
                assertEquals(8, ids.length);
                assertTrue(
                        firstThree == -1 || firstThree == 7, "a \" three\" is followed by the end unless it came last");
            }
            assertArrayEquals(
                    generator
                            .generate("one two", chain.withSeed(7 + i), GenerationSettings.of(8))
                            .sample()
                            .tokenIds(),
                    ids);
            Step first = sample.steps().get(0);
            assertEquals(
                    List.of(" one", " two", " three"),
                    first.alternatives().stream().map(Alternative::token).toList());
            double one = 1 / (2 + Math.exp(-1));
            double three = Math.exp(-1) / (2 + Math.exp(-1));
            assertEquals(one, first.alternatives().get(0).rawProbability(), 1e-12);
            assertEquals(three, first.alternatives().get(2).probability(), 1e-12);
            assertEquals(-(2 * one * Math.log(one) + three * Math.log(three)), first.rawEntropy(), 1e-12);
            assertEquals(
                    first.rawEntropy(), first.entropy(), 1e-12, "a chain with no processor draws from the raw model");
        }
        assertTrue(ended > 0 && ended < 5, ended + " of 5 samples ended; the seed must give some of each");
        assertEquals("one two" + batch.sample().text(), batch.text());
    }

    /**
     * Three words and an end: " one" and " two" are equally likely, " three" e times less, and after " three"
     * only the end of the text can follow.
     */
    private static final class CountingWords implements LanguageModel {
        private static final List<String> WORDS = List.of("<end>", " one", " two", " three");

        @Override
        public float[] nextLogits(int... tokens) {
            if (tokens[tokens.length - 1] == 3) {
                return new float[] {0, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
            }
            return new float[] {Float.NEGATIVE_INFINITY, 0, 0, -1};
        }

        @Override
        public int contextLength() {
            return 32;
        }

        @Override
        public Tokenizer tokenizer() {
            return new Tokenizer() {
                @Override
                public int[] encode(String text) {
                    return Arrays.stream((" " + text).split("(?= )"))
                            .filter(w -> !w.isEmpty())
                            .mapToInt(WORDS::indexOf)
                            .toArray();
                }

                @Override
                public String decode(int... ids) {
                    return Arrays.stream(ids).mapToObj(WORDS::get).collect(Collectors.joining());
                }

                @Override
                public String token(int id) {
                    return WORDS.get(id);
                }

                @Override
                public OptionalInt endOfText() {
                    return OptionalInt.of(0);
                }
            };
        }
    }

    @Test
    void badRequestsAreRefusedWithMessagesThatTeach() {
        SamplerChain chain = SamplerChain.builder().random(1);
        assertEquals(
                "prompt must not be empty; give the model some text to continue",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> generator().generate("", chain, GenerationSettings.of(3)))
                        .getMessage());
        assertEquals(
                "max new tokens=0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> GenerationSettings.of(0))
                        .getMessage());
        assertEquals(
                "samples=0 must be from 1 to 256; run several generations for more",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> GenerationSettings.of(3).withSamples(0))
                        .getMessage());
        String tooLong = " the".repeat(64);
        assertEquals(
                "the prompt is 64 tokens; this model sees at most 64, so it must be shorter to leave room for new tokens",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> generator().generate(tooLong, chain, GenerationSettings.of(3)))
                        .getMessage());
    }

    /** A processor that leaves only one token possible. */
    private static LogitsProcessor only(int id) {
        return (logits, history) -> onlyLogits(logits.length, id);
    }

    private static double[] onlyLogits(int size, int id) {
        double[] masked = new double[size];
        Arrays.fill(masked, Double.NEGATIVE_INFINITY);
        masked[id] = 0;
        return masked;
    }

    private static int[] append(int[] sequence, int id) {
        int[] longer = Arrays.copyOf(sequence, sequence.length + 1);
        longer[sequence.length] = id;
        return longer;
    }
}
