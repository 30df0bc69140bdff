package tempered.model;

import java.util.Optional;
import java.util.Set;
import tempered.chat.ChatTemplate;
import tempered.text.Gpt2Tokenizer;
import tempered.text.Tokenizer;

/**
 * Anything that gives next-token logits: an ONNX export ({@link OnnxModel}: GPT-2, SmolLM2), GPT-2's recorded
 * answers for a few prompts, or a small model trained in a notebook. {@code tempered.generate.Generator} writes
 * text with any of them.
 */
public interface LanguageModel {

    /** The logits (one per token id) for the token after {@code tokens}. */
    float[] nextLogits(int... tokens);

    /** How many positions the model sees at most, the prompt included. */
    int contextLength();

    /** How text becomes this model's token ids and back; GPT-2's byte-level BPE unless a model says otherwise. */
    default Tokenizer tokenizer() {
        return Gpt2Tokenizer.get();
    }

    /**
     * A decoder for {@code batch} sequences that grow together. This default recomputes each step from the whole
     * sequence; ONNX models override it with their {@link KvCache}.
     */
    default Decoder newDecoder(int batch) {
        return new RecomputingDecoder(this, batch);
    }

    /** What to call the model in a table or a line of output, such as {@code GPT-2} or a hub repository's name. */
    default String name() {
        return toString();
    }

    /** How many token ids the model scores: the length of {@link #nextLogits}. */
    default int vocabularySize() {
        return tokenizer().vocabularySize();
    }

    /**
     * The tokens that end a sample: the model's end-of-text token by default; a chat model's end of turn
     * ({@code <|im_end|>}) and any others its {@code generation_config.json} names.
     */
    default Set<Integer> stopTokens() {
        return tokenizer().endOfText().isPresent()
                ? Set.of(tokenizer().endOfText().getAsInt())
                : Set.of();
    }

    /** How a conversation becomes this model's prompt, for a chat model; empty for a base model. */
    default Optional<ChatTemplate> chatTemplate() {
        return Optional.empty();
    }
}
