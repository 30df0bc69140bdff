package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.ModelNotFoundException;
import tempered.model.synthetic.SyntheticGpt2;

class NotebookModelTest {

    @Test
    void withoutTheModelTheFirstCellSaysSoAndHowToFetchIt(@TempDir Path emptyCache) {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> NotebookModel.locate(Map.of("HF_HUB_CACHE", emptyCache.toString())));
        String message = e.getMessage();
        assertTrue(message.startsWith("GPT-2 is not on this machine yet, so this notebook cannot run.\n\n"
                + "In a terminal, in the project folder, run once (about 655 MB):\n\n    java -jar target/tempered.jar download\n\n"), message);
        assertTrue(message.contains("Models.download()"), message);
        assertTrue(message.contains(emptyCache.resolve("models--openai-community--gpt2").toString()), "says where it looked: " + message);
    }

    @Test
    void findsAModelNamedByTheEnvironment(@TempDir Path folder) {
        Path model = SyntheticGpt2.write(folder, SyntheticGpt2.Layout.MODEL);
        assertEquals(model, NotebookModel.locate(Map.of("TEMPERED_MODEL_DIR", model.toString())));
        ModelNotFoundException wrong = assertThrows(ModelNotFoundException.class,
                () -> NotebookModel.locate(Map.of("TEMPERED_MODEL_DIR", folder.resolve("nope").toString())));
        assertTrue(wrong.getMessage().contains("TEMPERED_MODEL_DIR=" + folder.resolve("nope") + " does not exist"), wrong.getMessage());
    }
}
