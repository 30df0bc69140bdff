package tempered.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import tempered.hub.DownloadProgress;
import tempered.hub.Models;
import tempered.hub.Setting;
import tempered.model.Gpt2Model;

/**
 * The model options of the commands that run one: {@code --model} (a folder, an .onnx file or a Hugging Face
 * repository), {@code --file} and {@code --revision} (which file of the repository, at which revision), found
 * through {@link Models} and downloaded when missing, with a line saying so.
 */
final class ModelArgument {
    static final Set<String> OPTIONS = Set.of("--model", "--file", "--revision");

    private ModelArgument() {}

    static Gpt2Model open(Options options, PrintStream progress) {
        return Gpt2Model.open(Models.fetch(
                value(options, "--model"),
                value(options, "--file"),
                value(options, "--revision"),
                Setting.current(),
                announced(progress)));
    }

    /** What a {@code --model} value names, downloaded when it is a repository (or GPT-2) not on this machine yet. */
    static Path resolve(String model, PrintStream progress) {
        return Models.fetch(model, null, null, Setting.current(), announced(progress));
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
