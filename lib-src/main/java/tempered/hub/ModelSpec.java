package tempered.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tempered.model.ModelFolder;

/**
 * Which file of which Hugging Face repository is the model: repository, revision, the ONNX decoder's path in
 * it, and, when known, its sha256 and rough size; and which files a download keeps beside it
 * ({@link #companions()}: config, generation config, tokenizer; the external data file the decoder names).
 *
 * <p>The SmolLM2 files are named as the hub's pages showed them (December 2026, from stored copies of the pages; the
 * hub itself cannot be reached here): {@code HuggingFaceTB/SmolLM2-135M-Instruct} has {@code onnx/model.onnx}
 * (654 MB) and {@code onnx/model_q4.onnx} (200 MB) on {@code main}. Not seen on a page, taken from the issue that
 * asked for them: its {@code onnx/model_int8.onnx} ("in later revisions"), and the base model's
 * {@code onnx-community/SmolLM2-135M-ONNX} files ({@code onnx/model.onnx} with {@code onnx/model.onnx_data},
 * {@code onnx/model_int8.onnx}, {@code onnx/model_q4.onnx}); their sizes and hashes are not pinned. A file the hub
 * does not have is reported as an HTTP 404 naming it, never replaced by another.
 *
 * <pre>{@code
 * ModelSpec.GPT2;                          // openai-community/gpt2@main onnx/decoder_model_merged.onnx
 * ModelSpec.variant("int8");               // Xenova/gpt2@main onnx/decoder_model_merged_quantized.onnx
 * ModelSpec.variant("HuggingFaceTB/SmolLM2-135M-Instruct", "q4").file();   // "onnx/model_q4.onnx"
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

    /** SmolLM2-135M-Instruct (supervised fine-tuning, then DPO) in float32: about 654 MB. */
    public static final ModelSpec SMOLLM2_INSTRUCT =
            new ModelSpec("HuggingFaceTB/SmolLM2-135M-Instruct", "main", "onnx/model.onnx", null, 654_000_000L);

    /** The same with 4-bit weights (MatMulNBits), the embeddings in float32: about 200 MB. */
    public static final ModelSpec SMOLLM2_INSTRUCT_Q4 =
            new ModelSpec(SMOLLM2_INSTRUCT.repo, "main", "onnx/model_q4.onnx", null, 200_000_000L);

    /** The same with int8 weights; the file's name is the issue's, not seen on a hub page, its size unknown. */
    public static final ModelSpec SMOLLM2_INSTRUCT_INT8 =
            new ModelSpec(SMOLLM2_INSTRUCT.repo, "main", "onnx/model_int8.onnx", null, 0);

    /** SmolLM2-135M, the base model, in float32, its weights in {@code onnx/model.onnx_data} beside the decoder. */
    public static final ModelSpec SMOLLM2 =
            new ModelSpec("onnx-community/SmolLM2-135M-ONNX", "main", "onnx/model.onnx", null, 0);

    /** The base model with int8 weights. */
    public static final ModelSpec SMOLLM2_INT8 = new ModelSpec(SMOLLM2.repo, "main", "onnx/model_int8.onnx", null, 0);

    /** The base model with 4-bit weights. */
    public static final ModelSpec SMOLLM2_Q4 = new ModelSpec(SMOLLM2.repo, "main", "onnx/model_q4.onnx", null, 0);

    /** The variant names {@link #variant(String, String)} accepts for SmolLM2. */
    public static final List<String> SMOLLM2_VARIANTS = List.of("fp32", "int8", "q4");

    /** What Tempered fetches beside a GPT-2 decoder: its sizes (the tokenizer is GPT-2's own, JTokkit's). */
    private static final List<String> GPT2_COMPANIONS = List.of("config.json");

    /**
     * What it fetches beside any other decoder: the sizes and architecture, the stop tokens, the tokenizer, and the
     * tokenizer's special tokens and chat template.
     */
    private static final List<String> COMPANIONS =
            List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json");

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

    /**
     * A named variant of a repository Tempered knows: GPT-2's {@code fp32} and {@code int8} (as {@link #variant}),
     * SmolLM2's {@code fp32}, {@code int8} and {@code q4}.
     *
     * @throws IllegalArgumentException for another repository or name, saying which it knows
     */
    public static ModelSpec variant(String repo, String name) {
        if (GPT2.repo.equals(repo) || GPT2_INT8.repo.equals(repo)) {
            return variant(name);
        }
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean instruct = SMOLLM2_INSTRUCT.repo.equals(repo);
        if (!instruct && !SMOLLM2.repo.equals(repo)) {
            throw new IllegalArgumentException(
                    "Tempered knows the variants of " + GPT2.repo + ", " + SMOLLM2_INSTRUCT.repo + " and "
                            + SMOLLM2.repo + ", not of " + repo + "; name its file with --file");
        }
        return switch (key) {
            case "fp32", "float32", "default" -> instruct ? SMOLLM2_INSTRUCT : SMOLLM2;
            case "int8", "quantized" -> instruct ? SMOLLM2_INSTRUCT_INT8 : SMOLLM2_INT8;
            case "q4", "4bit" -> instruct ? SMOLLM2_INSTRUCT_Q4 : SMOLLM2_Q4;
            default ->
                throw new IllegalArgumentException(
                        "unknown variant '" + name + "' of " + repo + "; use one of " + SMOLLM2_VARIANTS);
        };
    }

    /**
     * The small files a download keeps beside the decoder, fetched when the hub has them: {@code config.json} for
     * GPT-2; for any other model also {@code generation_config.json}, {@code tokenizer.json} and
     * {@code tokenizer_config.json}. A model whose weights sit in an external data file names it inside the decoder;
     * that file is fetched and kept with it as well.
     */
    public List<String> companions() {
        return GPT2.repo.equals(repo) || GPT2_INT8.repo.equals(repo) ? GPT2_COMPANIONS : COMPANIONS;
    }

    /**
     * The companions a download must find on the hub: all of {@link #companions()} for SmolLM2, which cannot run
     * without its tokenizer; none for other repositories, whose files Tempered does not know in advance.
     */
    public List<String> requiredCompanions() {
        return SMOLLM2_INSTRUCT.repo.equals(repo) || SMOLLM2.repo.equals(repo) ? COMPANIONS : List.of();
    }

    /**
     * The decoder, the external data file it is known to name ({@code onnx/model.onnx_data} for the SmolLM2 base
     * model's {@code onnx/model.onnx}), and its companions: every file of the spec a cache check looks at, when it is
     * there. A download also keeps whatever data file the decoder itself names.
     */
    public List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(file);
        if (repo.equals(SMOLLM2.repo) && file.equals(SMOLLM2.file)) {
            files.add(file + "_data");
        }
        files.addAll(companions());
        return files;
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
        if (SMOLLM2_INSTRUCT.repo.equals(repo)) {
            return SMOLLM2_INSTRUCT;
        }
        if (SMOLLM2.repo.equals(repo)) {
            return SMOLLM2;
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
