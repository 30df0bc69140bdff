package tempered.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import tempered.hub.DownloadProgress;
import tempered.hub.ModelSpec;
import tempered.hub.Models;
import tempered.hub.Setting;
import tempered.model.ModelFolder;
import tempered.model.OnnxModel;

/**
 * The model options of the commands that run one: {@code --model} (a folder, an .onnx file or a Hugging Face
 * repository), {@code --variant} (a named file of a repository Tempered knows: {@code fp32}, {@code int8}, and for
 * SmolLM2 {@code q4}), {@code --file} and {@code --revision} (which file of the repository, at which revision), found
 * through {@link Models} and downloaded when missing, with a line saying so. Any model Tempered runs opens here
 * ({@link OnnxModel#open}): GPT-2, SmolLM2, a model of the tests.
 */
final class ModelArgument {
    static final Set<String> OPTIONS = Set.of("--model", "--variant", "--file", "--revision");

    private ModelArgument() {}

    static OnnxModel open(Options options, PrintStream progress) {
        String model = value(options, "--model");
        String file = value(options, "--file");
        String revision = value(options, "--revision");
        if (options.has("--variant")) {
            ModelSpec spec = variant(model, options.get("--variant"), file);
            model = spec.repo();
            file = spec.file();
        }
        return OnnxModel.open(Models.fetch(model, file, revision, Setting.current(), announced(progress)));
    }

    /**
     * The file {@code --variant} names: of GPT-2 without {@code --model}, else of the repository {@code --model}
     * names, which must be one whose variants Tempered knows.
     */
    static ModelSpec variant(String model, String name, String file) {
        if (file != null) {
            throw new UsageException("--variant and --file both name the file to run; pass one of them");
        }
        if (model == null) {
            return ModelSpec.variant(name);
        }
        if (!ModelSpec.isRepository(model)) {
            throw new UsageException("--variant picks a file of a hub repository, but " + model
                    + " is not one (ORG/NAME); leave out --variant, or name the repository");
        }
        return ModelSpec.variant(model, name);
    }

    /** What a {@code --model} value names, downloaded when it is a repository (or GPT-2) not on this machine yet. */
    static Path resolve(String model, PrintStream progress) {
        return Models.fetch(model, null, null, Setting.current(), announced(progress));
    }

    /**
     * Which model and which of its files ran, in one line: {@code HuggingFaceTB/SmolLM2-135M-Instruct, onnx/model.onnx
     * (134,515,008 parameters)}; {@code GPT-2 from openai-community/gpt2, ...} where the model's name is not where it
     * came from (a repository in the Hugging Face cache, or a folder); a folder's path for a model named after it.
     */
    static String describe(OnnxModel model) {
        Shown shown = Shown.of(model);
        // A folder's model is called by the folder's own name: the folder alone says both.
        boolean same = shown.source().equals(model.name())
                || Path.of(shown.source()).getFileName().toString().equals(model.name());
        return (same ? shown.source() : model.name() + " from " + shown.source()) + ", "
                + shown.file() + " ("
                + String.format(Locale.ROOT, "%,d", model.info().parameters()) + " parameters"
                + (model.randomWeights() ? "; random weights, a stand-in whose text means nothing" : "") + ")";
    }

    /**
     * The model as {@code --json} shows it.
     *
     * @param name what Tempered calls the model ({@code GPT-2}, a repository's name)
     * @param source the repository it came from (in the Hugging Face cache), else its folder
     * @param file the decoder's path in that repository or folder
     * @param path the decoder's path on this machine
     */
    record Shown(String name, String source, String file, String path, long parameters, boolean randomWeights) {
        static Shown of(OnnxModel model) {
            Path file = model.info().file().toAbsolutePath();
            Path folder = ModelFolder.folderOf(file).toAbsolutePath();
            String named = ModelFolder.nameOf(folder);
            // A repository's name has a slash; a folder's own name never does.
            String source = named.contains("/") ? named : folder.toString();
            String inside = file.startsWith(folder) ? folder.relativize(file).toString() : file.toString();
            return new Shown(
                    model.name(), source, inside, file.toString(), model.info().parameters(), model.randomWeights());
        }
    }

    static DownloadProgress progressFor(PrintStream stream) {
        return System.console() != null ? DownloadProgress.terminal(stream) : DownloadProgress.lines(stream);
    }

    /** Progress that first says why a download is happening at all. */
    private static DownloadProgress announced(PrintStream stream) {
        DownloadProgress shown = progressFor(stream);
        return new DownloadProgress() {
            private boolean started;

            @Override
            public void waiting(String message) {
                shown.waiting(message);
            }

            @Override
            public void update(String file, long done, long total, double rate, boolean finished) {
                if (!started) {
                    started = true;
                    stream.println("the model is not on this machine yet; downloading " + file
                            + (total > 0 ? String.format(Locale.ROOT, " (%.0f MB)", total / 1e6) : "")
                            + " into the Hugging Face cache, once");
                }
                shown.update(file, done, total, rate, finished);
            }
        };
    }

    private static String value(Options options, String name) {
        return options.has(name) ? options.get(name).trim() : null;
    }
}
