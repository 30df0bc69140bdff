package tempered.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.math.Logits;
import tempered.math.Softmax;
import tempered.model.synthetic.ReferenceLlama;
import tempered.model.synthetic.StoredWeights;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticLlama;
import tempered.model.synthetic.SyntheticLlama.Precision;
import tempered.model.synthetic.SyntheticLlama.Shape;
import tempered.model.synthetic.SyntheticTokenizer;

/**
 * A Llama-shaped model (SmolLM2's layout: RMSNorm, rotary positions, 4 query heads sharing 2 key/value heads,
 * SwiGLU, tied embeddings) through OnnxModel, against a forward pass written independently in the tests.
 */
class LlamaModelTest {
    private static final Map<Precision, OnnxModel> MODELS = new EnumMap<>(Precision.class);
    private static final SyntheticLlama.Weights WEIGHTS = SyntheticLlama.weights(Shape.TINY, 7);

    @TempDir
    static Path folder;

    private static int[] prompt;
    private static int[] continuation;

    @BeforeAll
    static void build() {
        for (Precision precision : Precision.values()) {
            MODELS.put(
                    precision,
                    OnnxModel.open(
                            SyntheticLlama.write(folder.resolve(precision.name()), Shape.TINY, 7, precision, false)));
        }
        prompt = model().tokenizer().encode("The cat sat on the mat");
        continuation = model().tokenizer().encode(" and the world is Nepal");
    }

    @AfterAll
    static void close() {
        MODELS.values().forEach(OnnxModel::close);
    }

    private static OnnxModel model() {
        return MODELS.get(Precision.FLOAT32);
    }

    /**
     * The cache's shape gives 2 key/value heads and 8 dimensions, config.json 4 query heads; the parameter count is
     * the number of weights the builder drew.
     */
    @Test
    void readsTheSizesFromTheModelAndItsConfig() {
        ModelInfo info = model().info();
        assertEquals(Architecture.LLAMA, info.architecture());
        assertEquals(ExportStyle.WITH_PAST, info.style());
        assertTrue(info.positionIds());
        assertEquals(2, info.layers());
        assertEquals(4, info.heads());
        assertEquals(2, info.kvHeads());
        assertEquals(2, info.groupSize());
        assertEquals(8, info.headSize());
        assertEquals(32, info.embedding());
        assertEquals(296, info.vocabulary());
        assertEquals(64, info.contextLength());
        long drawn =
                WEIGHTS.tensors().values().stream().mapToLong(t -> t.length).sum();
        assertEquals(28_064, drawn);
        assertEquals(drawn, info.parameters());
        assertEquals(4L * drawn, info.weightBytesPerToken(), "no position embeddings to leave out");
        assertEquals("2, each shared by 2 query heads", info.facts().get("key/value heads"));
        assertEquals("Llama", info.facts().get("design"));
    }

    /** The same sizes for SmolLM2-135M give its published 134.5 million parameters. */
    @Test
    void countsSmolLm2sParameters() {
        assertEquals(134_515_008L, ModelInfo.llamaParameters(30, 9, 3, 64, 1536, 49152, true));
    }

    /**
     * Every logit at every position, against the tests' own forward pass in double precision from the same weights.
     * A graph whose query heads read the wrong key/value heads fails here: the same reference with query head h
     * reading key/value head h % 2 instead of h / 2 is far off.
     */
    @Test
    void matchesAnIndependentForwardPassHeadsSharedAsLlamaSharesThem() {
        int[] all = concat(prompt, continuation);
        float[][] onnx = model().logitsAtEveryPosition(all);
        double[][] reference = new ReferenceLlama(WEIGHTS).logits(all);
        double worst = 0;
        for (int t = 0; t < all.length; t++) {
            worst = Math.max(worst, maxDifference(reference[t], onnx[t]));
        }
        assertTrue(worst < 1e-4, "logits differ from the reference by " + worst);
        double[][] interleaved =
                new ReferenceLlama(WEIGHTS, Map.of(), null, ReferenceLlama.Sharing.INTERLEAVED).logits(all);
        double wrong = 0;
        for (int t = 0; t < all.length; t++) {
            wrong = Math.max(wrong, maxDifference(interleaved[t], onnx[t]));
        }
        assertTrue(wrong > 0.1, "the wrong sharing is only " + wrong + " away: the test could not tell them apart");
    }

    @Test
    void cachedStepsGiveTheLogitsOfRecomputingTheWholeSequence() {
        int[] all = concat(prompt, continuation);
        float[][] recomputed = model().logitsAtEveryPosition(all);
        try (KvCache cache = model().newCache(1)) {
            assertClose(recomputed[prompt.length - 1], cache.append(prompt), 1e-4);
            for (int i = 0; i < continuation.length; i++) {
                assertClose(recomputed[prompt.length + i], cache.append(continuation[i]), 1e-4);
            }
            assertEquals(all.length, cache.length());
            // 2 (keys, values) x 2 layers x 1 sequence x 2 key/value heads x length x 8 dimensions x 4 bytes.
            assertEquals(2L * 2 * 2 * all.length * 8 * 4, cache.bytes());
        }
    }

    @Test
    void aBatchGivesEachRowWhatItGivesAlone() {
        int[] other = model().tokenizer().encode("Hello world and the cat");
        try (KvCache cache = model().newCache(2)) {
            int length = Math.min(prompt.length, other.length);
            int[] a = java.util.Arrays.copyOf(prompt, length);
            int[] b = java.util.Arrays.copyOf(other, length);
            float[][] rows = cache.append(new int[][] {a, b});
            assertClose(model().nextLogits(a), rows[0], 1e-4);
            assertClose(model().nextLogits(b), rows[1], 1e-4);
            float[][] next = cache.append(new int[][] {{265}, {271}});
            assertClose(model().nextLogits(concat(a, new int[] {265})), next[0], 1e-4);
            assertClose(model().nextLogits(concat(b, new int[] {271})), next[1], 1e-4);
        }
    }

    /** Shorter prompts are padded on the left and masked; positions start at 0 after the padding. */
    @Test
    void paddedPromptsOfDifferentLengthsAreMaskedToTheirOwnLogits() {
        List<int[]> prompts = List.of(prompt, new int[] {281}, concat(prompt, continuation));
        float[][] batched = model().nextLogits(prompts);
        for (int i = 0; i < prompts.size(); i++) {
            assertClose(model().nextLogits(prompts.get(i)), batched[i], 1e-4);
        }
    }

    /** Greedy decoding through the cache picks, at each step, the argmax of the reference's full recomputation. */
    @Test
    void greedyDecodingIsTheArgmaxOfAFullRecomputation() {
        ReferenceLlama reference = new ReferenceLlama(WEIGHTS);
        int[] text = prompt.clone();
        try (KvCache cache = model().newCache(1)) {
            float[] logits = cache.append(prompt);
            for (int step = 0; step < 20; step++) {
                int chosen = Logits.argmax(logits);
                double[] full = reference.logits(text)[text.length - 1];
                int best = 0;
                for (int id = 1; id < full.length; id++) {
                    best = full[id] > full[best] ? id : best;
                }
                assertTrue(
                        chosen == best || full[best] - full[chosen] < 1e-5,
                        "step " + step + ": chose " + chosen + ", the reference's best is " + best);
                text = concat(text, new int[] {chosen});
                logits = cache.append(chosen);
            }
        }
    }

    @Test
    void weightsBesideTheModelGiveTheSameLogits(@TempDir Path dir) throws IOException {
        Path external = SyntheticLlama.write(dir, Shape.TINY, 7, Precision.FLOAT32, true);
        assertTrue(Files.size(external.resolve("onnx/model.onnx_data")) > 100_000);
        assertTrue(Files.size(external.resolve("onnx/model.onnx")) < 50_000, "the weights left the .onnx file");
        try (OnnxModel beside = OnnxModel.open(external)) {
            assertArrayEquals(model().nextLogits(prompt), beside.nextLogits(prompt));
        }
    }

    /**
     * MatMulNBits as ONNX Runtime 1.29 runs it on the CPU: the 4-bit model equals the reference forward pass with the
     * weights the file stores, unpacked by the tests' reading of the operator's layout.
     */
    @Test
    void the4BitModelComputesWithTheWeightsItStores() {
        Map<String, float[]> stored =
                StoredWeights.dequantized4Bit(MODELS.get(Precision.Q4).info().file());
        assertEquals(2 * 7 + 1, stored.size(), "seven products per layer and the output layer");
        float[] output = stored.remove("lm_head");
        int[] all = concat(prompt, continuation);
        double[][] reference = new ReferenceLlama(WEIGHTS, stored, output, ReferenceLlama.Sharing.GROUPED).logits(all);
        float[][] onnx = MODELS.get(Precision.Q4).logitsAtEveryPosition(all);
        double worst = 0;
        for (int t = 0; t < all.length; t++) {
            worst = Math.max(worst, maxDifference(reference[t], onnx[t]));
        }
        assertTrue(worst < 1e-4, "logits differ from the reference by " + worst);
    }

    /**
     * Rounded weights move the distribution, but not far, and 4 bits (blocks of 16) further than 8: every next-token
     * probability within 0.05 of float32's in int8, within 0.15 in 4 bits.
     */
    @Test
    void theQuantizedModelsStayCloseToTheirFloat32Model() {
        double int8 = largestProbabilityChange(Precision.INT8);
        double q4 = largestProbabilityChange(Precision.Q4);
        assertTrue(int8 > 1e-6 && int8 < 0.05, "int8: probabilities differ by " + int8);
        assertTrue(q4 > int8 && q4 < 0.15, "4 bits: probabilities differ by " + q4 + ", int8 by " + int8);
    }

    private static double largestProbabilityChange(Precision precision) {
        int[] all = concat(prompt, continuation);
        float[][] exact = model().logitsAtEveryPosition(all);
        float[][] rounded = MODELS.get(precision).logitsAtEveryPosition(all);
        double largest = 0;
        for (int t = 0; t < all.length; t++) {
            double[] p = Softmax.probs(exact[t], 1);
            double[] q = Softmax.probs(rounded[t], 1);
            for (int i = 0; i < p.length; i++) {
                largest = Math.max(largest, Math.abs(p[i] - q[i]));
            }
        }
        return largest;
    }

    @Test
    void theFilesBesideTheModelGiveItsTokenizerStopTokensAndTemplate() {
        OnnxModel smol = model();
        assertEquals(Set.of(0, 2), smol.stopTokens(), "generation_config.json's list [2, 0]");
        assertEquals(296, smol.vocabularySize());
        assertTrue(smol.chatTemplate().isPresent());
        assertEquals("FLOAT32", smol.name(), "a folder outside the Hugging Face cache is called by its name");
        assertTrue(smol.toString()
                .startsWith("FLOAT32 (28,064 parameters, keeps keys and values between steps, model.onnx)"));
        assertEquals(
                "tokens[0] = 296 is not a FLOAT32 token id; ids run from 0 to 295",
                assertThrows(IllegalArgumentException.class, () -> smol.nextLogits(296))
                        .getMessage());
    }

    @Test
    void openingAGpt2FolderGivesGpt2(@TempDir Path dir) {
        try (OnnxModel gpt2 = OnnxModel.open(SyntheticGpt2.write(dir, SyntheticGpt2.Layout.MODEL))) {
            assertTrue(gpt2 instanceof Gpt2Model);
            assertEquals("GPT-2", gpt2.name());
            assertEquals(Set.of(50256), gpt2.stopTokens());
        }
    }

    @Test
    void filesThatDoNotFitAreRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        Path model = SyntheticLlama.write(dir.resolve("tokenizer"), Shape.TINY, 7, Precision.FLOAT32, false);
        SyntheticTokenizer.write(model, 400);
        assertEquals(
                "model.onnx scores 296 tokens, but its tokenizer.json has 400; use the tokenizer.json of the model's"
                        + " own repository",
                assertThrows(IllegalArgumentException.class, () -> OnnxModel.open(model))
                        .getMessage());

        Path missing = SyntheticLlama.write(dir.resolve("missing"), Shape.TINY, 7, Precision.FLOAT32, false);
        Files.delete(missing.resolve("tokenizer.json"));
        Files.writeString(
                missing.resolve("config.json"), "{\"model_type\": \"llama\", \"max_position_embeddings\": 64}");
        ModelNotFoundException noTokenizer = assertThrows(ModelNotFoundException.class, () -> OnnxModel.open(missing));
        assertTrue(noTokenizer.getMessage().startsWith("there is no tokenizer.json in "), noTokenizer.getMessage());
        assertTrue(
                noTokenizer
                        .getMessage()
                        .endsWith("fetch the model's files with: java -jar target/tempered.jar download"),
                noTokenizer.getMessage());

        Path qwen = SyntheticLlama.write(dir.resolve("qwen"), Shape.TINY, 7, Precision.FLOAT32, false);
        Files.writeString(qwen.resolve("config.json"), "{\"model_type\": \"qwen2\"}");
        assertEquals(
                "config.json says model_type \"qwen2\"; Tempered runs gpt2 and llama exports (GPT-2, SmolLM2)",
                assertThrows(IllegalArgumentException.class, () -> OnnxModel.open(qwen))
                        .getMessage());

        Path sizes = SyntheticLlama.write(dir.resolve("sizes"), Shape.TINY, 7, Precision.FLOAT32, false);
        Files.writeString(sizes.resolve("config.json"), "{\"model_type\": \"llama\", \"num_attention_heads\": 3}");
        assertEquals(
                "model.onnx keeps 2 key/value heads, but its config.json says 3 query heads, which they cannot share"
                        + " evenly; use the config.json of the same repository",
                assertThrows(IllegalArgumentException.class, () -> OnnxModel.open(sizes))
                        .getMessage());
    }

    static int[] concat(int[] a, int[] b) {
        int[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static void assertClose(float[] expected, float[] actual, double tolerance) {
        Gpt2ModelTest.assertClose(expected, actual, tolerance);
    }

    private static double maxDifference(double[] reference, float[] actual) {
        assertEquals(reference.length, actual.length);
        double max = 0;
        for (int i = 0; i < reference.length; i++) {
            max = Math.max(max, Math.abs(reference[i] - actual[i]));
        }
        return max;
    }
}
