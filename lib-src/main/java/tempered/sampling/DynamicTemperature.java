package tempered.sampling;

import java.util.Locale;
import tempered.format.Numbers;
import tempered.math.Distribution;
import tempered.math.Logits;

/**
 * A temperature chosen per step from how uncertain the model is: llama.cpp's entropy-scaled "dynamic
 * temperature" ({@code --dynatemp-range}, {@code --dynatemp-exp}).
 *
 * <p>With base T, range r and exponent e, each step measures the entropy H of the softmax of the logits it
 * gets, over the n tokens that are not masked, and divides by
 * {@code max(0, T - r) + ((T + r) - max(0, T - r)) * (H / ln n)^e}: a confident model (low H) is sampled cooler,
 * an uncertain one hotter. Range 0 is a plain {@link Temperature}. It leaves out KoboldCpp's other dynamic
 * temperature variants.
 *
 * <p>Where it differs from llama.cpp ({@code llama_sampler_temp_ext} in {@code src/llama-sampling.cpp}): n
 * here counts only the tokens that are not masked, while llama.cpp divides by the log of its whole candidate
 * list, in which tokens set to -infinity (by a logit bias or a grammar) still count. Its top-k, top-p and
 * min-p remove tokens from that list rather than masking them, so after those the two agree.
 *
 * <pre>{@code
 * new DynamicTemperature(0.8, 0.5, 1).temperatureFor(new double[] {1, 1, 1});    // 1.3: uniform, H = ln n
 * new DynamicTemperature(0.8, 0.5, 1).temperatureFor(new double[] {50, 0, 0});   // 0.3 (almost): H is about 0
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/2403.14541">Zhang et al., 2024, EDT: entropy-based dynamic temperature sampling</a>
 */
public record DynamicTemperature(double temperature, double range, double exponent) implements LogitsProcessor {

    public DynamicTemperature {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException(
                    "dynamic temperature T=" + temperature + " must be a finite number >= 0");
        }
        if (!(range >= 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException("dynamic temperature range " + range
                    + " must be a finite number >= 0; 0 gives a plain temperature");
        }
        if (!(exponent > 0) || Double.isInfinite(exponent)) {
            throw new IllegalArgumentException("dynamic temperature exponent " + exponent
                    + " must be a finite number > 0; 1 scales linearly with entropy");
        }
    }

    /** The temperature this step would use for these logits. */
    public double temperatureFor(double[] logits) {
        Logits.requireValid(logits);
        double lowest = Math.max(0, temperature - range);
        double highest = temperature + range;
        int candidates = 0;
        for (double x : logits) {
            candidates += x != Double.NEGATIVE_INFINITY ? 1 : 0;
        }
        if (candidates <= 1 || highest == lowest) {
            return temperature;
        }
        double normalised = Distribution.of(logits, 1.0).entropy() / Math.log(candidates);
        return lowest + (highest - lowest) * Math.pow(Math.min(1, Math.max(0, normalised)), exponent);
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        return new Temperature(temperatureFor(logits)).apply(logits, history);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "dynamic-temperature(%s±%s, exp=%s)",
                Numbers.format(temperature),
                Numbers.format(range),
                Numbers.format(exponent));
    }
}
