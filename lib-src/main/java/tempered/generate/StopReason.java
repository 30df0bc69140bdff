package tempered.generate;

/** Why a sample stopped growing. */
public enum StopReason {
    /**
     * The model chose one of its stop tokens: GPT-2's {@code <|endoftext|>}, a chat model's {@code <|im_end|>}
     * ({@link Sample#stopToken} says which).
     */
    END_OF_TEXT,
    /** A token held a line break and the settings asked to stop there. */
    NEWLINE,
    /** The sample reached {@link GenerationSettings#maxNewTokens()}. */
    MAX_NEW_TOKENS,
    /** Prompt and sample filled the model's context (1,024 tokens for GPT-2). */
    CONTEXT_FULL
}
