package tempered.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.ModelNotFoundException;
import tempered.model.OnnxModel;
import tempered.model.synthetic.SyntheticLlama;

/**
 * Which files a model has: a decoder whose weights sit in an external data file is fetched, checked and kept with
 * it, with the files a model other than GPT-2 needs beside it (config, generation config, tokenizer), from a hub on
 * loopback; and the SmolLM2 repositories Tempered knows.
 */
class ModelFilesTest {
    private static final String REPO = "someone/tiny-llama";
    private static final List<String> FILES = List.of(
            "onnx/model.onnx",
            "onnx/model.onnx_data",
            "config.json",
            "generation_config.json",
            "tokenizer.json",
            "tokenizer_config.json");

    @TempDir
    Path cacheRoot;

    @TempDir
    Path source;

    FakeHub hub;
    Map<String, String> settings;

    @BeforeEach
    void start() throws IOException {
        SyntheticLlama.write(source, SyntheticLlama.Shape.TINY, 7, SyntheticLlama.Precision.FLOAT32, true);
        hub = new FakeHub();
        for (String file : FILES) {
            hub.file(REPO, file, Files.readAllBytes(source.resolve(file)));
        }
        settings = Map.of("HF_HUB_CACHE", cacheRoot.toString(), "HF_ENDPOINT", hub.endpoint());
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aDecoderIsFetchedWithItsDataFileAndTheFilesBesideIt() throws IOException {
        Path file = Models.fetch(REPO, null, null, settings, DownloadProgress.NONE);
        Path snapshot = file.getParent().getParent();
        for (String name : FILES) {
            assertArrayEquals(
                    Files.readAllBytes(source.resolve(name)), Files.readAllBytes(snapshot.resolve(name)), name);
        }
        try (OnnxModel fetched = OnnxModel.open(file);
                OnnxModel original = OnnxModel.open(source)) {
            int[] prompt = original.tokenizer().encode("The cat sat");
            assertArrayEquals(original.nextLogits(prompt), fetched.nextLogits(prompt));
            assertEquals(REPO, fetched.name(), "a cache snapshot is called by its repository");
        }
        long requests = hub.requests.size();
        assertEquals(file, Models.fetch(REPO, null, null, settings, DownloadProgress.NONE));
        assertEquals(requests, hub.requests.size(), "all of it found in the cache, without the network");
    }

    /** A decoder without its data file cannot run: a download notices, and fetches it again. */
    @Test
    void aMissingDataFileIsFetchedAgainOrNamedOffline() throws IOException {
        Path file = Models.fetch(REPO, null, null, settings, DownloadProgress.NONE);
        Path data = file.resolveSibling("model.onnx_data");
        Files.delete(data);
        Map<String, String> offline = Map.of("HF_HUB_CACHE", cacheRoot.toString(), "HF_HUB_OFFLINE", "1");
        ModelNotFoundException e = assertThrows(
                ModelNotFoundException.class,
                () -> Models.fetch(REPO, "onnx/model.onnx", null, offline, DownloadProgress.NONE));
        assertTrue(
                e.getMessage().startsWith("the cached someone/tiny-llama/onnx/model.onnx lacks onnx/model.onnx_data,"),
                e.getMessage());
        assertEquals(file, Models.fetch(REPO, null, null, settings, DownloadProgress.NONE));
        assertArrayEquals(Files.readAllBytes(source.resolve("onnx/model.onnx_data")), Files.readAllBytes(data));
    }

    /** A data file the hub does not have fails the download, naming it; nothing is half kept where the loader looks. */
    @Test
    void aDataFileTheHubLacksFailsTheDownload() throws IOException {
        assertDownloadFailsWithout(REPO, "onnx/model.onnx_data");
    }

    /** SmolLM2 cannot run without its tokenizer: its repositories require it; an unknown one only takes it if there. */
    @Test
    void smolLm2sTokenizerIsRequired() throws IOException {
        assertDownloadFailsWithout(ModelSpec.SMOLLM2_INSTRUCT.repo(), "tokenizer.json");
    }

    /** Fetching {@code repo} from a hub that has every one of {@link #FILES} but {@code missing} fails, naming it. */
    private void assertDownloadFailsWithout(String repo, String missing) throws IOException {
        try (FakeHub partial = new FakeHub()) {
            for (String file : FILES) {
                if (!file.equals(missing)) {
                    partial.file(repo, file, Files.readAllBytes(source.resolve(file)));
                }
            }
            Map<String, String> elsewhere =
                    Map.of("HF_HUB_CACHE", cacheRoot.toString(), "HF_ENDPOINT", partial.endpoint());
            DownloadException e = assertThrows(
                    DownloadException.class, () -> Models.fetch(repo, null, null, elsewhere, DownloadProgress.NONE));
            assertTrue(e.getMessage().contains(missing), e.getMessage());
        }
    }

    @Test
    void theSmolLm2RepositoriesAndTheirVariants() {
        assertEquals(
                "onnx/model.onnx",
                ModelSpec.variant("HuggingFaceTB/SmolLM2-135M-Instruct", "fp32").file());
        assertEquals(
                654_000_000L,
                ModelSpec.variant("HuggingFaceTB/SmolLM2-135M-Instruct", "fp32").approximateBytes());
        assertEquals(ModelSpec.SMOLLM2_INSTRUCT_Q4, ModelSpec.variant("HuggingFaceTB/SmolLM2-135M-Instruct", "Q4"));
        assertEquals(ModelSpec.SMOLLM2_INT8, ModelSpec.variant("onnx-community/SmolLM2-135M-ONNX", "int8"));
        assertEquals(ModelSpec.GPT2_INT8, ModelSpec.variant("openai-community/gpt2", "int8"));
        assertEquals(ModelSpec.SMOLLM2, ModelSpec.ofRepo("onnx-community/SmolLM2-135M-ONNX"));
        assertEquals(
                List.of(
                        "onnx/model.onnx",
                        "onnx/model.onnx_data",
                        "config.json",
                        "generation_config.json",
                        "tokenizer.json",
                        "tokenizer_config.json"),
                ModelSpec.SMOLLM2.files());
        assertEquals(List.of("onnx/decoder_model_merged.onnx", "config.json"), ModelSpec.GPT2.files());
        assertEquals(List.of(), ModelSpec.ofRepo(REPO).requiredCompanions());
        assertEquals(
                "unknown variant 'fp16' of HuggingFaceTB/SmolLM2-135M-Instruct; use one of [fp32, int8, q4]",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ModelSpec.variant("HuggingFaceTB/SmolLM2-135M-Instruct", "fp16"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.variant(REPO, "q4"))
                .getMessage()
                .endsWith("not of someone/tiny-llama; name its file with --file"));
        assertEquals(
                "java -jar target/tempered.jar download --model HuggingFaceTB/SmolLM2-135M-Instruct --file onnx/model_q4.onnx",
                ModelSpec.SMOLLM2_INSTRUCT_Q4.downloadCommand());
    }
}
