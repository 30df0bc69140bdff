package tempered.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import tempered.hub.HubCache;
import tempered.hub.HubDownloader;
import tempered.hub.ModelSpec;

/** {@code tempered download}: fetches GPT-2 into the Hugging Face cache ahead of time, for example before a workshop. */
final class DownloadCommand {
    static final String HELP = """
            Usage: tempered download [--model REPO] [--variant fp32|int8] [--file PATH] [--revision REV] [--check]

            Downloads the model's ONNX decoder and config.json into the Hugging Face cache (HF_HUB_CACHE, else
            HF_HOME/hub, else ~/.cache/huggingface/hub), where Python's transformers finds it too. It checks the
            file's sha256, resumes an interrupted download, and prints the file's path when done.
            HF_ENDPOINT picks a mirror, HF_TOKEN a token for gated repositories.

              --model     a Hugging Face repository (default openai-community/gpt2)
              --variant   fp32: openai-community/gpt2, about 655 MB (default)
                          int8: Xenova/gpt2 with int8 weights, about 128 MB
              --file      the ONNX file in the repository (default onnx/decoder_model_merged.onnx)
              --revision  a branch, tag or commit (default main)
              --check     only say whether the model is already here (exit 0) or not (exit 3)

            Example:
              tempered download --variant int8
            """;

    private DownloadCommand() {
    }

    /** Returns the exit status: 0, or 3 for --check when the model is missing. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse("download", args, Set.of("--model", "--variant", "--file", "--revision"), Set.of("--check"));
        if (options.has("--model") && options.has("--variant")) {
            throw new UsageException("--model and --variant both name the repository; pass one of them");
        }
        ModelSpec spec = options.has("--variant") ? ModelSpec.variant(options.get("--variant"))
                : options.has("--model") ? ModelSpec.ofRepo(options.get("--model").trim()) : ModelSpec.GPT2;
        if (options.has("--file")) {
            spec = spec.withFile(options.get("--file").trim());
        }
        if (options.has("--revision")) {
            spec = spec.withRevision(options.get("--revision").trim());
        }
        HubDownloader downloader = HubDownloader.fromEnvironment(System.getenv());
        HubCache cache = downloader.cache();
        Optional<Path> cached = cache.find(spec);
        if (options.has("--check")) {
            out.println(cached.map(Path::toString).orElse(spec + " is not in the Hugging Face cache at " + cache.root()));
            return cached.isPresent() ? 0 : 3;
        }
        if (cached.isPresent()) {
            err.println(spec + " is already in the Hugging Face cache");
            out.println(cached.get());
            return 0;
        }
        if (!downloader.offline()) {
            err.println("downloading " + spec + (spec.approximateBytes() > 0 ? " (about " + spec.approximateBytes() / 1_000_000 + " MB)" : "")
                    + " into " + cache.root());
        }
        out.println(downloader.download(spec, ModelArgument.progressFor(err)));
        return 0;
    }
}
