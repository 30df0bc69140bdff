package tempered.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tempered.model.Gpt2Model;
import tempered.model.ModelInfo;

/**
 * Measures GPT-2 as the notebooks and the command line run it, against the machine's memory bandwidth: the model
 * step alone, generation as {@code Generator} runs it beside the model step, an int8 model beside float32, and what
 * a learner waits for. Every figure is the median of runs, shown with their range.
 *
 * <p>In this order: resident memory over many steps (first, before the probes' large arrays raise it), the
 * bandwidth probes, the model step, generation, int8, the probes again (so the bound is taken right before and
 * after decoding), then the learner's waits, whose child processes would otherwise compete with the measurements.
 * It leaves out the first run of each measurement, which warms up ONNX Runtime and the JIT. The micro-figures
 * (one sampling step, a softmax over 50,257 logits) are JMH benchmarks, run apart from it.
 */
public final class Benchmark {
    static final String BOUND = "bandwidth bound for float32 batch-1 decoding";
    static final String BOUND_SHARE = "float32 decoding as a share of the bound";

    private final Gpt2Model float32;
    private final Gpt2Model int8;
    private final Path modelPath;
    private final Scale scale;
    private final PrintStream log;

    /**
     * @param float32 the model measured first and against the bound
     * @param int8 its int8 counterpart, or null to leave the int8 figures out
     * @param modelPath where {@code float32} was opened from, for the learner's waits
     */
    public Benchmark(Gpt2Model float32, Gpt2Model int8, Path modelPath, Scale scale, PrintStream log) {
        if (float32.contextLength() < scale.contextNeeded()) {
            throw new IllegalArgumentException("the benchmark decodes up to position " + scale.decodeSteps()
                    + ", but this model sees only "
                    + float32.contextLength() + " positions; use GPT-2, a model with at least " + scale.contextNeeded()
                    + ", or --quick");
        }
        this.float32 = float32;
        this.int8 = int8;
        this.modelPath = modelPath;
        this.scale = scale;
        this.log = log;
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
        ModelInfo info = float32.info();
        double bytesPerToken = info.weightBytesPerToken();
        figures.add(Figure.exact("weights read per float32 token", "MB", bytesPerToken / 1e6));
        figures.add(Figure.exact(BOUND, "tokens/s", bound.tokensPerSecond(bytesPerToken)));
        if (!bound.stable()) {
            figures.note("the bandwidth probe was unstable, so no share of the bound is given: " + bound.why());
            return;
        }
        figures.note("bound from " + bound.why());
        figures.find(ModelSpeed.DECODE)
                .ifPresent(decode -> figures.add(
                        Figure.exact(BOUND_SHARE, "%", 100 * decode.value() / bound.tokensPerSecond(bytesPerToken))));
        // An int8 model reads one byte per weight (the scales are a few hundred floats): a quarter of float32's bytes.
        figures.find(QuantizedSpeed.DECODE)
                .ifPresent(decode -> figures.add(Figure.exact(
                        "int8 decoding as a share of its own bound",
                        "%",
                        100 * decode.value() / bound.tokensPerSecond(bytesPerToken / 4))));
    }
}
