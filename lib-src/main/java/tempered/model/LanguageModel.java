package tempered.model;

import tempered.text.Gpt2Tokenizer;
import tempered.text.Tokenizer;

/**
 * Anything that gives next-token logits: GPT-2 itself ({@link Gpt2Model}), GPT-2's recorded answers for a few
 * prompts, or a small model trained in a notebook. {@code tempered.generate.Generator} writes text with any
 * of them.
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
     * sequence; GPT-2 overrides it with its {@link KvCache}.
     */
    default Decoder newDecoder(int batch) {
        return new RecomputingDecoder(this, batch);
    }
}
