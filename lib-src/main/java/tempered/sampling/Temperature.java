package tempered.sampling;

import tempered.format.Numbers;
import tempered.math.Logits;
import tempered.math.Softmax;
import tempered.math.SoftmaxPass;

/**
 * Divides every logit by T: below 1 it sharpens the distribution, above 1 it flattens it.
 *
 * <p>T = 0 is greedy: only the largest logit survives (ties: the lowest id), as llama.cpp, vLLM and the
 * OpenAI API treat it. (Hugging Face transformers refuses T = 0 and asks for {@code do_sample=False}.) Of tied
 * tokens llama.cpp keeps the first in its candidate list, the lowest id only while nothing sorted the list.
 * Masked tokens stay masked. Where x / T would overflow, the logits are shifted by their maximum first,
 * which changes no probability.
 *
 * <pre>{@code
 * new Temperature(0.5).apply(new double[] {3, 2, 1});  // [6.0, 4.0, 2.0]
 * new Temperature(0).apply(new double[] {3, 2, 1});    // [3.0, -Infinity, -Infinity]
 * }</pre>
 */
public record Temperature(double value) implements LogitsProcessor {

    public Temperature {
        Softmax.requireTemperature(value);
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        if (value == 0) {
            // What the softmax at T = 0 gives any weight: the likeliest token alone (SoftmaxPass says which).
            int best = new SoftmaxPass().weigh(logits, 0).argmax();
            double[] out = Logits.masked(logits.length);
            out[best] = logits[best];
            return out;
        }
        double[] out = new double[logits.length];
        boolean overflowed = false;
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] / value;
            overflowed |= Double.isInfinite(out[i]) && !Double.isInfinite(logits[i]);
        }
        if (overflowed) {
            double max = logits[Logits.argmax(logits)];
            for (int i = 0; i < logits.length; i++) {
                out[i] = (logits[i] - max) / value;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "temperature(" + Numbers.format(value) + ")";
    }
}
