package tempered.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelConfigTest {

    @Test
    void readsGpt2sTopLevelSizesOnly() {
        ModelConfig config = ModelConfig.parse(
                "{\"n_layer\": 12, \"n_head\": 12, \"n_embd\": 768, \"n_ctx\": 1024,"
                        + " \"vocab_size\": 50257, \"task_specific_params\": {\"n_positions\": 7}, \"architectures\": [\"GPT2LMHeadModel\"]}");
        assertEquals(OptionalInt.of(12), config.layers());
        assertEquals(OptionalInt.of(768), config.embedding());
        assertEquals(OptionalInt.of(1024), config.contextLength(), "n_ctx when there is no top-level n_positions");
        assertEquals(OptionalInt.of(50257), config.vocabulary());
        assertEquals(
                OptionalInt.of(64),
                ModelConfig.parse("{\"n_ctx\": 1024, \"n_positions\": 64.0}").contextLength());
        assertEquals(ModelConfig.NONE, ModelConfig.parse("{\"n_layer\": null}"));
    }

    /** What a hand-written reader got wrong: each is refused with a message, never an exception of another kind. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\": \"abc\\", "{\"a\": \"\\u12\"}", "{\"a\": 01}", "{\"a\": +1}", "{\"a\": .5}",
                        "{\"a\": \"\\q\"}",
                "{\"a\": \"two\nlines\"}", "{\"n_layer\": 12,", "{\"n_layer\": 12} {}", "[12]", "",
                        "{\"n_layer\": 1, \"n_layer\": 2}",
                "{\"n_layer\": 1.5}", "{\"n_head\": -12}", "{\"n_embd\": \"768\"}", "{\"n_ctx\": 1e12}",
                        "{'n_layer': 12}", "{n_layer: 12}",
                "{\"n_layer\": 12,}", "{\"n_layer\": NaN}"
            })
    void malformedOrInvalidJsonIsRefusedWithAMessage(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse(json));
        assertTrue(
                e.getMessage() != null
                        && !e.getMessage().isBlank()
                        && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    @Test
    void messagesSayWhatAndWhere() {
        assertEquals(
                "malformed JSON at line 1, column 8: Invalid numeric value: Leading zeroes not allowed",
                assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("{\"a\": 01}"))
                        .getMessage());
        assertEquals(
                "n_layer is 1.5, not a positive whole number",
                assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("{\"n_layer\": 1.5}"))
                        .getMessage());
        assertEquals(
                "it must hold a JSON object, like the one Hugging Face writes",
                assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse("[12]"))
                        .getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.parse(deep));
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void aBrokenConfigNamesTheFileAndHowToRefetch(@TempDir Path dir) throws IOException {
        for (String broken :
                new String[] {"{\"n_layer\": 12,", "{\"a\": \"abc\\", "{\"a\": \"\\u12\"}", "\u0000\u00ff"}) {
            Files.writeString(dir.resolve("config.json"), broken);
            ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> ModelConfig.read(dir));
            assertTrue(
                    e.getMessage()
                            .startsWith(dir.resolve("config.json").toAbsolutePath() + " is not a usable config.json ("),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith(
                                    "); delete it and fetch the model again with: java -jar target/tempered.jar download"),
                    e.getMessage());
        }
        Files.write(dir.resolve("config.json"), new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'});
        assertTrue(assertThrows(ModelNotFoundException.class, () -> ModelConfig.read(dir))
                .getMessage()
                .contains("(not UTF-8 text)"));
        assertEquals(ModelConfig.NONE, ModelConfig.read(dir.resolve("absent")));
    }

    /**
     * Permission denied, even for root (who reads any file whatever its mode): config.json is a link to a
     * kernel file that nobody may read.
     */
    @Test
    void anUnreadableConfigSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path unreadable = Unreadable.file();
        Files.createSymbolicLink(dir.resolve("config.json"), unreadable);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(dir));
        assertEquals(
                "permission denied reading " + dir.resolve("config.json").toAbsolutePath()
                        + "; make it readable (chmod a+r "
                        + dir.resolve("config.json").toAbsolutePath() + ") or copy the model to a folder you own",
                e.getMessage());
    }
}
