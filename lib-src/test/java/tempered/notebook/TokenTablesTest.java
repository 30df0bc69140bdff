package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tempered.model.synthetic.SyntheticTokenizer;
import tempered.text.HubTokenizer;

/** The token tables label any model's tokens with its own tokenizer: here the tests' 296-token BPE. */
class TokenTablesTest {
    @TempDir
    static Path folder;

    private static HubTokenizer tiny;

    @BeforeAll
    static void open() {
        SyntheticTokenizer.write(folder, SyntheticTokenizer.NATURAL_SIZE);
        tiny = HubTokenizer.open(folder, "tiny");
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    /** Ids 265, 271 and 291 are " cat", " mat" and " Nepal" in the tiny vocabulary (SyntheticTokenizer's merges). */
    @Test
    void nextTokensLabelsRowsWithTheModelsOwnTokens() {
        float[] logits = new float[SyntheticTokenizer.NATURAL_SIZE];
        Arrays.fill(logits, -20);
        logits[265] = 3;
        logits[271] = 2;
        logits[291] = 1;
        Table table = TokenTables.nextTokens(tiny, logits, 3, 1.0);
        assertEquals(
                List.of("\" cat\"", "\" mat\"", "\" Nepal\""),
                table.stringColumn("token").asList());
        assertEquals(List.of(265, 271, 291), table.intColumn("id").asList());
        assertEquals(List.of("\" cat\"", "\"<|im_end|>\""), TokenTables.labels(tiny, 265, 2));
    }

    @Test
    void logitsOfAnotherVocabularyAreRefusedNamingTheTokenizersSize() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> TokenTables.nextTokens(tiny, new float[50_257], 5, 1.0));
        assertEquals(
                "TokenTables.nextTokens: there are 50,257 logits, but it labels rows with the tokenizer's tokens and"
                        + " needs its 296 (one per token); for logits of your own, use Tables.probabilities(labels,"
                        + " logits, temperatures)",
                e.getMessage());
    }
}
