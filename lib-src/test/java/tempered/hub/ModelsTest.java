package tempered.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.ModelNotFoundException;
import tempered.model.synthetic.SyntheticGpt2;

/** The one way to find a model: named by a path, a repository, TEMPERED_MODEL_DIR, or nothing. */
class ModelsTest {
    @TempDir
    Path work;

    @Test
    void withoutTheModelTheMessageIsShortAndSaysHowToFetchIt() {
        Path cache = work.resolve("empty");
        ModelNotFoundException e = assertThrows(
                ModelNotFoundException.class,
                () -> Models.locate(null, null, null, Map.of("HF_HUB_CACHE", cache.toString())));
        assertEquals(
                "GPT-2 is not on this machine yet. Fetch it once (about 655 MB) with ./lab download, or in the project folder with"
                        + " java -jar target/tempered.jar download (in a notebook: Models.download()); then run this again. Looked for"
                        + " TEMPERED_MODEL_DIR (not set) and in the Hugging Face cache at " + cache,
                e.getMessage());
    }

    @Test
    void aModelNamedByTheEnvironmentIsUsedAndTheSystemPropertyWins() {
        Path model = SyntheticGpt2.write(work.resolve("model"), SyntheticGpt2.Layout.MODEL);
        assertEquals(model, Models.locate(null, null, null, Map.of("TEMPERED_MODEL_DIR", model.toString())));
        assertEquals(
                model,
                Models.locate(
                        null,
                        null,
                        null,
                        Map.of("TEMPERED_MODEL_DIR", "/nope", "tempered.model.dir", model.toString())));
        Path file = model.resolve(SyntheticGpt2.Layout.MODEL.file);
        assertEquals(file, Models.locate(null, null, null, Map.of("TEMPERED_MODEL_DIR", file.toString())));
    }

    /** A wrong TEMPERED_MODEL_DIR is an error naming it, never skipped in favour of the cache or a download. */
    @Test
    void aTemperedModelDirThatHoldsNoModelIsAnErrorNamingIt() throws IOException {
        Path missing = work.resolve("nope");
        assertEquals(
                "TEMPERED_MODEL_DIR=" + missing + " does not exist; it must name a GPT-2 model folder (holding"
                        + " onnx/decoder_model_merged.onnx or another export) or an .onnx file. Fix it, or unset it to use the Hugging Face cache",
                message(Map.of("TEMPERED_MODEL_DIR", missing.toString())));
        Path empty = Files.createDirectories(work.resolve("empty"));
        assertEquals(
                "TEMPERED_MODEL_DIR=" + empty
                        + " holds no GPT-2 model: found no .onnx file. Looked for decoder_model_merged.onnx,"
                        + " model.onnx, decoder_with_past_model.onnx, decoder_model.onnx under onnx/ or at the top. Fix it, or unset it to use"
                        + " the Hugging Face cache",
                message(Map.of("TEMPERED_MODEL_DIR", empty.toString())));
        Path text = Files.writeString(work.resolve("notes.txt"), "hi");
        assertTrue(message(Map.of("TEMPERED_MODEL_DIR", text.toString()))
                .contains("holds no GPT-2 model: it is a file, not a folder"));
        assertEquals(
                "-Dtempered.model.dir=" + missing,
                message(Map.of("tempered.model.dir", missing.toString())).split(" ")[0]);
        // Not even when the download would be allowed.
        assertThrows(
                IllegalArgumentException.class,
                () -> Models.fetch(
                        null, null, null, Map.of("TEMPERED_MODEL_DIR", missing.toString()), DownloadProgress.NONE));
    }

    private static String message(Map<String, String> settings) {
        return assertThrows(IllegalArgumentException.class, () -> Models.locate(null, null, null, settings))
                .getMessage();
    }

    @Test
    void aNameThatIsNeitherAPathNorARepositoryIsBadInput() {
        assertEquals(
                "there is no folder or .onnx file at "
                        + Path.of("no-such/folder/x").toAbsolutePath() + ", and 'no-such/folder/x'"
                        + " is not a Hugging Face repository name (ORG/NAME); name a model folder, an .onnx file or a repository such as"
                        + " openai-community/gpt2",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Models.locate("no-such/folder/x", null, null, Map.of()))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Models.locate(" ", null, null, Map.of()))
                .getMessage()
                .startsWith("the model name is empty"));
        Path model = SyntheticGpt2.write(work.resolve("model"), SyntheticGpt2.Layout.MODEL);
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> Models.locate(model.toString(), "onnx/model.onnx", null, Map.of()))
                .getMessage()
                .contains("is a folder or file on this machine"));
    }

    @Test
    void aRepositoryNotInTheCacheSaysWhichCommandFetchesIt() {
        Path cache = work.resolve("empty");
        ModelNotFoundException e = assertThrows(
                ModelNotFoundException.class,
                () -> Models.locate(
                        "someone/tiny-gpt2", "onnx/model.onnx", "v2", Map.of("HF_HUB_CACHE", cache.toString())));
        assertEquals(
                "someone/tiny-gpt2 is not in the Hugging Face cache at " + cache.resolve("models--someone--tiny-gpt2")
                        + "; fetch it once with: java -jar target/tempered.jar download --model someone/tiny-gpt2 --file onnx/model.onnx"
                        + " --revision v2",
                e.getMessage());
    }

    @Test
    void candidatesFollowTheReadmesOrder() {
        List<ModelSpec> candidates = Models.candidates("someone/gpt2", null, null);
        assertEquals(
                List.of(
                        "onnx/decoder_model_merged.onnx",
                        "decoder_model_merged.onnx",
                        "onnx/model.onnx",
                        "model.onnx",
                        "onnx/decoder_with_past_model.onnx",
                        "decoder_with_past_model.onnx",
                        "onnx/decoder_model.onnx",
                        "decoder_model.onnx"),
                candidates.subList(0, 8).stream().map(ModelSpec::file).toList());
        assertEquals(
                ModelSpec.GPT2,
                Models.candidates("openai-community/gpt2", null, null).get(0),
                "with GPT-2's known sha256");
        assertEquals(Models.DEFAULTS, Models.candidates(null, null, null));
        assertEquals(
                List.of(ModelSpec.GPT2.withFile("onnx/model.onnx")), Models.candidates(null, "onnx/model.onnx", null));
    }
}
