package tempered.model;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import tempered.text.Gpt2Tokenizer;

/**
 * GPT-2 through ONNX Runtime: token ids in, next-token logits out, in any of the three export styles on the
 * Hugging Face hub ({@link ExportStyle}). An {@link OnnxModel} with GPT-2's tokenizer ({@link Gpt2Tokenizer},
 * exactly GPT-2's ids), its end of text as the one stop token, and its 1,024 positions when no config.json says.
 *
 * <p>The sizes (layers, heads, head size, vocabulary) are read from the session's input and output shapes,
 * so any GPT-2 size loads; a vocabulary other than GPT-2's 50,257 tokens is refused. Generation goes through a
 * {@link KvCache}, which owns the keys and values between steps. The model is safe to share between threads as
 * long as each thread uses its own cache (ONNX Runtime sessions run concurrently); a cache itself refuses
 * concurrent use. It leaves out fp16 exports and attention sinks.
 *
 * <pre>{@code
 * try (Gpt2Model gpt2 = Gpt2Model.open(Path.of("models/gpt2"))) {
 *     float[] logits = gpt2.nextLogits(Gpt2Tokenizer.encode("The cat sat on the"));
 *     Gpt2Tokenizer.token(Logits.argmax(logits));   // the likeliest next token, with its leading space
 * }
 * }</pre>
 *
 * @see <a href="https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf">Radford et al., 2019</a>
 */
public final class Gpt2Model extends OnnxModel {
    /** What GPT-2 fixes: its name, tokenizer and end of text, GPT-2's download command, 1,024 positions. */
    private static final Setup GPT2 = new Setup(
            "GPT-2",
            Architecture.GPT2,
            Gpt2Tokenizer.get(),
            null,
            Set.of(Gpt2Tokenizer.END_OF_TEXT),
            Optional.empty(),
            ModelFolder.DOWNLOAD_COMMAND,
            // GPT-2 saw 1,024 positions; the ONNX file does not say, config.json does.
            1024);

    private Gpt2Model(Path file, OrtSession session, ModelConfig config) throws OrtException {
        super(file, session, config, GPT2);
    }

    /**
     * Loads a model folder (Hugging Face layout) or an .onnx decoder file.
     *
     * @throws ModelNotFoundException when there is no decoder there, or it cannot be loaded
     * @throws IllegalArgumentException when it is not a GPT-2 decoder, or this user may not read it
     */
    public static Gpt2Model open(Path path) {
        Path file = ModelFolder.decoder(path);
        ModelConfig config = ModelConfig.read(ModelFolder.folderOf(file));
        ModelFolder.requireReadable(file);
        return open(file, config, GPT2, Gpt2Model::new);
    }
}
