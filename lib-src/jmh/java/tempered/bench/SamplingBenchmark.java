package tempered.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Softmax;
import tempered.math.SoftmaxPass;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;

/**
 * The micro-figures: one sampling step over GPT-2's 50,257 logits, as {@code Generator} takes it with nothing
 * recorded (the token), with five alternatives, and with the raw model's figures too (in the draw's loop or in a
 * pass of their own), for plain temperature, llama.cpp's defaults and top-p alone; and a softmax over the same
 * logits. The logits are Gaussian with GPT-2's spread (a standard deviation of 4).
 *
 * <pre>{@code
 * mvn -B -Pjmh test-compile exec:exec                                   # every benchmark
 * mvn -B -Pjmh test-compile exec:exec -Djmh.args="-f 1 SamplingBenchmark.softmax"
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SamplingBenchmark {
    private static final int[] HISTORY = new int[0];

    private float[] logits;
    private double[] wide;
    private SamplerChain temperature;
    private SamplerChain llamaCpp;
    private SamplerChain topP;
    private final SoftmaxPass rawPass = new SoftmaxPass();

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2019);
        logits = new float[50_257];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 4);
        }
        wide = Logits.toDouble(logits);
        temperature = SamplerChain.builder().temperature(0.8).random(1);
        llamaCpp = SamplerSettings.of(0.8)
                .withTopK(40)
                .withTopP(0.95)
                .withMinP(0.05)
                .withSeed(1)
                .temperatureLast();
        topP = SamplerChain.builder().temperature(0.8).topP(0.9).random(1);
    }

    @Benchmark
    public int temperatureStep() {
        return temperature.choose(logits, HISTORY, 0, false).id();
    }

    @Benchmark
    public int temperatureStepWithFiveAlternatives() {
        return temperature.choose(logits, HISTORY, 5, false).id();
    }

    /** Everything a generation records by default: five alternatives and the raw model's figures, same loop. */
    @Benchmark
    public double temperatureStepWithRawFiguresInTheSameLoop() {
        return temperature.choose(logits, HISTORY, 5, true).raw().orElseThrow().entropy();
    }

    /** The same figures with the raw model's in a pass of their own, as any chain that changes the logits needs. */
    @Benchmark
    public double temperatureStepWithRawFiguresInTheirOwnPass() {
        return temperature.choose(logits, HISTORY, 5, false).id()
                + rawPass.weigh(wide, 1.0).summary().entropy();
    }

    @Benchmark
    public int llamaCppDefaultsStep() {
        return llamaCpp.choose(logits, HISTORY, 0, false).id();
    }

    @Benchmark
    public int llamaCppDefaultsStepWithFiveAlternatives() {
        return llamaCpp.choose(logits, HISTORY, 5, false).id();
    }

    @Benchmark
    public int topPAloneStep() {
        return topP.choose(logits, HISTORY, 0, false).id();
    }

    /** The tempered softmax over 50,257 logits: probabilities only. */
    @Benchmark
    public double[] softmax() {
        return Softmax.probs(wide, 1.0);
    }

    /** A whole distribution (probabilities and log-probabilities) from the model's float logits, as notebooks build it. */
    @Benchmark
    public Distribution distribution() {
        return Distribution.of(logits, 1.0);
    }
}
