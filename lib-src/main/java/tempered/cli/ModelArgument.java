package tempered.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import tempered.hub.DownloadProgress;
import tempered.model.Gpt2Model;
import tempered.hub.HubCache;
import tempered.hub.HubDownloader;
import tempered.model.ModelNotFoundException;
import tempered.hub.ModelSpec;
import tempered.hub.Models;

/**
 * What {@code --model} names: a folder or .onnx file on disk, a Hugging Face repository (ORG/NAME, from the
 * cache or downloaded), or, when absent, GPT-2 wherever {@link Models#locate()} finds it, downloaded if it
 * is nowhere.
 */
final class ModelArgument {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");

    private ModelArgument() {
    }

    static Gpt2Model open(String value, PrintStream progress) {
        return Gpt2Model.open(resolve(value, progress));
    }

    static Path resolve(String value, PrintStream progress) {
        if (value == null) {
            try {
                return Models.locate();
            } catch (ModelNotFoundException e) {
                return download(ModelSpec.GPT2, progress);
            }
        }
        if (value.isBlank()) {
            throw new UsageException("--model is empty; pass a model folder, an .onnx file or a repository like openai-community/gpt2");
        }
        Path path = Path.of(value);
        if (Files.exists(path)) {
            return path;
        }
        if (REPO.matcher(value).matches() && !value.startsWith(".")) {
            ModelSpec spec = ModelSpec.ofRepo(value);
            return HubCache.fromEnvironment(System.getenv()).find(spec).orElseGet(() -> download(spec, progress));
        }
        throw new UsageException("--model " + value + " is neither an existing folder or .onnx file nor a Hugging Face"
                + " repository (ORG/NAME); for GPT-2 leave --model out, or run " + Models.DOWNLOAD_COMMAND);
    }

    private static Path download(ModelSpec spec, PrintStream progress) {
        HubDownloader downloader = HubDownloader.fromEnvironment(System.getenv());
        if (downloader.offline()) {
            return downloader.download(spec, DownloadProgress.NONE);
        }
        progress.println(spec.repo() + " is not on this machine yet; downloading " + spec.file()
                + (spec.approximateBytes() > 0 ? " (about " + spec.approximateBytes() / 1_000_000 + " MB, once)" : "") + " ...");
        return downloader.download(spec, progressFor(progress));
    }

    static DownloadProgress progressFor(PrintStream stream) {
        return System.console() != null ? DownloadProgress.terminal(stream) : DownloadProgress.lines(stream);
    }

    static List<String> tokens(int[] ids) {
        return java.util.Arrays.stream(ids).mapToObj(tempered.text.Gpt2Tokenizer::token).toList();
    }
}
