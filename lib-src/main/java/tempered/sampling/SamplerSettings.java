package tempered.sampling;

import java.util.ArrayList;
import java.util.List;
import tempered.math.Softmax;

/**
 * The usual sampling knobs in one value, and the two orders in which engines apply them.
 *
 * <p>{@link #temperatureFirst()} is Hugging Face transformers' and vLLM's order (penalty, temperature, top-k,
 * top-p, min-p); {@link #temperatureLast()} is llama.cpp's (penalty, top-k, top-p, min-p, temperature).
 * Disabled knobs (top-k 0, top-p 1, min-p 0, penalty 1) are left out of the chain. T = 0 gives a greedy
 * picker, as llama.cpp, vLLM and the OpenAI API do. It leaves out typical-p, mirostat and the frequency and
 * presence penalties.
 *
 * <pre>{@code
 * SamplerSettings.of(0.8).withTopK(40).withTopP(0.95).withMinP(0.05).withSeed(7).temperatureLast();
 * // top-k(40) -> top-p(0.95) -> min-p(0.05) -> temperature(0.8) -> random(seed=7)
 * }</pre>
 */
public record SamplerSettings(
        double temperature, int topK, double topP, double minP, double repetitionPenalty, long seed) {

    public SamplerSettings {
        Softmax.requireTemperature(temperature);
        new TopK(topK);
        new TopP(topP);
        new MinP(minP);
        new RepetitionPenalty(repetitionPenalty);
    }

    /** Only a temperature, everything else disabled, seed 0. */
    public static SamplerSettings of(double temperature) {
        return new SamplerSettings(temperature, 0, 1.0, 0.0, 1.0, 0L);
    }

    public SamplerSettings withTemperature(double value) {
        return new SamplerSettings(value, topK, topP, minP, repetitionPenalty, seed);
    }

    public SamplerSettings withTopK(int value) {
        return new SamplerSettings(temperature, value, topP, minP, repetitionPenalty, seed);
    }

    public SamplerSettings withTopP(double value) {
        return new SamplerSettings(temperature, topK, value, minP, repetitionPenalty, seed);
    }

    public SamplerSettings withMinP(double value) {
        return new SamplerSettings(temperature, topK, topP, value, repetitionPenalty, seed);
    }

    public SamplerSettings withRepetitionPenalty(double value) {
        return new SamplerSettings(temperature, topK, topP, minP, value, seed);
    }

    public SamplerSettings withSeed(long value) {
        return new SamplerSettings(temperature, topK, topP, minP, repetitionPenalty, value);
    }

    /** Transformers' and vLLM's order: temperature before the truncation samplers. */
    public SamplerChain temperatureFirst() {
        List<LogitsProcessor> chain = new ArrayList<>();
        addPenalty(chain);
        addTemperature(chain);
        addTruncation(chain);
        return new SamplerChain(chain, picker());
    }

    /** llama.cpp's order: truncation samplers on the raw logits, temperature just before the draw. */
    public SamplerChain temperatureLast() {
        List<LogitsProcessor> chain = new ArrayList<>();
        addPenalty(chain);
        addTruncation(chain);
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

    private void addTruncation(List<LogitsProcessor> chain) {
        if (topK != 0) {
            chain.add(new TopK(topK));
        }
        if (topP != 1.0) {
            chain.add(new TopP(topP));
        }
        if (minP != 0) {
            chain.add(new MinP(minP));
        }
    }

    private Picker picker() {
        return temperature == 0 ? new Greedy() : new RandomPicker(seed);
    }
}
