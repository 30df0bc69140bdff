package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tempered.cli.MainTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.hub.FakeHub;
import tempered.model.OnnxModel;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticLlama.Precision;
import tempered.sampling.SamplerSettings;

/**
 * {@code next}, {@code generate} and {@code download} on SmolLM2's repositories, end to end: a hub on loopback
 * serves them in the hub's layout, holding the tests' tiny Llama models with their own tokenizer and chat template
 * ({@link TinySmolLm2}), and the commands fetch, verify and run them as they would the real ones.
 */
class SmolLm2CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The tiny template's rendering of one user message, ready for the answer (SyntheticTokenizer.CHAT_TEMPLATE). */
    private static final String NEPAL_CHAT = "<|im_start|>system\nYou are a tiny test model.<|im_end|>\n"
            + "<|im_start|>user\nWrite about Nepal<|im_end|>\n<|im_start|>assistant\n";

    @TempDir
    static Path built;

    @TempDir
    Path cache;

    FakeHub hub;

    @BeforeAll
    static void build() {
        TinySmolLm2.build(built);
    }

    @BeforeEach
    void serve() throws IOException {
        hub = new FakeHub();
        TinySmolLm2.serve(hub, built);
        System.setProperty("HF_HUB_CACHE", cache.toString());
        System.setProperty("HF_ENDPOINT", hub.endpoint());
    }

    @AfterEach
    void stop() {
        System.clearProperty("HF_HUB_CACHE");
        System.clearProperty("HF_ENDPOINT");
        System.clearProperty("HF_HUB_OFFLINE");
        hub.close();
    }

    /**
     * --chat turns the prompt into a user's message through the model's own template, so the model reads its
     * markers as the special tokens they are; the answer is what the library writes from the same prompt.
     */
    @Test
    void generateChatsWithTheInstructModelThroughItsTemplate() throws Exception {
        MainTest.Run run = run(chat("Write about Nepal", "--temperature", "0", "--max-new-tokens", "12", "--json"));
        assertEquals(0, run.status(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(TinySmolLm2.INSTRUCT, json.get("model").get("name").asText());
        assertEquals("onnx/model.onnx", json.get("model").get("file").asText());
        assertTrue(json.get("model").get("randomWeights").asBoolean());
        assertEquals("user", json.get("messages").get(0).get("role").asText());
        assertEquals(
                "Write about Nepal", json.get("messages").get(0).get("content").asText());
        assertEquals(NEPAL_CHAT, json.get("prompt").asText());
        int[] ids = JSON.convertValue(json.get("tokenIds"), int[].class);
        assertEquals(1, ids[0], "<|im_start|> is one special token, id 1");
        assertEquals(2, java.util.Arrays.stream(ids).filter(id -> id == 2).count(), "two <|im_end|>, id 2");
        try (OnnxModel local = OnnxModel.open(built.resolve("instruct"))) {
            Generation alone = new Generator(local)
                    .generate(NEPAL_CHAT, SamplerSettings.of(0).temperatureFirst(), GenerationSettings.of(12));
            assertArrayEquals(alone.promptIds(), ids);
            assertArrayEquals(
                    alone.sample().tokenIds(),
                    JSON.convertValue(json.get("samples").get(0).get("tokenIds"), int[].class));
            assertEquals(
                    alone.sample().text(),
                    json.get("samples").get(0).get("text").asText());
        }

        MainTest.Run streamed = run(chat("Write about Nepal", "--temperature", "0", "--max-new-tokens", "12"));
        assertEquals(0, streamed.status(), streamed.err());
        assertEquals(json.get("samples").get(0).get("text").asText() + "\n", streamed.out(), "the answer alone");
        assertEquals(
                "model: HuggingFaceTB/SmolLM2-135M-Instruct, onnx/model.onnx (28,064 parameters; random weights, a"
                        + " stand-in whose text means nothing)\n",
                streamed.err(),
                "the model and file that ran, and nothing downloaded again");
    }

    /** The first run fetches the model with its companions, saying so; the stream ends as the JSON's text. */
    @Test
    void theFirstRunDownloadsAndSaysWhichModelAndFileRan() throws Exception {
        MainTest.Run run = run(chat("Hi", "--max-new-tokens", "5"));
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(
                lines.get(0).startsWith("the model is not on this machine yet; downloading onnx/model.onnx (")
                        && lines.get(0).endsWith(" into the Hugging Face cache, once"),
                run.err());
        assertEquals(
                "model: HuggingFaceTB/SmolLM2-135M-Instruct, onnx/model.onnx (28,064 parameters; random weights, a"
                        + " stand-in whose text means nothing)",
                lines.get(lines.size() - 1),
                run.err());
        Path snapshot = cache.resolve("models--HuggingFaceTB--SmolLM2-135M-Instruct/snapshots/" + FakeHub.COMMIT);
        for (String file :
                List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json")) {
            assertTrue(Files.isRegularFile(snapshot.resolve(file)), file);
        }
    }

    /** --variant picks the repository's file in that precision; each runs as the library runs the file itself. */
    @Test
    void variantsRunTheInt8And4BitFiles() throws Exception {
        for (Precision precision : Precision.values()) {
            String variant = switch (precision) {
                case FLOAT32 -> "fp32";
                case INT8 -> "int8";
                case Q4 -> "q4";
            };
            MainTest.Run run = run(
                    "next",
                    "--model",
                    TinySmolLm2.INSTRUCT,
                    "--variant",
                    variant,
                    "--prompt",
                    "The cat sat on the",
                    "--top",
                    "3",
                    "--json");
            assertEquals(0, run.status(), run.err());
            JsonNode json = JSON.readTree(run.out());
            assertEquals(precision.file, json.get("model").get("file").asText());
            try (OnnxModel local = OnnxModel.open(built.resolve("instruct").resolve(precision.file))) {
                float[] logits = local.nextLogits(local.tokenizer().encode("The cat sat on the"));
                JsonNode first = json.get("results").get(0).get("top").get(0);
                assertEquals(
                        tempered.math.Logits.argmax(logits), first.get("id").asInt(), variant);
                assertEquals(
                        local.tokenizer().token(first.get("id").asInt()),
                        first.get("token").asText(),
                        "tokens are the model's own");
            }
        }
    }

    /**
     * The model's stop tokens (its generation_config.json's end of turn and end of text, ids 2 and 0) end a sample
     * and are not part of its text. Near-uniform draws over 296 tokens hit one within 60 tokens about a third of
     * the time, so some of 24 samples stop so and the others run to the limit.
     */
    @Test
    void stopTokensEndASampleAndAreNeitherTextNorPrinted() throws Exception {
        MainTest.Run run = run(chat(
                "Hi", "--temperature", "50", "--max-new-tokens", "60", "--samples", "24", "--seed", "100", "--json"));
        assertEquals(0, run.status(), run.err());
        int stopped = -1;
        JsonNode samples = JSON.readTree(run.out()).get("samples");
        for (int i = 0; i < samples.size(); i++) {
            JsonNode sample = samples.get(i);
            int[] ids = JSON.convertValue(sample.get("tokenIds"), int[].class);
            String text = sample.get("text").asText();
            assertFalse(text.contains("<|im_end|>") || text.contains("<|endoftext|>"), text);
            if (sample.get("stop").asText().equals("end_of_text")) {
                assertTrue(Set.of(0, 2).contains(ids[ids.length - 1]), "sample " + i + " ends on a stop token");
                stopped = i;
            } else {
                assertEquals("max_new_tokens", sample.get("stop").asText());
                assertEquals(60, ids.length);
                assertFalse(java.util.Arrays.stream(ids).anyMatch(id -> id == 0 || id == 2), "sample " + i);
            }
        }
        assertTrue(stopped >= 0, "no sample of 24 met a stop token: " + run.out());
        MainTest.Run streamed = run(
                chat("Hi", "--temperature", "50", "--max-new-tokens", "60", "--seed", Integer.toString(100 + stopped)));
        assertEquals(
                TerminalText.visible(samples.get(stopped).get("text").asText()) + "\n",
                streamed.out(),
                "the stream is the sample's text, its control characters escaped");
    }

    /** {@code tempered generate} with the instruct model and {@code --chat} on {@code prompt}, then {@code options}. */
    private static String[] chat(String prompt, String... options) {
        List<String> args = new java.util.ArrayList<>(
                List.of("generate", "--model", TinySmolLm2.INSTRUCT, "--chat", "--prompt", prompt));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    @Test
    void chatIsRefusedInOneLineForAModelWithoutATemplate(@TempDir Path gpt2) {
        SyntheticGpt2.write(gpt2, SyntheticGpt2.Layout.MODEL);
        for (String command : List.of("next", "generate")) {
            MainTest.Run run = run(command, "--model", gpt2.toString(), "--chat", "--prompt", "Hi");
            assertEquals(2, run.status(), run.err());
            assertEquals(
                    "tempered " + command + ": --chat puts the prompt through the model's chat template, but GPT-2"
                            + " has none (a base model: no chat_template in a tokenizer_config.json beside it); leave"
                            + " out --chat, or use a chat model such as --model HuggingFaceTB/SmolLM2-135M-Instruct\n",
                    run.err());
            assertEquals("", run.out());
        }
    }

    /**
     * The base model keeps its weights in onnx/model.onnx_data: download fetches, verifies and keeps it beside the
     * decoder, with the companions; then the model runs offline.
     */
    @Test
    void downloadFetchesTheBaseModelWithItsWeightsAndCompanionsThenItRunsOffline() throws Exception {
        MainTest.Run download = run("download", "--model", TinySmolLm2.BASE);
        assertEquals(0, download.status(), download.err());
        Path decoder = Path.of(download.out().strip());
        Path snapshot = cache.resolve("models--onnx-community--SmolLM2-135M-ONNX/snapshots/" + FakeHub.COMMIT);
        assertEquals(snapshot.resolve("onnx/model.onnx"), decoder);
        for (String file : List.of(
                "onnx/model.onnx_data",
                "config.json",
                "generation_config.json",
                "tokenizer.json",
                "tokenizer_config.json")) {
            assertArrayEquals(
                    Files.readAllBytes(built.resolve("base").resolve(file)),
                    Files.readAllBytes(snapshot.resolve(file)),
                    file);
        }
        assertEquals(0, run("download", "--model", TinySmolLm2.BASE, "--check").status());
        System.setProperty("HF_HUB_OFFLINE", "1");
        MainTest.Run generate = run("generate", "--model", TinySmolLm2.BASE, "--prompt", "The cat", "--seed", "3");
        assertEquals(0, generate.status(), generate.err());
        assertTrue(generate.out().startsWith("The cat"), generate.out());
        MainTest.Run q4 = run("download", "--model", TinySmolLm2.INSTRUCT, "--variant", "q4", "--check");
        assertEquals(3, q4.status(), "not fetched: " + q4.out());
    }

    @Test
    void theInstructModelsQuantizedFileDownloadsByItsVariant() throws Exception {
        MainTest.Run download = run("download", "--model", TinySmolLm2.INSTRUCT, "--variant", "q4");
        assertEquals(0, download.status(), download.err());
        assertTrue(download.out().strip().endsWith("onnx/model_q4.onnx"), download.out());
        assertTrue(
                download.err()
                        .startsWith("downloading HuggingFaceTB/SmolLM2-135M-Instruct@main onnx/model_q4.onnx (about"
                                + " 200 MB)"),
                download.err());
        assertEquals(
                0,
                run("download", "--model", TinySmolLm2.INSTRUCT, "--variant", "q4", "--check")
                        .status());
    }

    @Test
    void aVariantThatIsNotThereIsBadInputInOneLine() {
        for (String[] args : List.of(
                new String[] {"--variant", "fp16"},
                new String[] {"--variant", "q4", "--file", "onnx/model.onnx"},
                new String[] {"--variant", "q4", "--model", "someone/else"})) {
            List<String> line = new java.util.ArrayList<>(List.of("next", "--prompt", "Hi"));
            if (!List.of(args).contains("--model")) {
                line.addAll(List.of("--model", TinySmolLm2.INSTRUCT));
            }
            line.addAll(List.of(args));
            MainTest.Run run = run(line.toArray(String[]::new));
            assertEquals(2, run.status(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
        }
        assertEquals(
                "tempered next: unknown variant 'fp16' of HuggingFaceTB/SmolLM2-135M-Instruct; use one of [fp32, int8,"
                        + " q4]\n",
                run("next", "--prompt", "Hi", "--model", TinySmolLm2.INSTRUCT, "--variant", "fp16")
                        .err());
        assertEquals(
                "tempered generate: --variant and --file both name the file to run; pass one of them\n",
                run("generate", "--prompt", "Hi", "--variant", "int8", "--file", "onnx/model.onnx")
                        .err());
    }
}
