package tempered.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tempered.model.Gpt2Model;
import tempered.model.ModelFolder;
import tempered.model.ModelNotFoundException;
import tempered.model.OnnxModel;

/**
 * The one way Tempered finds and opens a model, for the notebooks, the command line and the benchmark.
 *
 * <p>A model is named by a folder (Hugging Face layout, the decoder in {@code onnx/} or at the top), an
 * {@code .onnx} file, or a hub repository {@code ORG/NAME} (optionally with the decoder's path in it and a
 * revision). Named by nothing, it is GPT-2: the folder {@code TEMPERED_MODEL_DIR} (or
 * {@code -Dtempered.model.dir}) names, which must then hold a model; else {@link #DEFAULTS} in the Hugging
 * Face cache. A repository without a file is looked for as {@link ModelSpec#candidates}: whichever decoder
 * the cache, then the hub, has first in the README's order of preference. {@link #locate} never touches the
 * network; {@link #fetch} downloads what is missing.
 *
 * <pre>{@code
 * // not run: needs GPT-2
 * try (Gpt2Model gpt2 = Models.open()) { ... }      // GPT-2, from TEMPERED_MODEL_DIR or the cache
 * Models.available();                               // false before the first download
 * }</pre>
 */
public final class Models {
    /** The command that fetches GPT-2 ahead of time, run from the project folder. */
    public static final String DOWNLOAD_COMMAND = ModelFolder.DOWNLOAD_COMMAND;
    /** What Tempered looks for when no model is named, in order: GPT-2 in float32, then with int8 weights. */
    public static final List<ModelSpec> DEFAULTS = List.of(ModelSpec.GPT2, ModelSpec.GPT2_INT8);

    private Models() {}

    /**
     * GPT-2 from {@code TEMPERED_MODEL_DIR} or the Hugging Face cache; never downloads.
     *
     * @throws ModelNotFoundException when it is not on this machine; the message says how to fetch it
     * @throws IllegalArgumentException when {@code TEMPERED_MODEL_DIR} names no model
     */
    public static Gpt2Model open() {
        return Gpt2Model.open(locate());
    }

    /**
     * A named model (folder, .onnx file, or a repository already in the cache), GPT-2 or another
     * ({@link OnnxModel#open}); never downloads.
     */
    public static OnnxModel open(String model) {
        return OnnxModel.open(locate(model, null, null, Setting.current()));
    }

    /**
     * True when {@link #open()} would find GPT-2, intact. False too for a cached copy that is damaged, which
     * {@link #open()} then names, with the command that fetches it again. A {@code TEMPERED_MODEL_DIR} that names
     * no model is not an absent model: it is reported (an {@link IllegalArgumentException}), to be fixed, not
     * skipped.
     */
    public static boolean available() {
        try {
            locate();
            return true;
        } catch (ModelNotFoundException | DamagedModelException e) {
            return false;
        }
    }

    /** Where {@link #open()} finds GPT-2: the path to load, without the network. */
    public static Path locate() {
        return locate(null, null, null, Setting.current());
    }

    /**
     * The path to load for a model, without the network.
     *
     * @param model a folder, an .onnx file, {@code ORG/NAME}, or null for GPT-2
     * @param file the decoder's path in the repository, or null for the first of {@link ModelSpec#candidates}
     * @param revision a branch, tag or commit, or null for main
     * @param settings environment variables and system properties, such as {@link Setting#current()}
     * @throws ModelNotFoundException when the model is not on this machine; the message says how to fetch it
     * @throws DamagedModelException when the cached model changed since it was downloaded, or cannot be checked
     * @throws IllegalArgumentException when the name, or {@code TEMPERED_MODEL_DIR}, names nothing usable
     */
    public static Path locate(String model, String file, String revision, Map<String, String> settings) {
        Optional<Path> local = local(model, file, revision, settings);
        if (local.isPresent()) {
            return local.get();
        }
        List<ModelSpec> candidates = candidates(model, file, revision);
        HubCache cache = HubCache.fromEnvironment(settings);
        return checked(candidates, cache)
                .orElseThrow(() -> model == null && file == null && revision == null
                        ? new ModelNotFoundException(
                                "GPT-2 is not on this machine yet. Fetch it once (about 655 MB) with ./lab download, or"
                                        + " in the project folder with " + DOWNLOAD_COMMAND
                                        + " (in a notebook: Models.download()); then run this"
                                        + " again. Looked for TEMPERED_MODEL_DIR (not set) and in the Hugging Face cache at "
                                        + cache.root())
                        : new ModelNotFoundException(candidates.get(0).repo() + " is not in the Hugging Face cache at "
                                + cache.repository(candidates.get(0).repo()) + "; fetch it once with: "
                                + candidates.get(0).downloadCommand()));
    }

    /**
     * The path to load for a model, downloading it from the hub when it is named by a repository (or is GPT-2)
     * and is not on this machine yet.
     *
     * @throws ModelNotFoundException when it is missing and {@code HF_HUB_OFFLINE} forbids the network
     * @throws DownloadException when the download fails
     */
    public static Path fetch(
            String model, String file, String revision, Map<String, String> settings, DownloadProgress progress) {
        try {
            return locate(model, file, revision, settings);
        } catch (ModelNotFoundException missing) {
            // GPT-2 is fetched in float32; the int8 variant is only taken when it is already here.
            boolean gpt2 = model == null && file == null && revision == null;
            return HubDownloader.fromEnvironment(settings)
                    .download(gpt2 ? List.of(ModelSpec.GPT2) : candidates(model, file, revision), progress);
        }
    }

    /**
     * The hub files a name stands for, in the order they are looked for: the named file, or every decoder
     * Tempered knows ({@link ModelSpec#candidates}); for no name, {@link #DEFAULTS}.
     *
     * @throws IllegalArgumentException when {@code model} is not {@code ORG/NAME}
     */
    public static List<ModelSpec> candidates(String model, String file, String revision) {
        if (model == null && file == null && revision == null) {
            return DEFAULTS;
        }
        String repo = model == null ? ModelSpec.GPT2.repo() : model;
        String branch = revision == null ? "main" : revision;
        if (!ModelSpec.isRepository(repo)) {
            throw new IllegalArgumentException("model '" + repo
                    + "' is not a Hugging Face repository name (ORG/NAME), such as " + ModelSpec.GPT2.repo());
        }
        return file == null
                ? ModelSpec.candidates(repo, branch)
                : List.of(ModelSpec.ofRepo(repo).withRevision(branch).withFile(file));
    }

    /**
     * Downloads a model into the Hugging Face cache (unless it is there, intact), showing progress on standard
     * output: one rewritten line in a terminal, a line per tenth in a notebook cell.
     */
    public static Path download(ModelSpec spec) {
        DownloadProgress progress =
                System.console() != null ? DownloadProgress.terminal(System.out) : DownloadProgress.lines(System.out);
        return HubDownloader.fromEnvironment(Setting.current()).download(spec, progress);
    }

    /** Downloads GPT-2 (float32, about 655 MB) unless it is already in the cache. */
    public static Path download() {
        return download(ModelSpec.GPT2);
    }

    /** A model on this machine, named by a path or by {@code TEMPERED_MODEL_DIR}; empty when the name is a repository. */
    private static Optional<Path> local(String model, String file, String revision, Map<String, String> settings) {
        if (model != null && model.isBlank()) {
            throw new IllegalArgumentException(
                    "the model name is empty; name a model folder, an .onnx file or a repository such as "
                            + ModelSpec.GPT2.repo());
        }
        if (model == null) {
            return file == null && revision == null
                    ? Setting.of("tempered.model.dir", "TEMPERED_MODEL_DIR", settings)
                            .map(Models::named)
                    : Optional.empty();
        }
        Path path = Path.of(model);
        if (Files.exists(path)) {
            if (file != null || revision != null) {
                throw new IllegalArgumentException("a file and revision pick a file of a hub repository, but " + model
                        + " is a folder or file on this machine; leave them out, or name the repository");
            }
            return Optional.of(path);
        }
        if (!ModelSpec.isRepository(model)) {
            throw new IllegalArgumentException(
                    "there is no folder or .onnx file at " + path.toAbsolutePath() + ", and '" + model
                            + "' is not a Hugging Face repository name (ORG/NAME); name a model folder, an .onnx file or a repository such as "
                            + ModelSpec.GPT2.repo());
        }
        return Optional.empty();
    }

    /** The folder or file a setting names, which must hold a model: a wrong one is reported, never skipped. */
    private static Path named(Setting setting) {
        Path path = Path.of(setting.value());
        String fix = ". Fix it, or unset it to use the Hugging Face cache";
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(setting + " does not exist; it must name a GPT-2 model folder (holding"
                    + " onnx/decoder_model_merged.onnx or another export) or an .onnx file" + fix);
        }
        if (Files.isRegularFile(path)
                ? !path.getFileName().toString().endsWith(".onnx")
                : ModelFolder.find(path).isEmpty()) {
            throw new IllegalArgumentException(setting + " holds no GPT-2 model: "
                    + (Files.isRegularFile(path)
                            ? "it is a file, not a folder or an .onnx file"
                            : ModelFolder.contents(path))
                    + fix);
        }
        return path;
    }

    /**
     * The first candidate in the cache, checked before it runs: a file changed since it was downloaded (or named by
     * no hash) is named with the command that fetches it again, never run, and never passed over for the next.
     */
    private static Optional<Path> checked(List<ModelSpec> candidates, HubCache cache) {
        for (ModelSpec spec : candidates) {
            // A decoder without its data file or tokenizer is not here yet: a download fetches the rest.
            Optional<Path> found = cache.find(spec)
                    .filter(path -> ModelFiles.missing(spec, path).isEmpty());
            if (found.isPresent()) {
                Optional<String> damage = cache.damageSinceVerified(spec);
                if (damage.isPresent()) {
                    throw new DamagedModelException(damage.get()
                            + ", so Tempered does not run it; fetch it again with: " + spec.downloadCommand());
                }
                return found;
            }
        }
        return Optional.empty();
    }
}
