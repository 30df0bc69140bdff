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

class Gpt2ConfigTest {

    @Test
    void readsGpt2sTopLevelSizesOnly() {
        Gpt2Config config = Gpt2Config.parse("{\"n_layer\": 12, \"n_head\": 12, \"n_embd\": 768, \"n_ctx\": 1024,"
                + " \"vocab_size\": 50257, \"task_specific_params\": {\"n_positions\": 7}}");
        assertEquals(OptionalInt.of(12), config.layers());
        assertEquals(OptionalInt.of(768), config.embedding());
        assertEquals(OptionalInt.of(1024), config.contextLength(), "n_ctx when there is no top-level n_positions");
        assertEquals(OptionalInt.of(50257), config.vocabulary());
        assertEquals(OptionalInt.empty(), Gpt2Config.parse("{\"n_layer\": 1.5}").layers());
    }

    @Test
    void aBrokenConfigNamesTheFileAndHowToRefetch(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("config.json"), "{\"n_layer\": 12,");
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> Gpt2Config.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("config.json").toAbsolutePath() + " is not a usable config.json (malformed JSON"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("fetch the model again with: java -jar target/tempered.jar download"), e.getMessage());
        assertEquals(Gpt2Config.NONE, Gpt2Config.read(dir.resolve("absent")));
    }
}
