package tempered.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tempered.model.Gpt2Model;
import tempered.model.ModelFolder;
import tempered.model.ModelNotFoundException;

/**
 * Where GPT-2 is on this machine, and getting it when it is not.
 *
 * <p>{@link #locate()} looks, in order, at the system property {@code tempered.model.dir}, the environment
 * variable {@code TEMPERED_MODEL_DIR}, and the Hugging Face hub cache (float32 first, then int8), and never
 * touches the network. {@link #download} fetches a model into the hub cache.
 */
public final class Models {
    /** The command that fetches GPT-2 ahead of time, run from the project folder. */
    public static final String DOWNLOAD_COMMAND = ModelFolder.DOWNLOAD_COMMAND;

    private Models() {
    }

    /** The GPT-2 decoder (a file) or folder to load, found without the network. */
    public static Path locate() {
        return locate(List.of(ModelSpec.GPT2, ModelSpec.GPT2_INT8), System.getenv());
    }

    /** GPT-2 from wherever {@link #locate()} finds it, without downloading. */
    public static Gpt2Model open() {
        return Gpt2Model.open(locate());
    }

    /** True when {@link #locate()} would find a model. */
    public static boolean available() {
        try {
            locate();
            return true;
        } catch (ModelNotFoundException e) {
            return false;
        }
    }

    /**
     * The first of: {@code tempered.model.dir}, {@code TEMPERED_MODEL_DIR}, each spec in the hub cache.
     *
     * @throws ModelNotFoundException naming every place it looked and the command that fetches the model
     */
    public static Path locate(List<ModelSpec> specs, Map<String, String> environment) {
        Optional<Path> named = named(environment);
        if (named.isPresent()) {
            return named.get();
        }
        HubCache cache = HubCache.fromEnvironment(environment);
        List<String> looked = new ArrayList<>();
        for (ModelSpec spec : specs) {
            Optional<Path> found = cache.find(spec);
            if (found.isPresent()) {
                return found.get();
            }
            looked.add(cache.repository(spec.repo()).resolve("snapshots") + "/*/" + spec.file());
        }
        throw new ModelNotFoundException("GPT-2 is not on this machine yet. Looked for TEMPERED_MODEL_DIR (not set) and in the"
                + " Hugging Face cache: " + String.join(", ", looked) + ". Fetch it once (about "
                + specs.get(0).approximateBytes() / 1_000_000 + " MB) from the project folder with: " + specs.get(0).downloadCommand());
    }

    /**
     * Downloads a model into the Hugging Face cache (unless it is there), showing progress on standard output:
     * one rewritten line in a terminal, a line per tenth in a notebook cell.
     */
    public static Path download(ModelSpec spec) {
        DownloadProgress progress = System.console() != null ? DownloadProgress.terminal(System.out) : DownloadProgress.lines(System.out);
        return HubDownloader.fromEnvironment(System.getenv()).download(spec, progress);
    }

    /** Downloads GPT-2 (float32, about 655 MB) unless it is already in the cache. */
    public static Path download() {
        return download(ModelSpec.GPT2);
    }

    private static Optional<Path> named(Map<String, String> environment) {
        String property = System.getProperty("tempered.model.dir");
        String variable = environment.get("TEMPERED_MODEL_DIR");
        String source = property != null && !property.isBlank() ? "-Dtempered.model.dir" : "TEMPERED_MODEL_DIR";
        String value = property != null && !property.isBlank() ? property : variable;
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new ModelNotFoundException(source + "=" + value + " does not exist; point it at a folder holding"
                    + " onnx/decoder_model_merged.onnx, or unset it to use the Hugging Face cache");
        }
        return Optional.of(path);
    }
}
