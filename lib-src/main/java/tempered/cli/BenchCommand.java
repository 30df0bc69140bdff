package tempered.cli;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tempered.bench.Benchmark;
import tempered.bench.Measurements;
import tempered.bench.Scale;
import tempered.bench.Targets;
import tempered.hub.ModelSpec;
import tempered.hub.Models;
import tempered.hub.Setting;
import tempered.model.ModelNotFoundException;
import tempered.model.OnnxModel;
import tempered.model.SessionSettings;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.model.synthetic.SyntheticGpt2.Layout;
import tempered.model.synthetic.SyntheticGpt2.Precision;
import tempered.model.synthetic.SyntheticLlama;

/** {@code tempered bench}: GPT-2 and SmolLM2 as learners run them, against this machine's memory bandwidth. */
final class BenchCommand {
    static final String HELP = """
            Usage: tempered bench [--model DIR] [--int8-model DIR] [--smollm2 DIR] [--runs N] [--quick] [--tuning]

            Measures, each as the median of runs with their range: the memory read bandwidth (three probe
            methods, before and after decoding) and the bound it sets on batch-1 decoding; prompt processing;
            cached decoding and the time per token at positions 1, 64, 128, 256; decoding without the cache;
            batches of 8 and 32; resident memory over 1,000 steps; generation as Generator runs it (temperature
            0.8 and llama.cpp's defaults) beside the model step alone; an int8 model beside float32 (speed, and
            how far its probabilities move); GPT-2 in float32 and int8 and SmolLM2-135M in float32, int8 and
            4 bits side by side, decoding and prompts, each against its own bandwidth bound (the bandwidth over
            the weight bytes its file says a step reads); and what a learner waits for: the model's load, the
            command line from start to first token and to the end of 200 tokens, a notebook from setup to its
            first distribution. Then it checks the project's performance targets; the exit status is 1 when one
            was missed. About eight minutes on two cores for GPT-2's figures, a few more for the models side by
            side, and a minute or two more the first time, to build its stand-in models.

            It needs no download: without GPT-2 on this machine it builds, once, a GPT-2-small-shaped model with
            random weights (12 layers, 768 dimensions, 12 heads, 50,257 tokens, 1,024 positions; about 500 MB),
            in the layout of openai-community/gpt2's merged decoder, and its int8 version as ONNX Runtime's
            quantize_dynamic makes the hub's int8 files (about 125 MB), in target/bench-gpt2 and
            target/bench-gpt2-int8; and without SmolLM2-135M-Instruct's files in the Hugging Face cache, a
            SmolLM2-135M-shaped model (30 layers, 9 heads sharing 3 key/value heads, 49,152 tokens; about 540 MB)
            in float32, int8 and 4 bits, in target/bench-smollm2. Speed does not depend on the weights' values.

              --model       a model folder or .onnx file to measure instead of GPT-2
              --int8-model  its int8 version, for the int8 figures
              --smollm2     a folder of SmolLM2's files (onnx/model.onnx, model_int8.onnx, model_q4.onnx; any of
                            them) to measure beside it
              --runs        runs per measurement (default 5)
              --quick       one short run of every measurement, on any model; no targets checked
              --tuning      also decoding with each ONNX Runtime setting changed, against the defaults
            """;
    /** Changes when the synthetic models' weights change, so that an older build is not measured. */
    private static final String SYNTHETIC_VERSION = "GPT-2-small-shaped, seed 2019, weights scaled by fan-in and depth";
    /** The same for the SmolLM2-shaped models. */
    private static final String SYNTHETIC_LLAMA_VERSION = "SmolLM2-135M-shaped, seed 2024, float32 int8 q4";
    /** SmolLM2's files in the order they are measured, with what the figures call them. */
    private static final Map<SyntheticLlama.Precision, String> SMOLLM2 = new LinkedHashMap<>();

    static {
        SMOLLM2.put(SyntheticLlama.Precision.FLOAT32, "SmolLM2 float32");
        SMOLLM2.put(SyntheticLlama.Precision.INT8, "SmolLM2 int8");
        SMOLLM2.put(SyntheticLlama.Precision.Q4, "SmolLM2 4-bit");
    }

    private BenchCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = Options.parse(
                "bench", args, Set.of("--model", "--int8-model", "--smollm2", "--runs"), Set.of("--quick", "--tuning"));
        boolean quick = options.has("--quick");
        int runs = options.has("--runs") ? options.integer("--runs", 1, 100) : 5;
        Scale scale = quick ? Scale.quickRun() : Scale.full(runs);
        // The stand-ins this run builds, in this JVM: its heap then still holds what building them took.
        List<Path> built = new ArrayList<>();
        Path path;
        Path int8Path = options.has("--int8-model") ? ModelArgument.resolve(options.get("--int8-model"), err) : null;
        if (options.has("--model")) {
            path = ModelArgument.resolve(options.get("--model"), err);
        } else {
            path = locateOrBuild(err, Precision.FLOAT32, built);
            if (int8Path == null && path.startsWith(targetFolder())) {
                int8Path = locateOrBuild(err, Precision.INT8, built);
            }
        }
        List<OnnxModel> opened = new ArrayList<>();
        try {
            OnnxModel model = open(path, opened);
            // A model too short for the run is refused before anything more is built or loaded.
            Benchmark.requireContext(model, scale);
            OnnxModel int8 = int8Path == null ? null : open(int8Path, opened);
            Map<String, OnnxModel> smollm2 = new LinkedHashMap<>();
            smollm2(options, err, built).forEach((label, file) -> smollm2.put(label, open(file, opened)));
            out.println("tempered bench: " + ModelArgument.describe(model)
                    + (int8 == null ? "" : "; int8: " + int8.info().file().getFileName()));
            smollm2.forEach((label, smol) -> out.println("  " + label + ": " + ModelArgument.describe(smol)));
            out.printf(
                    Locale.ROOT,
                    "machine: %d cores, %s %s, Java %s, ONNX Runtime %s (%s); %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name"),
                    System.getProperty("os.arch"),
                    System.getProperty("java.version"),
                    ortVersion(),
                    SessionSettings.describe(),
                    load());
            Measurements figures = new Benchmark(model, int8, smollm2, path, scale, err).run();
            if (!built.isEmpty()) {
                figures.note("this run first built " + built + ", so its resident memory includes what building"
                        + " them held; run bench again to measure memory");
            }
            if (options.has("--tuning")) {
                Benchmark.tuning(path, int8Path, scale, figures, err);
            }
            out.print(figures.format());
            out.println("after the run: " + load());
            if (quick) {
                out.println("targets: not checked in a quick run; run without --quick on GPT-2 or its synthetic twin");
                return 0;
            }
            return Targets.print(Targets.check(figures), out) ? 0 : 1;
        } finally {
            opened.forEach(OnnxModel::close);
        }
    }

    private static OnnxModel open(Path path, List<OnnxModel> opened) {
        OnnxModel model = OnnxModel.open(path);
        opened.add(model);
        return model;
    }

    /**
     * SmolLM2's files by label: those of {@code --smollm2}; else, for each precision, SmolLM2-135M-Instruct's file in
     * the Hugging Face cache, or the SmolLM2-135M-shaped model with random weights, built once in the target folder.
     */
    private static Map<String, Path> smollm2(Options options, PrintStream err, List<Path> built) {
        Map<String, Path> files = new LinkedHashMap<>();
        if (options.has("--smollm2")) {
            Path folder = Path.of(options.get("--smollm2").trim());
            SMOLLM2.forEach((precision, label) -> {
                if (Files.isRegularFile(folder.resolve(precision.file))) {
                    files.put(label, folder.resolve(precision.file));
                }
            });
            if (files.isEmpty()) {
                throw new UsageException("--smollm2 " + folder + " holds none of onnx/model.onnx, onnx/model_int8.onnx"
                        + " and onnx/model_q4.onnx; name a folder of SmolLM2's files");
            }
            return files;
        }
        Path folder = null;
        for (Map.Entry<SyntheticLlama.Precision, String> entry : SMOLLM2.entrySet()) {
            ModelSpec spec = ModelSpec.SMOLLM2_INSTRUCT.withFile(entry.getKey().file);
            try {
                files.put(entry.getValue(), Models.locate(spec.repo(), spec.file(), null, Setting.current()));
            } catch (ModelNotFoundException absent) {
                // A damaged copy is reported (DamagedModelException), never passed over for a stand-in.
                if (folder == null) {
                    folder = buildSmolLm2(err, built);
                }
                files.put(entry.getValue(), folder.resolve(entry.getKey().file));
            }
        }
        return files;
    }

    /** The SmolLM2-135M-shaped models with random weights, in float32, int8 and 4 bits, built once. */
    private static Path buildSmolLm2(PrintStream err, List<Path> built) {
        Path folder = targetFolder().resolve("bench-smollm2");
        Path marker = folder.resolve("tempered-bench-model.txt");
        try {
            if (!Files.isRegularFile(marker)
                    || !Files.readString(marker, StandardCharsets.UTF_8).equals(SYNTHETIC_LLAMA_VERSION)) {
                err.println(
                        "SmolLM2-135M-Instruct is not in the Hugging Face cache; building SmolLM2-135M-shaped models"
                                + " with random weights in float32, int8 and 4 bits in " + folder + " (once) ...");
                for (SyntheticLlama.Precision precision : SyntheticLlama.Precision.values()) {
                    SyntheticLlama.write(folder, SyntheticLlama.Shape.SMOLLM2_135M, 2024, precision, false);
                }
                built.add(folder);
                Files.writeString(marker, SYNTHETIC_LLAMA_VERSION, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not build the benchmark's SmolLM2-shaped models in " + folder + ": " + e.getMessage(), e);
        }
        return folder;
    }

    /** GPT-2 where {@link Models#locate()} finds it, or else the synthetic twin, built once in the target folder. */
    private static Path locateOrBuild(PrintStream err, Precision precision, List<Path> built) {
        if (precision == Precision.FLOAT32) {
            try {
                return Models.locate();
            } catch (ModelNotFoundException absent) {
                // Measured on the synthetic twin instead, below.
            }
        }
        Path folder = targetFolder().resolve(precision == Precision.FLOAT32 ? "bench-gpt2" : "bench-gpt2-int8");
        Path marker = folder.resolve("tempered-bench-model.txt");
        try {
            if (!Files.isRegularFile(marker)
                    || !Files.readString(marker, StandardCharsets.UTF_8).equals(SYNTHETIC_VERSION)) {
                err.println("GPT-2 is not on this machine; building a GPT-2-small-shaped "
                        + precision.name().toLowerCase(Locale.ROOT) + " model with random weights in " + folder
                        + " (once) ...");
                SyntheticGpt2.write(
                        folder, Layout.MERGED_WITHOUT_POSITIONS, SyntheticGpt2.Shape.GPT2_SMALL, 2019, precision);
                built.add(folder);
                Files.writeString(marker, SYNTHETIC_VERSION, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not build the benchmark's model in " + folder + ": " + e.getMessage(), e);
        }
        return folder.resolve(precision.file(Layout.MERGED_WITHOUT_POSITIONS));
    }

    /** The folder the jar sits in (target/ after a build), or ./target when run from classes. */
    private static Path targetFolder() {
        return Launcher.jar().map(Path::getParent).orElse(Path.of("target")).toAbsolutePath();
    }

    /** The load average over the last minute, from /proc/loadavg: how busy the machine was around the run. */
    private static String load() {
        try {
            List<String> fields =
                    List.of(Files.readString(Path.of("/proc/loadavg")).split(" "));
            return "load average " + fields.get(0) + " (1 min), " + fields.get(1) + " (5 min)";
        } catch (IOException | RuntimeException e) {
            return "load average unknown";
        }
    }

    private static String ortVersion() {
        Package ort = OrtEnvironment.class.getPackage();
        String version = ort == null ? null : ort.getImplementationVersion();
        return version == null ? "1.29.0" : version;
    }
}
