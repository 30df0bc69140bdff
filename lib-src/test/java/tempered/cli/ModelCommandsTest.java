package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tempered.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.math.Distribution;
import tempered.math.TokenProbability;
import tempered.model.Gpt2Model;
import tempered.model.Unreadable;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticLlama;
import tempered.sampling.SamplerSettings;
import tempered.text.Gpt2Tokenizer;

/** {@code next} and {@code generate} against a GPT-2-shaped model built by the test. */
class ModelCommandsTest {
    private static final String PROMPT = "The cat slept on the";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static String model;
    static Gpt2Model gpt2;

    @BeforeAll
    static void build() {
        model = SyntheticGpt2.write(folder.resolve("gpt2"), SyntheticGpt2.Layout.MERGED)
                .toString();
        gpt2 = Gpt2Model.open(Path.of(model));
    }

    @AfterAll
    static void close() {
        gpt2.close();
    }

    /** The line that names the synthetic GPT-2 the tests run and its file. */
    private static String modelLine() {
        return "model: GPT-2 from " + model + ", onnx/decoder_model_merged.onnx ("
                + String.format(java.util.Locale.ROOT, "%,d", gpt2.info().parameters())
                + " parameters; random weights, a stand-in whose text means nothing)";
    }

    @Test
    void nextJsonListsTheTopTokensPerTemperatureInOrder() throws Exception {
        MainTest.Run run =
                run("next", "--model", model, "--prompt", PROMPT, "--temperatures", "0.5,1,2", "--top", "4", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = JSON.readTree(run.out());
        int[] ids = Gpt2Tokenizer.encode(PROMPT);
        assertEquals(PROMPT, json.get("prompt").asText());
        assertArrayEquals(ids, JSON.convertValue(json.get("tokenIds"), int[].class));
        float[] logits = gpt2.nextLogits(ids);
        double[] temperatures = {0.5, 1, 2};
        for (int i = 0; i < 3; i++) {
            JsonNode result = json.get("results").get(i);
            Distribution expected = Distribution.of(logits, temperatures[i]);
            assertEquals(temperatures[i], result.get("temperature").asDouble());
            assertEquals(expected.entropy(), result.get("entropy").asDouble(), 1e-4);
            List<TokenProbability> top = expected.top(4);
            assertEquals(4, result.get("top").size());
            for (int j = 0; j < 4; j++) {
                JsonNode token = result.get("top").get(j);
                assertEquals(top.get(j).id(), token.get("id").asInt());
                assertEquals(
                        Gpt2Tokenizer.token(top.get(j).id()), token.get("token").asText());
                assertEquals(logits[top.get(j).id()], token.get("logit").asDouble(), 1e-4);
                assertEquals(top.get(j).prob(), token.get("p").asDouble(), 1e-5);
            }
        }
    }

    @Test
    void nextPrintsATablePerTemperature() {
        MainTest.Run run = run("next", "--model", model, "--prompt", PROMPT, "--temperatures", "0,1", "--top", "3");
        assertEquals(0, run.status(), run.err());
        assertTrue(
                run.out().startsWith("model: GPT-2 from " + model + ", onnx/decoder_model_merged.onnx ("), run.out());
        assertTrue(run.out().contains("\nprompt: \"The cat slept on the\" (5 tokens)\n"), run.out());
        assertTrue(run.out().contains("T = 0   entropy 0.0000 nats"), run.out());
        assertTrue(run.out().contains("T = 1   entropy "), run.out());
        assertEquals(2 + 2 * 5, run.out().strip().split("\n").length, run.out());
    }

    @Test
    void generateJsonMatchesTheLibraryAndSamplesUseConsecutiveSeeds() throws Exception {
        MainTest.Run run = run(
                "generate",
                "--model",
                model,
                "--prompt",
                PROMPT,
                "--temperature",
                "0.9",
                "--top-k",
                "40",
                "--seed",
                "5",
                "--max-new-tokens",
                "8",
                "--samples",
                "2",
                "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(2, json.get("samples").size());
        for (int i = 0; i < 2; i++) {
            Generation alone = new Generator(gpt2)
                    .generate(
                            PROMPT,
                            SamplerSettings.of(0.9).withTopK(40).withSeed(5 + i).temperatureFirst(),
                            GenerationSettings.of(8));
            JsonNode sample = json.get("samples").get(i);
            assertArrayEquals(alone.sample().tokenIds(), JSON.convertValue(sample.get("tokenIds"), int[].class));
            assertEquals(alone.sample().text(), sample.get("text").asText());
            assertEquals(
                    alone.sample().steps().get(0).probability(),
                    sample.get("steps").get(0).get("p").asDouble(),
                    1e-9);
            assertEquals(
                    alone.sample().steps().get(0).token(),
                    sample.get("steps").get(0).get("token").asText());
        }
    }

    @Test
    void generateStreamsThePromptAndTheSameText() throws Exception {
        MainTest.Run streamed =
                run("generate", "--model", model, "--prompt", PROMPT, "--seed", "42", "--max-new-tokens", "12");
        MainTest.Run json = run(
                "generate", "--model", model, "--prompt", PROMPT, "--seed", "42", "--max-new-tokens", "12", "--json");
        assertEquals(0, streamed.status(), streamed.err());
        String text =
                JSON.readTree(json.out()).get("samples").get(0).get("text").asText();
        assertEquals(PROMPT + text + "\n", streamed.out());
        assertEquals(modelLine() + "\n", streamed.err(), "standard error names the model and file, only");
        assertEquals(
                JSON.readTree(json.out()).get("model").get("path").asText(),
                Path.of(model).resolve("onnx/decoder_model_merged.onnx").toString());
    }

    /** A character split across tokens is printed whole, once its last byte has come; the end of text is not. */
    @Test
    void theStreamHoldsBackHalfACharacter() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        GenerateCommand.Stream stream = gpt2Stream(bytes);
        int[] smile = Gpt2Tokenizer.encode("\uD83D\uDE00");
        assertEquals(2, smile.length, "the emoji's four bytes span two tokens");
        write(stream, smile[0]);
        String half = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("", half, "the first bytes of the emoji wait");
        write(stream, smile[1]);
        write(stream, Gpt2Tokenizer.END_OF_TEXT);
        stream.finish();
        assertEquals("\uD83D\uDE00", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The generate command's stream of sample 0 with GPT-2's tokenizer, into {@code bytes}. */
    private static GenerateCommand.Stream gpt2Stream(java.io.ByteArrayOutputStream bytes) {
        return new GenerateCommand.Stream(
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8),
                Gpt2Tokenizer.get(),
                java.util.Set.of(Gpt2Tokenizer.END_OF_TEXT));
    }

    /** Token {@code id} as the generator hands it to sample 0's stream. */
    private static void write(GenerateCommand.Stream stream, int id) {
        stream.onToken(0, new tempered.generate.Step(id, Gpt2Tokenizer.token(id), 0.5, 0, 0, 0, List.of()));
    }

    /** The model's control bytes (ESC, BEL, C1's CSI) are written as escapes, as next writes them; text stays. */
    @Test
    void generateWritesTheModelsControlCharactersAsEscapes() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        GenerateCommand.Stream stream = gpt2Stream(bytes);
        for (String piece : new String[] {" a", "\u001b", "[2J", "\u0007", "\n", "\t\u00e9", "\r", "\u009b"}) {
            for (int id : Gpt2Tokenizer.encode(piece)) {
                write(stream, id);
            }
        }
        assertEquals(
                " a\\u001b[2J\\u0007\n\t\u00e9\\r\\u009b", bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        MainTest.Run run = run(
                "generate",
                "--model",
                model,
                "--prompt",
                "clear\u001b[2J",
                "--temperature",
                "0",
                "--max-new-tokens",
                "2");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("clear\\u001b[2J"), run.out());
        assertFalse(run.out().contains("\u001b"), "no raw escape reaches the terminal");
    }

    /**
     * next and generate check a cached model before they run it: one whose bytes changed after the download says so
     * in one line (status 3), naming the file and the command for its own variant.
     */
    @Test
    void aCachedModelChangedAfterItsDownloadIsNamedBeforeItRuns(@TempDir Path cache) throws IOException {
        Path built = Path.of(model);
        byte[] onnx = Files.readAllBytes(built.resolve(SyntheticGpt2.Layout.MERGED.file));
        Path repository = cache.resolve("models--Xenova--gpt2");
        Path blobs = Files.createDirectories(repository.resolve("blobs"));
        Path blob = blobs.resolve(tempered.hub.Hashes.sha256(built.resolve(SyntheticGpt2.Layout.MERGED.file)));
        Files.write(blob, onnx);
        Path config = blobs.resolve(tempered.hub.Hashes.gitBlobSha1(built.resolve("config.json")));
        Files.copy(built.resolve("config.json"), config);
        Path snapshot = repository.resolve("snapshots").resolve(tempered.hub.FakeHub.COMMIT);
        Path pointer = snapshot.resolve(tempered.hub.ModelSpec.GPT2_INT8.file());
        Files.createDirectories(pointer.getParent());
        Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
        Files.createSymbolicLink(snapshot.resolve("config.json"), snapshot.relativize(config));
        Files.createDirectories(repository.resolve("refs"));
        Files.writeString(repository.resolve("refs/main"), tempered.hub.FakeHub.COMMIT);
        System.setProperty("HF_HUB_CACHE", cache.toString());
        System.setProperty("HF_HUB_OFFLINE", "1");
        try {
            MainTest.Run intact = run("next", "--prompt", PROMPT, "--top", "2");
            assertEquals(0, intact.status(), intact.err());
            byte[] zeroed = onnx.clone();
            java.util.Arrays.fill(zeroed, onnx.length / 2, onnx.length / 2 + 4, (byte) 0);
            Files.write(blob, zeroed);
            for (String command : new String[] {"next", "generate"}) {
                MainTest.Run damaged = run(command, "--prompt", PROMPT);
                assertEquals(3, damaged.status(), damaged.err());
                assertTrue(
                        damaged.err()
                                .startsWith("tempered " + command
                                        + ": the cached Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (" + blob
                                        + ") has sha256 "),
                        damaged.err());
                assertTrue(
                        damaged.err()
                                .endsWith(
                                        "so Tempered does not run it; fetch it again with: java -jar target/tempered.jar"
                                                + " download --variant int8\n"),
                        damaged.err());
                assertEquals(1, damaged.err().lines().count(), damaged.err());
            }
        } finally {
            System.clearProperty("HF_HUB_CACHE");
            System.clearProperty("HF_HUB_OFFLINE");
        }
    }

    @Test
    void greedyGenerationIsTheSameWhateverTheSeed() {
        assertEquals(greedyWithSeed("1").out(), greedyWithSeed("2").out());
    }

    private static MainTest.Run greedyWithSeed(String seed) {
        return run(
                "generate",
                "--model",
                model,
                "--prompt",
                PROMPT,
                "--temperature",
                "0",
                "--seed",
                seed,
                "--max-new-tokens",
                "6");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "next --prompt ''|tempered next: --prompt is empty; give the model some text to continue",
                "next --prompt cat --temperatures -1|tempered next: temperature T=-1.0 must be >= 0; use 0 for greedy decoding or a small positive value such as 0.7",
                "next --prompt cat --top 0|tempered next: --top '0' must be a whole number from 1 to the model's vocabulary size (50,257 for GPT-2, 49,152 for SmolLM2)",
                "next --prompt cat --top 50258|tempered next: --top '50258' must be a whole number from 1 to 50257",
                "generate --prompt cat --top-k 50258|tempered generate: --top-k '50258' must be a whole number from 0 to 50257",
                "generate --prompt cat --temprature 1|tempered generate: unknown option '--temprature' for 'generate' (did you mean --temperature?); see 'java -jar target/tempered.jar generate --help'",
                "next --temperatures 1|tempered next: --prompt is required, for example --prompt \"The cat slept on the\"; a long prompt can come from a file (--prompt-file FILE) or standard input (--prompt -)",
                "generate --prompt cat --top-p 0|tempered generate: top-p p=0.0 must be in (0, 1]; use 1.0 to disable",
                "generate --prompt cat --temperature abc|tempered generate: --temperature 'abc' is not a finite number; write one number, for example --temperature 0.7",
                "next --prompt cat --temperatures 1,x|tempered next: --temperatures: 'x' (item 2) is not a finite number; write numbers separated by commas, e.g. --temperatures 0.5,1,2",
                "next --prompt BLANK|tempered next: --prompt is blank (only white space); give the model some words to continue",
                "next --prompt cat --file onnx/model.onnx|tempered next: a file and revision pick a file of a hub repository, but MODEL is a folder or file on this machine; leave them out, or name the repository",
                "generate --prompt cat --max-new-tokens 0|tempered generate: --max-new-tokens '0' must be a whole number from 1 to 100000",
                "generate --prompt cat --seed 1.5|tempered generate: --seed '1.5' must be a whole number, for example --seed 42",
                "download --variant fp16|tempered download: unknown variant 'fp16'; use one of [fp32, int8]",
                "download --model gpt2|tempered download: model 'gpt2' is not a Hugging Face repository name (ORG/NAME), such as openai-community/gpt2",
                "download --recorded --variant int8|tempered download: --recorded fetches only the recorded GPT-2 examples; leave out --model, --variant, --file and --revision, or leave out --recorded to fetch the model",
            })
    void badInputExitsTwoWithOneLine(String args, String message) {
        List<String> parts = new java.util.ArrayList<>();
        for (String part : args.split(" ")) {
            parts.add(part.equals("''") ? "" : part.equals("BLANK") ? " \t " : part);
        }
        parts.add("--model");
        parts.add(model);
        if (parts.get(0).equals("download")) {
            parts = parts.subList(0, parts.size() - 2);
        }
        MainTest.Run run = run(parts.toArray(String[]::new));
        assertEquals(2, run.status(), run.out() + run.err());
        assertEquals(message.replace("MODEL", model) + "\n", run.err());
    }

    /**
     * The benchmark's code path, end to end, in its quick run on small models: every figure is reported, and the
     * targets are not judged on figures that mean nothing at this size. A full run needs a GPT-2-sized context.
     */
    @Test
    void benchReportsEveryFigureInAQuickRun() {
        MainTest.Run tooShort = run("bench", "--model", model, "--runs", "1");
        assertEquals(2, tooShort.status());
        assertEquals(
                "tempered bench: the benchmark decodes up to position 256, but this model sees only 64 positions;"
                        + " use GPT-2, a model with at least 260, or --quick\n",
                tooShort.err());
        String int8 = SyntheticGpt2.write(
                        folder.resolve("int8"),
                        SyntheticGpt2.Layout.MERGED,
                        SyntheticGpt2.Shape.SMALL,
                        7,
                        SyntheticGpt2.Precision.INT8)
                .toString();
        Path smollm2 = folder.resolve("smollm2");
        for (SyntheticLlama.Precision precision : SyntheticLlama.Precision.values()) {
            SyntheticLlama.write(smollm2, SyntheticLlama.Shape.TINY, 7, precision, false);
        }
        MainTest.Run run =
                run("bench", "--model", model, "--int8-model", int8, "--smollm2", smollm2.toString(), "--quick");
        assertEquals(0, run.status(), run.err());
        for (String label : List.of(
                "bandwidth before decoding, Java sum, 1 thread",
                "bandwidth after decoding, ONNX Runtime matrix-vector product",
                "prompt processing, batch 1, 16 tokens",
                "decoding with the cache, batch 1, 24 tokens",
                "ms per token at position 24",
                "without the cache, ms per token at position 24",
                "decoding in a batch of 4",
                "resident memory after step 10",
                "generation as a share of the model step, temperature 0.8, everything recorded",
                "generation as a share of the model step, llama.cpp's defaults, only the tokens",
                "time per token outside the model, llama.cpp's defaults on the whole vocabulary",
                "int8 decoding / float32 decoding",
                "int8 prompt processing / float32",
                "int8 and float32 agree on the likeliest token",
                "int8's largest probability difference",
                "side by side, GPT-2 float32 decoding, batch 1, 24 tokens",
                "side by side, GPT-2 int8 decoding / GPT-2 float32 beside it",
                "side by side, SmolLM2 float32 prompt processing, 16 tokens",
                "side by side, SmolLM2 int8 decoding / GPT-2 float32 beside it",
                "side by side, SmolLM2 4-bit decoding, batch 1, 24 tokens",
                "SmolLM2 4-bit: weights read per token",
                "SmolLM2 float32: bandwidth bound",
                "bandwidth bound for float32 batch-1 decoding",
                "model load alone",
                "command line: start to first token",
                "command line: a whole generate of 8 tokens",
                "notebook: setup to first distribution",
                "load average")) {
            assertTrue(run.out().contains(label), "bench shows " + label + ":\n" + run.out());
        }
        assertTrue(run.out().contains("targets: not checked in a quick run"), run.out());
        assertTrue(
                run.out().contains("\n  SmolLM2 4-bit: " + smollm2 + ", onnx/model_q4.onnx (28,064"),
                "the files measured are named: " + run.out());
        for (String label : List.of("SmolLM2 float32", "SmolLM2 int8", "SmolLM2 4-bit")) {
            String line = run.out()
                    .lines()
                    .filter(l -> l.startsWith("  " + label + ": "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no line for " + label + ":\n" + run.out()));
            assertTrue(line.endsWith("parameters; random weights, a stand-in whose text means nothing)"), line);
        }
        assertFalse(run.out().contains("[met]") || run.out().contains("MISSED"), run.out());
    }

    @Test
    void aModelWithAnotherVocabularyExitsTwoWithOneLine(@TempDir Path dir) {
        SyntheticGpt2.write(dir, SyntheticGpt2.Layout.MODEL, new SyntheticGpt2.Shape(1, 2, 4, 1000, 16), 1);
        MainTest.Run run = run("next", "--model", dir.toString(), "--prompt", "cat");
        assertEquals(2, run.status());
        assertEquals(
                "tempered next: model.onnx has a vocabulary of 1000 tokens, not GPT-2's 50,257; Tempered's tokenizer is GPT-2's,"
                        + " so use a GPT-2 export\n",
                run.err());
    }

    @Test
    void anUnknownModelFolderExitsTwoAndAFolderWithoutAModelThree(@TempDir Path empty) {
        MainTest.Run missing = run("next", "--model", "/no/such/folder", "--prompt", "cat");
        assertEquals(2, missing.status());
        assertTrue(
                missing.err().startsWith("tempered next: there is no folder or .onnx file at /no/such/folder"),
                missing.err());
        MainTest.Run noDecoder = run("next", "--model", empty.toString(), "--prompt", "cat");
        assertEquals(3, noDecoder.status());
        assertTrue(noDecoder.err().startsWith("tempered next: no GPT-2 decoder in " + empty), noDecoder.err());
        assertEquals(1, noDecoder.err().split("\n").length);
    }

    @Test
    void generateRefusesATooLongPromptBeforePrintingAnything() {
        String prompt = "word ".repeat(70).strip();
        MainTest.Run run = run("generate", "--model", model, "--prompt", prompt, "--max-new-tokens", "2");
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertEquals(
                "tempered generate: the prompt is 70 tokens; this model sees at most 64 (prompt included), so it must be shorter to"
                        + " leave room for new tokens\n",
                run.err());
    }

    @Test
    void stoppingAtTheContextIsSaidOnStderrAndInTheJson() throws Exception {
        MainTest.Run streamed =
                run("generate", "--model", model, "--prompt", PROMPT, "--max-new-tokens", "100", "--seed", "3");
        assertEquals(0, streamed.status(), streamed.err());
        assertEquals(
                modelLine() + "\ntempered generate: stopped at the model's context of 64 tokens (a prompt of 5 and 59"
                        + " new), before --max-new-tokens 100\n",
                streamed.err());
        MainTest.Run json = run(
                "generate",
                "--model",
                model,
                "--prompt",
                PROMPT,
                "--max-new-tokens",
                "100",
                "--samples",
                "2",
                "--json");
        JsonNode samples = JSON.readTree(json.out()).get("samples");
        assertEquals("context_full", samples.get(0).get("stop").asText());
        assertEquals(59, samples.get(0).get("tokenIds").size());
        assertTrue(
                json.err().startsWith("tempered generate: sample 1 stopped at the model's context of 64 tokens"),
                json.err());
        MainTest.Run brief = run("generate", "--model", model, "--prompt", PROMPT, "--max-new-tokens", "3", "--json");
        assertEquals(
                "max_new_tokens",
                JSON.readTree(brief.out()).get("samples").get(0).get("stop").asText());
        assertEquals("", brief.err());
    }

    /** Without config.json Tempered assumes GPT-2's 1,024 positions; a model with fewer fails in ONNX Runtime, said in words. */
    @Test
    void generatingPastAModelsRealPositionsSaysWhyAndWhatToDo(@TempDir Path dir) throws IOException {
        SyntheticGpt2.write(dir, SyntheticGpt2.Layout.MERGED);
        Files.delete(dir.resolve("config.json"));
        MainTest.Run run =
                run("generate", "--model", dir.toString(), "--prompt", PROMPT, "--max-new-tokens", "100", "--json");
        assertEquals(2, run.status(), run.err());
        assertEquals(
                "tempered generate: the model has 64 positions, but this run reached position 64 (counting from 0): its config.json"
                        + " is missing, or says a longer context (n_positions) than the model has. Put the model's own config.json beside it, or"
                        + " keep the prompt plus --max-new-tokens within 64 tokens\n",
                run.err());
    }

    @Test
    void unreadableConfigOrModelSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path unreadable = Unreadable.file();
        Path folder = SyntheticGpt2.write(dir.resolve("config"), SyntheticGpt2.Layout.MODEL);
        Files.delete(folder.resolve("config.json"));
        Files.createSymbolicLink(folder.resolve("config.json"), unreadable);
        MainTest.Run config = run("next", "--model", folder.toString(), "--prompt", PROMPT);
        assertEquals(2, config.status(), config.err());
        assertEquals(
                "tempered next: permission denied reading "
                        + folder.resolve("config.json").toAbsolutePath() + "; make it readable" + " (chmod a+r "
                        + folder.resolve("config.json").toAbsolutePath() + ") or copy the model to a folder you own\n",
                config.err());

        Path onnx = Files.createDirectories(dir.resolve("model").resolve("onnx"));
        Files.createSymbolicLink(onnx.resolve("model.onnx"), unreadable);
        MainTest.Run model = run("next", "--model", onnx.getParent().toString(), "--prompt", PROMPT);
        assertEquals(2, model.status(), model.err());
        assertTrue(
                model.err()
                        .startsWith("tempered next: permission denied reading "
                                + onnx.resolve("model.onnx").toAbsolutePath()),
                model.err());
    }

    /** NaN from the model is the model's fault, and said so, not advice about typing logits. */
    @Test
    void nanLogitsFromTheModelSayTheModelIsBroken(@TempDir Path dir) throws IOException {
        Path folder = SyntheticGpt2.write(dir, SyntheticGpt2.Layout.MODEL, SyntheticGpt2.Shape.SMALL, 7, true);
        Path weights = folder.resolve(SyntheticGpt2.Layout.MODEL.file + "_data");
        ByteBuffer nan = ByteBuffer.allocate((int) Files.size(weights)).order(ByteOrder.LITTLE_ENDIAN);
        while (nan.remaining() >= Float.BYTES) {
            nan.putFloat(Float.NaN);
        }
        Files.write(weights, nan.array());
        for (String command : List.of("next", "generate")) {
            MainTest.Run run = run(command, "--model", folder.toString(), "--prompt", PROMPT);
            assertEquals(3, run.status(), run.err());
            List<String> lines = run.err().lines().toList();
            assertEquals(command.equals("generate") ? 2 : 1, lines.size(), "the model that ran, then the failure");
            assertTrue(
                    lines.get(lines.size() - 1)
                            .startsWith(
                                    "tempered " + command + ": the model "
                                            + folder.resolve(SyntheticGpt2.Layout.MODEL.file)
                                            + " produced NaN as the logit"
                                            + " of token 0 (and 50256 more that are not finite); a working model never does, so the model file is damaged"),
                    run.err());
            assertFalse(run.err().contains("-Infinity"), run.err());
        }
    }
}
