package tempered.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tempered.model.OnnxModel;
import tempered.model.OnnxWeights;

/**
 * Measures GPT-2 as the notebooks and the command line run it, against the machine's memory bandwidth: the model
 * step alone, generation as {@code Generator} runs it beside the model step, an int8 model beside float32, GPT-2 and
 * SmolLM2-135M in each of their precisions side by side ({@link FamilySpeed}), and what a learner waits for. Every
 * figure is the median of runs, shown with their range.
 *
 * <p>In this order: resident memory over many steps (first, before the probes' large arrays raise it), the
 * bandwidth probes, the model step, generation, int8, the models side by side, the probes again (so the bound is
 * taken right before and after decoding), then the learner's waits, whose child processes would otherwise compete
 * with the measurements. Each model's bound is the bandwidth over the weight bytes its own file says a step reads
 * ({@link OnnxWeights#bytesReadPerToken}). It leaves out the first run of each measurement, which warms up ONNX
 * Runtime and the JIT. The micro-figures (one sampling step, a softmax over 50,257 logits) are JMH benchmarks, run
 * apart from it.
 */
public final class Benchmark {
    static final String BOUND = "bandwidth bound for float32 batch-1 decoding";
    static final String BOUND_SHARE = "float32 decoding as a share of the bound";

    private final OnnxModel float32;
    private final OnnxModel int8;
    private final List<FamilySpeed.Entry> family;
    private final Path modelPath;
    private final Scale scale;
    private final PrintStream log;

    /**
     * @param float32 the model measured first and against the bound: GPT-2 (or a model named to stand for it)
     * @param int8 its int8 counterpart, or null to leave the int8 figures out
     * @param others more models to measure beside the two, by label, such as {@code SmolLM2 4-bit}
     * @param modelPath where {@code float32} was opened from, for the learner's waits
     */
    public Benchmark(
            OnnxModel float32,
            OnnxModel int8,
            Map<String, OnnxModel> others,
            Path modelPath,
            Scale scale,
            PrintStream log) {
        requireContext(float32, scale);
        for (OnnxModel other : others.values()) {
            requireContext(other, scale);
        }
        this.float32 = float32;
        this.int8 = int8;
        List<FamilySpeed.Entry> entries = new ArrayList<>();
        entries.add(new FamilySpeed.Entry(float32.name() + " float32", float32));
        if (int8 != null) {
            entries.add(new FamilySpeed.Entry(float32.name() + " int8", int8));
        }
        others.forEach((label, model) -> entries.add(new FamilySpeed.Entry(label, model)));
        this.family = List.copyOf(entries);
        this.modelPath = modelPath;
        this.scale = scale;
        this.log = log;
    }

    /**
     * Refuses a model too short for the scale's positions, before anything is built or measured.
     *
     * @throws IllegalArgumentException saying what to use instead
     */
    public static void requireContext(OnnxModel model, Scale scale) {
        if (model.contextLength() < scale.contextNeeded()) {
            throw new IllegalArgumentException("the benchmark decodes up to position " + scale.decodeSteps()
                    + ", but this model sees only "
                    + model.contextLength() + " positions; use GPT-2, a model with at least " + scale.contextNeeded()
                    + ", or --quick");
        }
    }

    public Measurements run() {
        Measurements figures = new Measurements();
        ModelSpeed.memory(float32, scale, figures, log);
        log.println("memory bandwidth, before decoding ...");
        List<Bandwidth.Probe> before = Bandwidth.measure(scale.probeMegabytes(), Math.max(3, scale.runs()));
        ModelSpeed.measure(float32, scale, figures, log);
        GenerationSpeed.measure(float32, scale, figures, log);
        if (int8 != null) {
            QuantizedSpeed.measure(float32, int8, scale, figures, log);
        } else {
            figures.note(
                    "no int8 model, so no int8 figures: without --model the benchmark builds one, or pass --int8-model");
        }
        FamilySpeed.measure(family, scale, figures, log);
        log.println("memory bandwidth, after decoding ...");
        List<Bandwidth.Probe> after = Bandwidth.measure(scale.probeMegabytes(), Math.max(3, scale.runs()));
        bound(before, after, figures);
        LearnerWaits.measure(modelPath, scale, figures, log);
        return figures;
    }

    /**
     * What each ONNX Runtime setting buys, for the float32 model and (unless null) the int8 one: decoding with one
     * setting changed, against the defaults in the same run.
     */
    public static void tuning(Path float32, Path int8, Scale scale, Measurements figures, PrintStream log) {
        SessionTuning.measure(float32, "float32", scale, figures, log);
        if (int8 != null) {
            SessionTuning.measure(int8, "int8", scale, figures, log);
        }
    }

    private void bound(List<Bandwidth.Probe> before, List<Bandwidth.Probe> after, Measurements figures) {
        for (Bandwidth.Probe probe : before) {
            figures.add(probe.figure("before decoding"));
        }
        for (Bandwidth.Probe probe : after) {
            figures.add(probe.figure("after decoding"));
        }
        BandwidthBound bound = BandwidthBound.of(before, after);
        double bytesPerToken = bytesReadPerToken(float32);
        figures.add(Figure.exact("weights read per float32 token", "MB", bytesPerToken / 1e6));
        figures.add(Figure.exact(BOUND, "tokens/s", bound.tokensPerSecond(bytesPerToken)));
        if (!bound.stable()) {
            figures.note("the bandwidth probe was unstable, so no share of the bound is given: " + bound.why());
            FamilySpeed.bounds(family, bound, figures);
            return;
        }
        figures.note("bound from " + bound.why());
        figures.find(ModelSpeed.DECODE)
                .ifPresent(decode -> figures.add(
                        Figure.exact(BOUND_SHARE, "%", 100 * decode.value() / bound.tokensPerSecond(bytesPerToken))));
        if (int8 != null) {
            double int8Bytes = bytesReadPerToken(int8);
            figures.find(QuantizedSpeed.DECODE)
                    .ifPresent(decode -> figures.add(Figure.exact(
                            "int8 decoding as a share of its own bound",
                            "%",
                            100 * decode.value() / bound.tokensPerSecond(int8Bytes))));
        }
        FamilySpeed.bounds(family, bound, figures);
    }

    /** What a decoding step of the model reads from memory: the weight bytes its file says ({@link OnnxWeights}). */
    private static double bytesReadPerToken(OnnxModel model) {
        return OnnxWeights.read(model.info().file()).bytesReadPerToken();
    }
}
