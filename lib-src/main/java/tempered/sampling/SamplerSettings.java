package tempered.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tempered.math.Softmax;

/**
 * The usual sampling knobs in one value, and the two orders in which engines apply them.
 *
 * <p>{@link #temperatureFirst()} is Hugging Face transformers' and vLLM's order (penalty, temperature, top-k,
 * top-p, min-p, typical-p); {@link #temperatureLast()} is llama.cpp's (penalty, top-n-sigma, top-k, typical-p,
 * top-p, min-p, XTC, temperature). The two differ only in where the temperature sits and in typical-p's place,
 * each engine's own; top-n-sigma and XTC, which transformers does not have, take llama.cpp's places in both.
 * Disabled knobs (top-k 0, top-p 1, min-p 0, penalty 1, top-n-sigma 0, typical-p 1, XTC probability 0) are left
 * out of the chain. Mirostat v2 (tau above 0) replaces the random picker; llama.cpp then leaves every other
 * sampler but the temperature out, here those that are set run before it. T = 0 gives a greedy picker, as
 * llama.cpp, vLLM and the OpenAI API do, whatever else is set. Every link that draws takes the one seed. It
 * leaves out DRY and the frequency and presence penalties.
 *
 * <pre>{@code
 * SamplerSettings.of(0.8).withTopK(40).withTopP(0.95).withMinP(0.05).withSeed(7).temperatureLast();
 * // top-k(40) -> top-p(0.95) -> min-p(0.05) -> temperature(0.8) -> random(seed=7)
 * SamplerSettings.of(0.8).withMirostatV2(5, 0.1).withSeed(7).temperatureLast();
 * // temperature(0.8) -> mirostat-v2(tau=5, eta=0.1, seed=7)
 * }</pre>
 */
public record SamplerSettings(
        double temperature,
        int topK,
        double topP,
        double minP,
        double repetitionPenalty,
        long seed,
        double topNSigma,
        double typicalP,
        double xtcProbability,
        double xtcThreshold,
        double mirostatTau,
        double mirostatEta) {

    public SamplerSettings {
        Softmax.requireTemperature(temperature);
        new TopK(topK);
        new TopP(topP);
        new MinP(minP);
        new RepetitionPenalty(repetitionPenalty);
        new TopNSigma(topNSigma);
        new TypicalP(typicalP);
        new Xtc(xtcProbability, xtcThreshold, seed);
        if (mirostatTau != 0) {
            new MirostatV2(mirostatTau, mirostatEta, seed);
        }
    }

    /** The six knobs every engine has; the others disabled. */
    public SamplerSettings(
            double temperature, int topK, double topP, double minP, double repetitionPenalty, long seed) {
        this(temperature, topK, topP, minP, repetitionPenalty, seed, 0, 1.0, 0, 0.1, 0, 0.1);
    }

    /** Only a temperature, everything else disabled, seed 0. */
    public static SamplerSettings of(double temperature) {
        return new SamplerSettings(temperature, 0, 1.0, 0.0, 1.0, 0L);
    }

    public SamplerSettings withTemperature(double value) {
        return with(d -> d.temperature = value);
    }

    public SamplerSettings withTopK(int value) {
        return with(d -> d.topK = value);
    }

    public SamplerSettings withTopP(double value) {
        return with(d -> d.topP = value);
    }

    public SamplerSettings withMinP(double value) {
        return with(d -> d.minP = value);
    }

    public SamplerSettings withRepetitionPenalty(double value) {
        return with(d -> d.repetitionPenalty = value);
    }

    public SamplerSettings withSeed(long value) {
        return with(d -> d.seed = value);
    }

    /** Top-n-sigma with this n (0 disables it). */
    public SamplerSettings withTopNSigma(double value) {
        return with(d -> d.topNSigma = value);
    }

    /** Locally typical sampling with this p (1 disables it). */
    public SamplerSettings withTypicalP(double value) {
        return with(d -> d.typicalP = value);
    }

    /** XTC acting at this share of steps, on tokens of at least this probability (probability 0 disables it). */
    public SamplerSettings withXtc(double probability, double threshold) {
        return with(d -> {
            d.xtcProbability = probability;
            d.xtcThreshold = threshold;
        });
    }

    /** Mirostat v2 in place of the random picker, with target tau and rate eta (tau 0 disables it). */
    public SamplerSettings withMirostatV2(double tau, double eta) {
        return with(d -> {
            d.mirostatTau = tau;
            d.mirostatEta = eta;
        });
    }

    /** A copy with some knobs changed, validated again as any new value is. */
    private SamplerSettings with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** The knobs as fields a wither can set, one at a time. */
    private static final class Draft {
        double temperature;
        int topK;
        double topP;
        double minP;
        double repetitionPenalty;
        long seed;
        double topNSigma;
        double typicalP;
        double xtcProbability;
        double xtcThreshold;
        double mirostatTau;
        double mirostatEta;

        Draft(SamplerSettings settings) {
            temperature = settings.temperature;
            topK = settings.topK;
            topP = settings.topP;
            minP = settings.minP;
            repetitionPenalty = settings.repetitionPenalty;
            seed = settings.seed;
            topNSigma = settings.topNSigma;
            typicalP = settings.typicalP;
            xtcProbability = settings.xtcProbability;
            xtcThreshold = settings.xtcThreshold;
            mirostatTau = settings.mirostatTau;
            mirostatEta = settings.mirostatEta;
        }

        SamplerSettings build() {
            return new SamplerSettings(
                    temperature,
                    topK,
                    topP,
                    minP,
                    repetitionPenalty,
                    seed,
                    topNSigma,
                    typicalP,
                    xtcProbability,
                    xtcThreshold,
                    mirostatTau,
                    mirostatEta);
        }
    }

    /** Transformers' and vLLM's order: temperature before the truncation samplers. */
    public SamplerChain temperatureFirst() {
        List<LogitsProcessor> chain = new ArrayList<>();
        addPenalty(chain);
        addTemperature(chain);
        if (topNSigma != 0) {
            chain.add(new TopNSigma(topNSigma));
        }
        if (topK != 0) {
            chain.add(new TopK(topK));
        }
        if (topP != 1.0) {
            chain.add(new TopP(topP));
        }
        if (minP != 0) {
            chain.add(new MinP(minP));
        }
        if (typicalP != 1.0) {
            chain.add(new TypicalP(typicalP));
        }
        addXtc(chain);
        return new SamplerChain(chain, picker());
    }

    /** llama.cpp's order: truncation samplers on the raw logits, temperature just before the draw. */
    public SamplerChain temperatureLast() {
        List<LogitsProcessor> chain = new ArrayList<>();
        addPenalty(chain);
        if (topNSigma != 0) {
            chain.add(new TopNSigma(topNSigma));
        }
        if (topK != 0) {
            chain.add(new TopK(topK));
        }
        if (typicalP != 1.0) {
            chain.add(new TypicalP(typicalP));
        }
        if (topP != 1.0) {
            chain.add(new TopP(topP));
        }
        if (minP != 0) {
            chain.add(new MinP(minP));
        }
        addXtc(chain);
        addTemperature(chain);
        return new SamplerChain(chain, picker());
    }

    private void addPenalty(List<LogitsProcessor> chain) {
        if (repetitionPenalty != 1.0) {
            chain.add(new RepetitionPenalty(repetitionPenalty));
        }
    }

    private void addTemperature(List<LogitsProcessor> chain) {
        if (temperature != 0) {
            chain.add(new Temperature(temperature));
        }
    }

    private void addXtc(List<LogitsProcessor> chain) {
        if (xtcProbability != 0) {
            chain.add(new Xtc(xtcProbability, xtcThreshold, seed));
        }
    }

    private Picker picker() {
        if (temperature == 0) {
            return new Greedy();
        }
        return mirostatTau != 0 ? new MirostatV2(mirostatTau, mirostatEta, seed) : new RandomPicker(seed);
    }
}
