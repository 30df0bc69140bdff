package tempered.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tempered.hub.HubCache;
import tempered.hub.HubDownloader;
import tempered.hub.ModelSpec;
import tempered.hub.Models;
import tempered.hub.Setting;
import tempered.recorded.ExplainerSource;

/**
 * {@code tempered download}: fetches a model (GPT-2 unless named: SmolLM2 in any variant, any repository's decoder)
 * with the files beside it into the Hugging Face cache, and the recorded GPT-2 examples into Tempered's, ahead of
 * time, for example before a workshop; {@code --check} says whether they are here, intact.
 */
final class DownloadCommand {
    static final String HELP = """
            Usage: tempered download [--model REPO] [--variant fp32|int8|q4 | --file PATH] [--revision REV]
                                     [--recorded] [--check]

            Downloads a model's ONNX decoder into the Hugging Face cache (HF_HUB_CACHE, else HF_HOME/hub, else
            ~/.cache/huggingface/hub), where Python's transformers finds it too, with the files it needs beside it:
            config.json; for a model other than GPT-2 also generation_config.json, tokenizer.json and
            tokenizer_config.json (its tokenizer, stop tokens and chat template); and the external data file that
            holds its weights when the decoder names one. It checks each file's hash, resumes an interrupted
            download, and prints the decoder's path when done. HF_ENDPOINT picks a mirror; HF_TOKEN (else the
            token 'hf auth login' saved) opens gated repositories.

            Without --model, --variant, --file or --revision it also fetches the recorded GPT-2 examples the
            offline notebooks use (8 MB, from the Transformer Explainer project, MIT licence) into Tempered's
            cache (TEMPERED_CACHE, else ~/.cache/tempered), checked by sha256, with their licence beside them.

              --model     a Hugging Face repository (default openai-community/gpt2), such as
                          HuggingFaceTB/SmolLM2-135M-Instruct (SmolLM2-135M tuned to chat) or
                          onnx-community/SmolLM2-135M-ONNX (the base model)
              --variant   the precision, for GPT-2 and SmolLM2:
                          fp32: float32 (default); GPT-2 about 655 MB, SmolLM2 about 654 MB
                          int8: int8 weights; GPT-2 from Xenova/gpt2, about 128 MB
                          q4:   4-bit weights (SmolLM2 only), about 200 MB
              --file      the ONNX file in the repository (default: for GPT-2 onnx/decoder_model_merged.onnx;
                          for another repository the first it has of onnx/decoder_model_merged.onnx,
                          onnx/model.onnx, ...)
              --revision  a branch, tag or commit (default main)
              --recorded  only the recorded GPT-2 examples
              --check     fetch nothing: check that the same command's files are here and intact (their hashes
                          are computed again), print where they are, and exit 0, or 3 when one is missing,
                          damaged, or unverified (named by no hash, so nothing can check it)

            Examples:
              tempered download --variant int8
              tempered download --model HuggingFaceTB/SmolLM2-135M-Instruct --variant q4
            """;

    private DownloadCommand() {}

    /** Returns the exit status: 0, or 3 for --check when something is missing, damaged or unverified. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Setting.current());
    }

    /** The same, with the settings (environment variables and system properties) given. */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> settings) {
        Options options = Options.parse(
                "download",
                args,
                Set.of("--model", "--variant", "--file", "--revision"),
                Set.of("--check", "--recorded"));
        boolean modelNamed = options.has("--model")
                || options.has("--variant")
                || options.has("--file")
                || options.has("--revision");
        if (modelNamed && options.has("--recorded")) {
            throw new UsageException(
                    "--recorded fetches only the recorded GPT-2 examples; leave out --model, --variant, --file and"
                            + " --revision, or leave out --recorded to fetch the model");
        }
        boolean check = options.has("--check");
        boolean fine = true;
        if (!options.has("--recorded")) {
            List<ModelSpec> candidates = candidates(options);
            fine = check
                    ? checkModel(candidates, HubCache.fromEnvironment(settings), out)
                    : fetchModel(candidates, settings, out, err);
        }
        if (!modelNamed) {
            ExplainerSource source = ExplainerSource.fromEnvironment(settings);
            fine &= check ? checkRecorded(source, out) : fetchRecorded(source, out, err);
        }
        return fine ? 0 : Main.MISSING_MODEL;
    }

    /** What the options name: one file, or the decoders a repository may have, in Tempered's order. */
    private static List<ModelSpec> candidates(Options options) {
        String file = options.has("--file") ? options.get("--file").trim() : null;
        String revision = options.has("--revision") ? options.get("--revision").trim() : null;
        String model = options.has("--model") ? options.get("--model").trim() : null;
        if (options.has("--variant")) {
            ModelSpec spec = ModelArgument.variant(model, options.get("--variant"), file);
            return List.of(revision == null ? spec : spec.withRevision(revision));
        }
        return model == null && file == null && revision == null
                ? List.of(ModelSpec.GPT2)
                : Models.candidates(model, file, revision);
    }

    private static boolean checkModel(List<ModelSpec> candidates, HubCache cache, PrintStream out) {
        for (ModelSpec spec : candidates) {
            Optional<Path> cached = cache.find(spec);
            if (cached.isPresent()) {
                Optional<String> damage = cache.damage(spec);
                out.println(damage.map(d -> d + "; fetch it again with: " + spec.downloadCommand())
                        .orElse(cached.get().toString()));
                return damage.isEmpty();
            }
        }
        out.println(candidates.get(0) + " is not in the Hugging Face cache at " + cache.root());
        return false;
    }

    private static boolean fetchModel(
            List<ModelSpec> candidates, Map<String, String> settings, PrintStream out, PrintStream err) {
        HubDownloader downloader = HubDownloader.fromEnvironment(settings);
        HubCache cache = downloader.cache();
        for (ModelSpec spec : candidates) {
            Optional<Path> cached = cache.find(spec);
            if (cached.isPresent()) {
                Optional<String> damage = cache.damage(spec);
                if (damage.isEmpty()) {
                    err.println(spec + " is already in the Hugging Face cache, intact");
                    out.println(cached.get());
                } else {
                    err.println(damage.get() + "; fetching it again");
                    out.println(downloader.download(spec, ModelArgument.progressFor(err)));
                }
                return true;
            }
        }
        ModelSpec first = candidates.get(0);
        if (!downloader.offline()) {
            err.println("downloading "
                    + (candidates.size() > 1 ? "a decoder of " + first.repo() + " at " + first.revision() : first)
                    + (first.approximateBytes() > 0 ? " (about " + first.approximateBytes() / 1_000_000 + " MB)" : "")
                    + " into " + cache.root());
        }
        out.println(downloader.download(candidates, ModelArgument.progressFor(err)));
        return true;
    }

    private static boolean checkRecorded(ExplainerSource source, PrintStream out) {
        List<String> missing = source.missing();
        out.println(
                missing.isEmpty()
                        ? source.folder().toString()
                        : "the recorded GPT-2 examples " + String.join(", ", missing) + " are missing from "
                                + source.folder()
                                + " (or damaged); run the same command without --check to fetch them");
        return missing.isEmpty();
    }

    private static boolean fetchRecorded(ExplainerSource source, PrintStream out, PrintStream err) {
        List<String> missing = source.missing();
        err.println(
                missing.isEmpty()
                        ? "the recorded GPT-2 examples are already in " + source.folder() + ", intact"
                        : "fetching the recorded GPT-2 examples (" + String.join(", ", missing)
                                + "; 8 MB in all, from the Transformer Explainer" + " project, MIT licence) into "
                                + source.folder());
        source.files(ModelArgument.progressFor(err));
        out.println(source.folder());
        return true;
    }
}
