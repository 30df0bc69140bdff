package tempered.model;

import java.util.Locale;

/**
 * The transformer designs Tempered runs, told apart by {@code config.json}'s {@code model_type}: what the ONNX
 * file's inputs and outputs do not say (how to count the parameters, which tokenizer a bare file uses).
 *
 * <p>It leaves out every other design (Qwen, Phi, Gemma...): their exports have the same inputs and outputs,
 * but a parameter count Tempered could not check; one more constant here and its count in {@link ModelInfo} is
 * all a new one needs.
 *
 * <pre>{@code
 * Architecture.of("llama") == Architecture.LLAMA;   // true
 * Architecture.of("qwen2");   // IllegalArgumentException: config.json says model_type "qwen2"; Tempered runs gpt2 and llama exports (GPT-2, SmolLM2)
 * }</pre>
 */
public enum Architecture {
    /** GPT-2: learned position embeddings, LayerNorm, GELU MLP, biases everywhere, as many key/value heads as heads. */
    GPT2("GPT-2", "gpt2"),
    /**
     * Llama (SmolLM2): rotary positions, RMSNorm, SwiGLU MLP, no biases, grouped-query attention (fewer key/value
     * heads than query heads).
     */
    LLAMA("Llama", "llama");

    private final String displayName;
    private final String modelType;

    Architecture(String displayName, String modelType) {
        this.displayName = displayName;
        this.modelType = modelType;
    }

    /** The design a {@code model_type} names. */
    public static Architecture of(String modelType) {
        for (Architecture architecture : values()) {
            if (architecture.modelType.equals(modelType == null ? "" : modelType.toLowerCase(Locale.ROOT))) {
                return architecture;
            }
        }
        throw new IllegalArgumentException("config.json says model_type \"" + modelType
                + "\"; Tempered runs gpt2 and llama exports (GPT-2, SmolLM2)");
    }

    /** {@code config.json}'s name for it: {@code gpt2}, {@code llama}. */
    public String modelType() {
        return modelType;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
