package tempered.notebook;

import java.nio.file.Path;
import tempered.model.synthetic.SyntheticLlama;
import tempered.model.synthetic.SyntheticTokenizer;

/**
 * The stand-ins notebook 11 runs against in the tests, where SmolLM2-135M and SmolLM2-135M-Instruct cannot be
 * downloaded: two tiny Llama-shaped models with random weights, a "base" and an "instruct" drawn from different
 * seeds, both with the tests' own tokenizer and ChatML chat template ({@link SyntheticTokenizer}). They go into two
 * folders that the notebook's setup, {@code smollm2.jsh}, is pointed at with the system properties
 * {@code tempered.smollm2.dir} and {@code tempered.smollm2.instruct.dir}: what a user does with the variables
 * {@code TEMPERED_SMOLLM2_DIR} and {@code TEMPERED_SMOLLM2_INSTRUCT_DIR}. Their config.json marks them as random
 * weights, so the notebook says a stand-in ran.
 */
final class SmolLM2StandIns {
    /**
     * Two layers, 4 query heads sharing 2 key/value heads, the tests' 296 tokens, and a context long enough for a chat
     * prompt and an 80-token answer.
     */
    static final SyntheticLlama.Shape SHAPE =
            new SyntheticLlama.Shape(2, 4, 2, 8, 64, SyntheticTokenizer.NATURAL_SIZE, 1024);

    static final long BASE_SEED = 21;
    static final long INSTRUCT_SEED = 22;
    static final String BASE_PROPERTY = "tempered.smollm2.dir";
    static final String INSTRUCT_PROPERTY = "tempered.smollm2.instruct.dir";

    private SmolLM2StandIns() {}

    /** Writes both stand-ins into {@code folder} and points the notebook's settings at them. */
    static void install(Path folder) {
        Path base = SyntheticLlama.write(
                folder.resolve("notebook-smollm2"), SHAPE, BASE_SEED, SyntheticLlama.Precision.FLOAT32, false);
        Path instruct = SyntheticLlama.write(
                folder.resolve("notebook-smollm2-instruct"),
                SHAPE,
                INSTRUCT_SEED,
                SyntheticLlama.Precision.FLOAT32,
                false);
        System.setProperty(BASE_PROPERTY, base.toString());
        System.setProperty(INSTRUCT_PROPERTY, instruct.toString());
    }

    /** The base stand-in's folder, once installed. */
    static Path base() {
        return Path.of(System.getProperty(BASE_PROPERTY));
    }

    /** The instruct stand-in's folder, once installed. */
    static Path instruct() {
        return Path.of(System.getProperty(INSTRUCT_PROPERTY));
    }
}
