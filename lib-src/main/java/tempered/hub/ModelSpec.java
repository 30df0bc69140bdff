package tempered.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tempered.model.ModelFolder;

/**
 * Which file of which Hugging Face repository is the model: repository, revision, the ONNX decoder's path in
 * it, and, when known, its sha256 and rough size.
 *
 * <pre>{@code
 * ModelSpec.GPT2;                          // openai-community/gpt2@main onnx/decoder_model_merged.onnx
 * ModelSpec.variant("int8");               // Xenova/gpt2@main onnx/decoder_model_merged_quantized.onnx
 * }</pre>
 */
public record ModelSpec(String repo, String revision, String file, String sha256, long approximateBytes) {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** GPT-2 small as OpenAI published it, in float32: about 655 MB. */
    public static final ModelSpec GPT2 = new ModelSpec(
            "openai-community/gpt2",
            "main",
            "onnx/decoder_model_merged.onnx",
            "e6fc046fe5a7cfeeb8bb3c7d4c1b6a8bd90ced7339a75d5567957e3bc9d48abe",
            655_000_000L);

    /** The same model with int8 weights: about 128 MB, slightly different numbers. */
    public static final ModelSpec GPT2_INT8 =
            new ModelSpec("Xenova/gpt2", "main", "onnx/decoder_model_merged_quantized.onnx", null, 128_000_000L);

    /** The variant names {@link #variant} accepts. */
    public static final List<String> VARIANTS = List.of("fp32", "int8");

    public ModelSpec {
        if (!isRepository(repo)) {
            throw new IllegalArgumentException(
                    "model repository '" + repo + "' must look like ORG/NAME, for example openai-community/gpt2");
        }
        if (revision == null || revision.isBlank() || revision.contains("..") || revision.startsWith("/")) {
            throw new IllegalArgumentException(
                    "revision '" + revision + "' must be a branch, tag or commit, for example main");
        }
        if (file == null
                || !file.endsWith(".onnx")
                || file.startsWith("/")
                || file.contains("..")
                || file.contains("\\")) {
            throw new IllegalArgumentException("model file '" + file
                    + "' must be a relative path to an .onnx file, for example onnx/decoder_model_merged.onnx");
        }
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 '" + sha256 + "' must be 64 lowercase hex digits");
        }
    }

    /** {@code fp32} (the default, {@link #GPT2}) or {@code int8} ({@link #GPT2_INT8}). */
    public static ModelSpec variant(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "fp32", "float32", "default" -> GPT2;
            case "int8", "quantized" -> GPT2_INT8;
            default -> throw new IllegalArgumentException("unknown variant '" + name + "'; use one of " + VARIANTS);
        };
    }

    /** True when {@code text} names a hub repository, {@code ORG/NAME}: the one place that says what a name may hold. */
    public static boolean isRepository(String text) {
        return text != null && REPO.matcher(text).matches() && !text.contains("..");
    }

    /**
     * Every decoder file a repository may hold, in the order Tempered prefers them: the names of
     * {@link ModelFolder#PREFERRED}, each under {@code onnx/} first, then at the top.
     */
    public static List<ModelSpec> candidates(String repo, String revision) {
        ModelSpec base = ofRepo(repo).withRevision(revision);
        List<ModelSpec> candidates = new ArrayList<>();
        for (String name : ModelFolder.PREFERRED) {
            candidates.add(base.withFile("onnx/" + name));
            candidates.add(base.withFile(name));
        }
        return candidates;
    }

    /** A spec for another repository with the default file name and no known hash. */
    public static ModelSpec ofRepo(String repo) {
        if (GPT2.repo.equals(repo)) {
            return GPT2;
        }
        if (GPT2_INT8.repo.equals(repo)) {
            return GPT2_INT8;
        }
        return new ModelSpec(repo, "main", GPT2.file, null, 0);
    }

    public ModelSpec withRevision(String value) {
        return new ModelSpec(repo, value, file, sha256, approximateBytes);
    }

    public ModelSpec withFile(String value) {
        return new ModelSpec(
                repo, revision, value, value.equals(file) ? sha256 : null, value.equals(file) ? approximateBytes : 0);
    }

    /** The command that fetches this model on a connected machine. */
    public String downloadCommand() {
        StringBuilder command = new StringBuilder(Models.DOWNLOAD_COMMAND);
        if (equals(GPT2_INT8)) {
            return command.append(" --variant int8").toString();
        }
        if (!repo.equals(GPT2.repo)) {
            command.append(" --model ").append(repo);
        }
        if (!file.equals(GPT2.file)) {
            command.append(" --file ").append(file);
        }
        if (!revision.equals("main")) {
            command.append(" --revision ").append(revision);
        }
        return command.toString();
    }

    @Override
    public String toString() {
        return repo + "@" + revision + " " + file;
    }
}
