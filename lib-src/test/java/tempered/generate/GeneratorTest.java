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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.model.Gpt2Model;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Gpt2Tokenizer;

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
        assertEquals(Gpt2Tokenizer.decode(first.sample().tokenIds()), first.sample().text());
        assertEquals(PROMPT + first.sample().text(), first.text());
        assertArrayEquals(Gpt2Tokenizer.encode(PROMPT), first.promptIds());
        assertEquals("temperature(1) -> random(seed=42)", first.chain());
    }

    /** Greedy decoding through the cache must pick, at every step, the argmax of a full recomputation. */
    @Test
    void greedyStepsAreTheArgmaxOfTheRecomputedLogits() {
        Gpt2Model model = MODELS.get(SyntheticGpt2.Layout.MODEL);
        Generation generation = new Generator(model).generate(PROMPT, SamplerSettings.of(0).temperatureFirst(), GenerationSettings.of(10));
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

    /** What each step records is what the chain's distribution says, recomputed from scratch. */
    @Test
    void eachStepRecordsTheChainsProbabilityAndTheTopAlternatives() {
        Gpt2Model model = MODELS.get(SyntheticGpt2.Layout.MERGED);
        SamplerChain chain = SamplerChain.builder().topK(3).temperature(0.7).random(5);
        Generation generation = new Generator(model).generate(PROMPT, chain, GenerationSettings.of(8).withAlternatives(4));
        int[] sequence = generation.promptIds();
        for (Step step : generation.sample().steps()) {
            Distribution expected = chain.distribution(model.nextLogits(sequence), sequence);
            assertEquals(expected.prob(step.id()), step.probability(), 1e-4);
            assertEquals(expected.entropy(), step.entropy(), 1e-4);
            assertEquals(4, step.alternatives().size());
            assertEquals(expected.argmax(), step.alternatives().get(0).id());
            assertTrue(step.alternatives().stream().anyMatch(a -> a.id() == step.id()), "the chosen token is among the top 3");
            assertEquals(0.0, step.alternatives().get(3).probability(), "top-k(3) leaves nothing for a fourth token");
            assertTrue(step.alternatives().get(3).rawProbability() > 0);
            assertEquals(Gpt2Tokenizer.token(step.id()), step.token());
            sequence = append(sequence, step.id());
        }
    }

    /** A batch of samples is the same as generating each sample alone with seed + i. */
    @Test
    void batchedSamplesEqualSingleGenerationsWithConsecutiveSeeds() {
        SamplerChain chain = SamplerSettings.of(1.2).withTopP(0.95).withSeed(100).temperatureFirst();
        Generation batch = generator().generate(PROMPT, chain, GenerationSettings.of(10).withSamples(4));
        assertEquals(4, batch.samples().size());
        for (int i = 0; i < 4; i++) {
            Generation alone = generator().generate(PROMPT, chain.withSeed(100 + i), GenerationSettings.of(10));
            assertArrayEquals(alone.sample().tokenIds(), batch.samples().get(i).tokenIds(), "sample " + i);
        }
        assertNotEquals(batch.samples().get(0).text(), batch.samples().get(1).text());
    }

    @Test
    void everyExportStyleWritesTheSameText() {
        SamplerChain chain = SamplerChain.builder().temperature(0.8).random(7);
        int[] reference = new Generator(MODELS.get(SyntheticGpt2.Layout.MODEL)).generate(PROMPT, chain, GenerationSettings.of(15)).sample().tokenIds();
        for (SyntheticGpt2.Layout layout : SyntheticGpt2.Layout.values()) {
            int[] ids = new Generator(MODELS.get(layout)).generate(PROMPT, chain, GenerationSettings.of(15)).sample().tokenIds();
            assertArrayEquals(reference, ids, layout.name());
        }
    }

    @Test
    void stopsAtEndOfTextWithoutPuttingItInTheText() {
        SamplerChain onlyEnd = new SamplerChain(List.of(only(Gpt2Tokenizer.END_OF_TEXT)), new tempered.sampling.RandomPicker(1));
        Sample sample = generator().generate(PROMPT, onlyEnd, GenerationSettings.of(10)).sample();
        assertEquals(StopReason.END_OF_TEXT, sample.stop());
        assertArrayEquals(new int[] {Gpt2Tokenizer.END_OF_TEXT}, sample.tokenIds());
        assertEquals("", sample.text());
    }

    @Test
    void stopsAfterALineBreakOnlyWhenAsked() {
        int newline = Gpt2Tokenizer.encode("\n")[0];
        SamplerChain onlyNewline = new SamplerChain(List.of(only(newline)), new tempered.sampling.Greedy());
        Sample stopped = generator().generate(PROMPT, onlyNewline, GenerationSettings.of(5).withStopAtNewline(true)).sample();
        assertEquals(StopReason.NEWLINE, stopped.stop());
        assertEquals("\n", stopped.text());
        Sample kept = generator().generate(PROMPT, onlyNewline, GenerationSettings.of(5)).sample();
        assertEquals(StopReason.MAX_NEW_TOKENS, kept.stop());
        assertEquals("\n\n\n\n\n", kept.text());
    }

    @Test
    void stopsWhenTheContextIsFull() {
        int[] sixty = new int[60];
        Arrays.fill(sixty, 262);
        String prompt = Gpt2Tokenizer.decode(sixty);
        assertEquals(60, Gpt2Tokenizer.encode(prompt).length);
        Sample sample = generator().generate(prompt, SamplerChain.builder().random(3), GenerationSettings.of(20)).sample();
        assertEquals(StopReason.CONTEXT_FULL, sample.stop());
        assertEquals(4, sample.tokenIds().length);
    }

    @Test
    void finishedSamplesStopWhileOthersGoOn() {
        // Sample 0 is forced to end at once; the batch's other sample must still get all its tokens.
        SamplerChain chain = SamplerChain.builder().temperature(1.0).random(0);
        Generation generation = generator().generate(PROMPT, chain, GenerationSettings.of(6).withSamples(3));
        for (Sample sample : generation.samples()) {
            assertTrue(sample.tokenIds().length <= 6);
        }
        List<int[]> heard = new ArrayList<>();
        generator().generate(PROMPT, chain, GenerationSettings.of(6).withSamples(3), (sample, step) -> heard.add(new int[] {sample, step.id()}));
        for (int i = 0; i < 3; i++) {
            int sample = i;
            int[] streamed = heard.stream().filter(h -> h[0] == sample).mapToInt(h -> h[1]).toArray();
            assertArrayEquals(generation.samples().get(i).tokenIds(), streamed, "the listener hears every token of sample " + i + " in order");
        }
    }

    @Test
    void badRequestsAreRefusedWithMessagesThatTeach() {
        SamplerChain chain = SamplerChain.builder().random(1);
        assertEquals("prompt must not be empty; give the model some text to continue",
                assertThrows(IllegalArgumentException.class, () -> generator().generate("", chain, GenerationSettings.of(3))).getMessage());
        assertEquals("max new tokens=0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> GenerationSettings.of(0)).getMessage());
        assertEquals("samples=0 must be from 1 to 256; run several generations for more",
                assertThrows(IllegalArgumentException.class, () -> GenerationSettings.of(3).withSamples(0)).getMessage());
        String tooLong = " the".repeat(64);
        assertEquals("the prompt is 64 tokens; this model sees at most 64, so it must be shorter to leave room for new tokens",
                assertThrows(IllegalArgumentException.class, () -> generator().generate(tooLong, chain, GenerationSettings.of(3))).getMessage());
    }

    /** A processor that leaves only one token possible. */
    private static tempered.sampling.LogitsProcessor only(int id) {
        return (logits, history) -> {
            double[] masked = new double[logits.length];
            Arrays.fill(masked, Double.NEGATIVE_INFINITY);
            masked[id] = 0;
            return masked;
        };
    }

    private static int[] append(int[] sequence, int id) {
        int[] longer = Arrays.copyOf(sequence, sequence.length + 1);
        longer[sequence.length] = id;
        return longer;
    }
}
