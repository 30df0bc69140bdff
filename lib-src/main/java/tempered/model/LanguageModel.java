package tempered.model;

/**
 * Anything that gives next-token logits over GPT-2's vocabulary: GPT-2 itself ({@link Gpt2Model}) or GPT-2's
 * recorded answers for a few prompts ({@link RecordedGpt2}). Notebooks that only need one next-token
 * distribution work with either.
 */
public interface LanguageModel {

    /** The logits (one per token id, 50,257 of them) for the token after {@code tokens}. */
    float[] nextLogits(int... tokens);
}
