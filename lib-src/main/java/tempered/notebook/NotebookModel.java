package tempered.notebook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tempered.model.Gpt2Model;
import tempered.model.ModelNotFoundException;
import tempered.hub.ModelSpec;
import tempered.hub.Models;

/**
 * GPT-2 for a notebook's first cell: the model when this machine has it, else a message that says so and
 * how to fetch it, instead of a stack trace.
 */
public final class NotebookModel {
    private NotebookModel() {
    }

    /** Opens GPT-2 from {@code TEMPERED_MODEL_DIR} or the Hugging Face cache; never downloads. */
    public static Gpt2Model open() {
        return Gpt2Model.open(locate(System.getenv()));
    }

    static Path locate(Map<String, String> environment) {
        try {
            return Models.locate(List.of(ModelSpec.GPT2, ModelSpec.GPT2_INT8), environment);
        } catch (ModelNotFoundException e) {
            throw new ModelNotFoundException(absent(e.getMessage()));
        }
    }

    static String absent(String detail) {
        return "GPT-2 is not on this machine yet, so this notebook cannot run.\n\n"
                + "In a terminal, in the project folder, run once (about 655 MB):\n\n"
                + "    " + Models.DOWNLOAD_COMMAND + "\n\n"
                + "(or '" + Models.DOWNLOAD_COMMAND + " --variant int8' for a 128 MB version with slightly different numbers),\n"
                + "or run Models.download() in a new cell here. Then run this cell again.\n\n" + detail;
    }
}
