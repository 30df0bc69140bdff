package tempered.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tempered.math.Logits;
import tempered.model.synthetic.OnnxGraph;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticGpt2.Layout;
import tempered.text.Gpt2Tokenizer;

class Gpt2ModelTest {
    private static final int[] PROMPT = Gpt2Tokenizer.encode("The cat slept on the");
    private static final int[] CONTINUATION = Gpt2Tokenizer.encode(" warm windowsill all afternoon");
    private static final Map<Layout, Gpt2Model> MODELS = new EnumMap<>(Layout.class);

    @TempDir
    static Path folder;

    @BeforeAll
    static void build() {
        for (Layout layout : Layout.values()) {
            MODELS.put(layout, Gpt2Model.open(SyntheticGpt2.write(folder.resolve(layout.name()), layout)));
        }
    }

    @AfterAll
    static void close() {
        MODELS.values().forEach(Gpt2Model::close);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void readsTheSizesAndStyleFromTheSession(Layout layout) {
        ModelInfo info = MODELS.get(layout).info();
        assertEquals(2, info.layers());
        assertEquals(2, info.heads());
        assertEquals(8, info.headSize());
        assertEquals(16, info.embedding());
        assertEquals(50257, info.vocabulary());
        assertEquals(64, info.contextLength());
        assertEquals(layout.positionIds, info.positionIds());
        ExportStyle expected =
                layout.cacheBranch ? ExportStyle.MERGED : layout.past ? ExportStyle.WITH_PAST : ExportStyle.NO_PAST;
        assertEquals(expected, info.style());
    }

    @Test
    void aStandInSaysItsWeightsAreRandomAndAHubConfigDoesNot() throws Exception {
        assertTrue(MODELS.get(Layout.MERGED).randomWeights(), "the tests' stand-in is marked in its config.json");
        Path plain = folder.resolve("plain");
        SyntheticGpt2.write(plain, Layout.MERGED);
        // The hub's config.json has no such key: only the key makes a model a stand-in.
        Path config = plain.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"tempered_random_weights\": true,", ""));
        try (Gpt2Model hubLike = Gpt2Model.open(plain)) {
            assertFalse(hubLike.randomWeights());
        }
    }

    @Test
    void countsGpt2SmallParameters() {
        ModelInfo small = new ModelInfo(Path.of("model.onnx"), ExportStyle.MERGED, false, 12, 12, 64, 50257, 1024);
        assertEquals(124_439_808L, small.parameters());
        // Every weight but the 1,024 x 768 position embeddings: about 496 MB per token in float32, what a batch-1 step
        // reads.
        assertEquals(4L * (124_439_808L - 1024 * 768), small.weightBytesPerToken());
        assertEquals(494_613_504L, small.weightBytesPerToken());
        assertEquals(768, small.embedding());
        assertTrue(small.toString().contains("124,439,808"), small.toString());
    }

    /** The cache's reason to exist: one token at a time gives what the whole sequence gives at once. */
    @ParameterizedTest
    @EnumSource(Layout.class)
    void cachedStepsGiveTheLogitsOfRecomputingTheWholeSequence(Layout layout) {
        Gpt2Model model = MODELS.get(layout);
        int[] all = concat(PROMPT, CONTINUATION);
        float[][] recomputed = model.logitsAtEveryPosition(all);
        try (KvCache cache = model.newCache(1)) {
            assertClose(recomputed[PROMPT.length - 1], cache.append(PROMPT), 1e-4);
            for (int i = 0; i < CONTINUATION.length; i++) {
                float[] stepped = cache.append(CONTINUATION[i]);
                assertClose(recomputed[PROMPT.length + i], stepped, 1e-4);
            }
            assertEquals(all.length, cache.length());
        }
    }

    @Test
    void everyLayoutComputesTheSameModel() {
        int[] all = concat(PROMPT, CONTINUATION);
        float[][] reference = MODELS.get(Layout.MODEL).logitsAtEveryPosition(all);
        for (Layout layout : Layout.values()) {
            float[][] logits = MODELS.get(layout).logitsAtEveryPosition(all);
            for (int i = 0; i < all.length; i++) {
                assertClose(reference[i], logits[i], 1e-4);
            }
        }
    }

    @Test
    void theAttentionIsCausalAndPositionsMatter() {
        Gpt2Model model = MODELS.get(Layout.MODEL);
        float[][] whole = model.logitsAtEveryPosition(concat(PROMPT, CONTINUATION));
        float[][] prefix = model.logitsAtEveryPosition(PROMPT);
        // Later tokens must not change earlier predictions.
        for (int i = 0; i < PROMPT.length; i++) {
            assertClose(prefix[i], whole[i], 1e-4);
        }
        // The same token at two positions, after the same context, is predicted differently: positions exist.
        int[] repeated = {262, 262, 262};
        float[][] logits = model.logitsAtEveryPosition(repeated);
        assertTrue(maxDifference(logits[1], logits[2]) > 1e-2);
        // And the context matters: attention reads earlier tokens.
        assertTrue(maxDifference(model.nextLogits(3797, 262), model.nextLogits(3290, 262)) > 1e-2);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void aBatchOfOneSequenceRepeatedGivesEachRowTheSameLogits(Layout layout) {
        Gpt2Model model = MODELS.get(layout);
        float[] single = model.nextLogits(PROMPT);
        try (KvCache cache = model.newCache(3)) {
            float[][] rows = cache.append(new int[][] {PROMPT, PROMPT, PROMPT});
            for (float[] row : rows) {
                assertClose(single, row, 1e-4);
            }
            float[][] next = cache.append(new int[][] {{11}, {13}, {11}});
            assertClose(next[0], next[2], 1e-5);
            assertTrue(maxDifference(next[0], next[1]) > 1e-3, "different tokens must give different logits");
            assertClose(model.nextLogits(concat(PROMPT, new int[] {13})), next[1], 1e-4);
        }
    }

    @Test
    void paddedPromptsOfDifferentLengthsAreMaskedToTheirOwnLogits() {
        Gpt2Model model = MODELS.get(Layout.MODEL);
        int[] shortPrompt = Gpt2Tokenizer.encode("Hello");
        List<int[]> prompts = List.of(PROMPT, shortPrompt, concat(PROMPT, CONTINUATION));
        float[][] batched = model.nextLogits(prompts);
        for (int i = 0; i < prompts.size(); i++) {
            assertClose(model.nextLogits(prompts.get(i)), batched[i], 1e-4);
        }
    }

    @Test
    void exportsThatCountPositionsThemselvesRefusePaddedBatches() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MODELS.get(Layout.MERGED_WITHOUT_POSITIONS).nextLogits(List.of(PROMPT, new int[] {15496})));
        assertTrue(e.getMessage().contains("cannot share a batch"), e.getMessage());
        // Equal lengths need no padding, so they are fine.
        assertEquals(2, MODELS.get(Layout.NO_PAST).nextLogits(List.of(PROMPT, PROMPT)).length);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void theCacheClosesItsTensorsOnceAndRefusesUseAfterClosing(Layout layout) {
        KvCache cache = MODELS.get(layout).newCache(1);
        cache.append(PROMPT);
        cache.append(11);
        OnnxTensor[] held = cache.heldTensors();
        assertEquals(layout.past ? 4 : 0, held.length);
        for (OnnxTensor tensor : held) {
            assertTrue(!tensor.isClosed());
        }
        long expectedBytes = layout.past ? 2L * 2 * 1 * 2 * (PROMPT.length + 1) * 8 * 4 : 0;
        assertEquals(expectedBytes, cache.bytes());
        cache.close();
        for (OnnxTensor tensor : held) {
            assertTrue(tensor.isClosed());
        }
        cache.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.append(11));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aFailedStepLeavesTheCacheUsable() {
        Gpt2Model model = MODELS.get(Layout.MERGED);
        try (KvCache cache = model.newCache(1)) {
            float[] first = cache.append(PROMPT);
            assertThrows(IllegalArgumentException.class, () -> cache.append(50257));
            assertThrows(IllegalArgumentException.class, () -> cache.append(new int[0]));
            assertEquals(PROMPT.length, cache.length());
            assertClose(
                    model.nextLogits(concat(PROMPT, new int[] {Logits.argmax(first)})),
                    cache.append(Logits.argmax(first)),
                    1e-4);
        }
    }

    @Test
    void refusesToGoPastTheContext() {
        Gpt2Model model = MODELS.get(Layout.MODEL);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.nextLogits(new int[65]));
        assertEquals(
                "the sequence would be 65 tokens, but this model sees at most 64; shorten the prompt or generate fewer tokens",
                e.getMessage());
        assertEquals(50257, model.nextLogits(new int[64]).length);
    }

    @Test
    void badTokensAndBatchesGetMessagesThatTeach() {
        Gpt2Model model = MODELS.get(Layout.MODEL);
        assertEquals(
                "tokens must hold at least one token id; an empty prompt gives the model nothing to continue",
                assertThrows(IllegalArgumentException.class, () -> model.nextLogits())
                        .getMessage());
        assertEquals(
                "tokens[1] = -3 is not a GPT-2 token id; ids run from 0 to 50256",
                assertThrows(IllegalArgumentException.class, () -> model.nextLogits(1, -3))
                        .getMessage());
        try (KvCache cache = model.newCache(2)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> cache.append(new int[][] {{1, 2}, {3}}))
                    .getMessage()
                    .contains("same number of new tokens"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> cache.append(1))
                    .getMessage()
                    .contains("holds 2 sequences"));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> model.newCache(0))
                .getMessage()
                .contains("at least 1"));
    }

    @Test
    void aModelWithAnotherVocabularyIsRefused(@TempDir Path dir) {
        SyntheticGpt2.write(dir, Layout.MODEL, new SyntheticGpt2.Shape(1, 2, 4, 1000, 16), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gpt2Model.open(dir));
        assertEquals(
                "model.onnx has a vocabulary of 1000 tokens, not GPT-2's 50,257; Tempered's tokenizer is GPT-2's, so use a GPT-2 export",
                e.getMessage());
    }

    @Test
    void anUnknownLayoutIsRefusedWithTheNamesFound(@TempDir Path dir) throws IOException {
        OnnxGraph g = new OnnxGraph("other");
        g.input("pixel_values", OnnxGraph.ElementType.FLOAT, "batch", 3);
        g.opTo("Identity", OnnxGraph.attributes(), new String[] {"embeddings"}, "pixel_values");
        g.output("embeddings", OnnxGraph.ElementType.FLOAT, "batch", 3);
        Files.write(dir.resolve("model.onnx"), g.model(17));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gpt2Model.open(dir));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "model.onnx is not a GPT-2 decoder layout Tempered knows: found inputs [pixel_values]"
                                        + " and outputs [embeddings]; expected input_ids"),
                e.getMessage());
    }

    @Test
    void aTruncatedFileSaysWhichFileAndHowToFetchItAgain(@TempDir Path dir) throws IOException {
        Path good = SyntheticGpt2.write(dir, Layout.MERGED).resolve(Layout.MERGED.file);
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> Gpt2Model.open(dir));
        assertTrue(e.getMessage().startsWith("could not load " + good.toAbsolutePath() + ": "), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("delete it and fetch it again with: java -jar target/tempered.jar download"),
                e.getMessage());
    }

    @Test
    void aMissingFolderOrDecoderSaysWhereItLooked(@TempDir Path dir) {
        ModelNotFoundException missing =
                assertThrows(ModelNotFoundException.class, () -> Gpt2Model.open(dir.resolve("nope")));
        assertTrue(missing.getMessage().startsWith("no model folder at " + dir.resolve("nope")), missing.getMessage());
        ModelNotFoundException empty = assertThrows(ModelNotFoundException.class, () -> Gpt2Model.open(dir));
        assertTrue(
                empty.getMessage().contains("found no .onnx file. Looked for decoder_model_merged.onnx, model.onnx"),
                empty.getMessage());
    }

    /** One model, several threads, each with its own cache: the same logits as one thread alone. */
    @Test
    void threadsShareTheModelEachWithItsOwnCache() throws Exception {
        Gpt2Model model = MODELS.get(Layout.MERGED);
        int[] all = concat(PROMPT, CONTINUATION);
        float[] expected = model.nextLogits(all);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<float[]>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    try (KvCache cache = model.newCache(1)) {
                        float[] logits = cache.append(PROMPT);
                        for (int token : CONTINUATION) {
                            logits = cache.append(token);
                        }
                        return logits;
                    }
                }));
            }
            for (java.util.concurrent.Future<float[]> result : results) {
                assertClose(expected, result.get(), 1e-4);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCacheUsedByTwoThreadsAtOnceRefusesTheSecond() throws Exception {
        try (KvCache cache = MODELS.get(Layout.MODEL).newCache(1)) {
            cache.lock().lock();
            try {
                java.util.concurrent.CompletableFuture<Throwable> other =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                            try {
                                cache.append(PROMPT);
                                return null;
                            } catch (RuntimeException e) {
                                return e;
                            }
                        });
                Throwable refused = other.get();
                assertTrue(refused instanceof IllegalStateException, String.valueOf(refused));
                assertEquals(
                        "this KvCache is in use by another thread; give each thread its own cache (model.newCache)",
                        refused.getMessage());
            } finally {
                cache.lock().unlock();
            }
            assertEquals(50257, cache.append(PROMPT).length, "usable again once the other thread is done");
        }
    }

    static int[] concat(int[] a, int[] b) {
        int[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static void assertClose(float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length);
        double difference = maxDifference(expected, actual);
        assertTrue(difference <= tolerance, "logits differ by " + difference + " > " + tolerance);
    }

    static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** Large models keep their weights in a file beside the .onnx, as GPT-2-sized exports do; the numbers must not change. */
    @Test
    void weightsStoredBesideTheModelGiveTheSameLogits(@TempDir Path dir) {
        Path inline = SyntheticGpt2.write(dir.resolve("inline"), Layout.MERGED, SyntheticGpt2.Shape.SMALL, 5, false);
        Path external = SyntheticGpt2.write(dir.resolve("external"), Layout.MERGED, SyntheticGpt2.Shape.SMALL, 5, true);
        assertTrue(Files.isRegularFile(external.resolve("onnx/decoder_model_merged.onnx_data")));
        try (Gpt2Model a = Gpt2Model.open(inline);
                Gpt2Model b = Gpt2Model.open(external)) {
            assertArrayEquals(a.nextLogits(PROMPT), b.nextLogits(PROMPT));
        }
    }

    @Test
    void testModelsHaveNonTrivialDistributions() {
        float[] logits = MODELS.get(Layout.MODEL).nextLogits(PROMPT);
        tempered.math.Distribution distribution = tempered.math.Distribution.of(logits, 1.0);
        double top = distribution.prob(distribution.argmax());
        assertTrue(top > 0.001 && top < 0.9, "top probability " + top);
    }

    /** The builder's seed fixes the weights: the same seed gives the same model in another folder, another seed another. */
    @Test
    void theSameSeedBuildsTheSameModel(@TempDir Path dir) {
        try (Gpt2Model same = Gpt2Model.open(SyntheticGpt2.write(dir.resolve("same"), Layout.MODEL));
                Gpt2Model other = Gpt2Model.open(
                        SyntheticGpt2.write(dir.resolve("other"), Layout.MODEL, SyntheticGpt2.Shape.SMALL, 8))) {
            assertArrayEquals(MODELS.get(Layout.MODEL).nextLogits(PROMPT), same.nextLogits(PROMPT));
            assertTrue(maxDifference(same.nextLogits(PROMPT), other.nextLogits(PROMPT)) > 1e-2);
        }
    }

    /**
     * An int8 export, quantized the way ONNX Runtime's quantize_dynamic does it, runs through the same code and
     * stays close to the float32 model it was rounded from: every next-token probability within 0.01.
     */
    @ParameterizedTest
    @EnumSource(
            value = Layout.class,
            names = {"MODEL", "MERGED"})
    void anInt8ExportRunsAndStaysCloseToItsFloat32Model(Layout layout, @TempDir Path dir) {
        Path folder = SyntheticGpt2.write(dir, layout, SyntheticGpt2.Shape.SMALL, 7, SyntheticGpt2.Precision.INT8);
        assertTrue(Files.isRegularFile(folder.resolve(layout.file.replace(".onnx", "_quantized.onnx"))));
        try (Gpt2Model int8 = Gpt2Model.open(folder)) {
            assertTrue(int8.toString().endsWith("_quantized.onnx)"), int8.toString());
            int[] all = concat(PROMPT, CONTINUATION);
            try (KvCache cache = int8.newCache(1)) {
                float[] logits = cache.append(PROMPT);
                for (int i = 0; i <= CONTINUATION.length; i++) {
                    double[] expected = tempered.math.Softmax.probs(
                            MODELS.get(layout).nextLogits(java.util.Arrays.copyOf(all, PROMPT.length + i)), 1);
                    double[] actual = tempered.math.Softmax.probs(logits, 1);
                    double largest = 0;
                    for (int t = 0; t < expected.length; t++) {
                        largest = Math.max(largest, Math.abs(expected[t] - actual[t]));
                    }
                    assertTrue(
                            largest < 0.01, "position " + (PROMPT.length + i) + ": probabilities differ by " + largest);
                    if (i < CONTINUATION.length) {
                        logits = cache.append(CONTINUATION[i]);
                    }
                }
            }
        }
    }
}
