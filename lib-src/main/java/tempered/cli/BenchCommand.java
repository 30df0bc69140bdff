package tempered.cli;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tempered.bench.Benchmark;
import tempered.model.Gpt2Model;
import tempered.model.ModelNotFoundException;
import tempered.hub.Models;
import tempered.model.synthetic.SyntheticGpt2;

/** {@code tempered bench}: GPT-2 generation speed against this machine's memory bandwidth. */
final class BenchCommand {
    static final String HELP = """
            Usage: tempered bench [--model DIR] [--runs N]

            Measures, each as a median of runs: the memory read bandwidth and the bound it sets on batch-1
            decoding; prompt processing (128 tokens); cached decoding (256 tokens) and the time per token at
            positions 1, 64, 128, 256; decoding without the cache; batches of 8 and 32; one sampling step over
            50,257 logits; and resident memory. Then it checks the project's performance targets.

            It needs no download: without GPT-2 on this machine it builds, once, a GPT-2-small-shaped model
            with random weights (12 layers, 768 dimensions, 12 heads, 50,257 tokens, 1,024 positions; about
            500 MB) in target/bench-gpt2, in the layout of openai-community/gpt2's merged decoder.

              --model  a model folder or .onnx file to measure instead
              --runs   runs per measurement (default 5)
            """;

    private BenchCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse("bench", args, Set.of("--model", "--runs"), Set.of());
        int runs = options.has("--runs") ? options.integer("--runs", 1, 100) : 5;
        Path path = options.has("--model") ? ModelArgument.resolve(options.get("--model"), err) : defaultModel(err);
        try (Gpt2Model model = Gpt2Model.open(path)) {
            out.println("tempered bench: " + model);
            out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s, ONNX Runtime %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), ortVersion());
            Map<String, Double> figures = new Benchmark(model, runs, err).run();
            out.print(Benchmark.format(figures));
            return targets(figures, out) ? 0 : 1;
        }
    }

    /** Prints each target and whether this run met it; true when all were. */
    static boolean targets(Map<String, Double> f, PrintStream out) {
        out.println("targets:");
        boolean all = true;
        all &= target(out, "batch-1 decoding at >= 60% of the bandwidth bound", f.get("decode share of bound %") >= 60,
                "%.0f%%", f.get("decode share of bound %"));
        if (f.containsKey("ms per token at 256")) {
            double growth = f.get("ms per token at 256") / f.get("ms per token at 1");
            all &= target(out, "position 256 at most 1.5 x position 1 (the cache works)", growth <= 1.5, "%.2f x", growth);
            double uncached = f.get("no cache ms per token at 256") / f.get("no cache ms per token at 1");
            all &= target(out, "without the cache, time grows with position", uncached > 2, "%.1f x at 256", uncached);
        }
        double batch = f.get("batch 32 / batch 1 throughput");
        all &= target(out, "batch 32 gives >= 8 x batch-1 throughput", batch >= 8, "%.1f x", batch);
        double sampling = Math.max(f.get("sampling us (temperature)"), f.get("sampling us (llama.cpp defaults)"));
        all &= target(out, "one sampling step under 0.5 ms", sampling < 500, "%.0f us", sampling);
        double growth = f.get("resident MB after 1,000 steps") - f.get("resident MB after 10 steps");
        all &= target(out, "resident memory after 1,000 steps within 50 MB of after 10", f.get("resident MB after 10 steps") < 0 || Math.abs(growth) <= 50,
                "%+.0f MB", growth);
        return all;
    }

    private static boolean target(PrintStream out, String name, boolean met, String format, double value) {
        out.printf(Locale.ROOT, "  [%s] %-62s %s%n", met ? "met" : "MISSED", name, String.format(Locale.ROOT, format, value));
        return met;
    }

    private static Path defaultModel(PrintStream err) {
        try {
            return Models.locate();
        } catch (ModelNotFoundException absent) {
            Path folder = targetFolder().resolve("bench-gpt2");
            if (!Files.isRegularFile(folder.resolve(SyntheticGpt2.Layout.MERGED_WITHOUT_POSITIONS.file))) {
                err.println("GPT-2 is not on this machine; building a GPT-2-small-shaped model with random weights in " + folder
                        + " (once, about 500 MB) ...");
                SyntheticGpt2.write(folder, SyntheticGpt2.Layout.MERGED_WITHOUT_POSITIONS, SyntheticGpt2.Shape.GPT2_SMALL, 2019);
            }
            return folder;
        }
    }

    /** The folder the jar sits in (target/ after a build), or ./target when run from classes. */
    private static Path targetFolder() {
        try {
            Path location = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : Path.of("target");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target");
        }
    }

    private static String ortVersion() {
        Package ort = ai.onnxruntime.OrtEnvironment.class.getPackage();
        String version = ort == null ? null : ort.getImplementationVersion();
        return version == null ? "1.29.0" : version;
    }
}
