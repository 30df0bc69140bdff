package tempered.model;

/**
 * The three ways GPT-2 is exported to ONNX on the Hugging Face hub, as far as running it is concerned.
 *
 * <p>It leaves out encoder-decoder and fp16 exports, which Tempered does not run.
 */
public enum ExportStyle {
    /** Optimum 1.14+ {@code model.onnx}: past inputs always fed, a zero-length past on the first step. */
    WITH_PAST("keeps keys and values between steps"),
    /** A merged decoder: past inputs plus a {@code use_cache_branch} flag that says whether to use them. */
    MERGED("keeps keys and values between steps, merged decoder"),
    /** {@code decoder_model.onnx}: no past inputs, so every step recomputes the whole sequence. */
    NO_PAST("recomputes every step, no past inputs");

    private final String description;

    ExportStyle(String description) {
        this.description = description;
    }

    /** True when the model can keep keys and values between steps. */
    public boolean caches() {
        return this != NO_PAST;
    }

    @Override
    public String toString() {
        return description;
    }
}
