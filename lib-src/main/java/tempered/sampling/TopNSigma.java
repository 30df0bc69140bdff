package tempered.sampling;

import tempered.format.Numbers;
import tempered.math.Logits;

/**
 * Keeps the tokens whose logit is within n standard deviations of the largest: {@code x_i >= max - n sigma},
 * with sigma the standard deviation of the logits of the tokens not masked.
 *
 * <p>It reads logits, not probabilities, so it needs no softmax; and because a temperature divides the largest
 * logit and sigma alike, the same tokens survive at any T: the cut is the model's, the temperature only reshapes
 * what is left. The likeliest token always survives. n = 0 disables it, as in llama.cpp (whose default, -1, does
 * the same). Tang et al., "Top-nσ: not all logits are you need", https://arxiv.org/abs/2411.07641.
 *
 * <p>As llama.cpp's {@code llama_sampler_init_top_n_sigma}, checked against its code on hand-made logits (the
 * tests hold its figures); llama.cpp sums the logits in float, this in double, scaled so that logits as large
 * as 1e300 do not overflow. Hugging Face transformers has no top-n-sigma.
 *
 * <pre>{@code
 * new TopNSigma(1).apply(new double[] {3, 2, 1, 0, -1});   // [3.0, 2.0, -Infinity, -Infinity, -Infinity]
 * }</pre>
 */
public record TopNSigma(double n) implements LogitsProcessor {

    public TopNSigma {
        if (!(n >= 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("top-n-sigma n=" + n + " must be a finite number >= 0; use 0 to"
                    + " disable, about 1 to keep the tokens near the top");
        }
    }

    @Override
    public double[] apply(double[] logits, int[] history) {
        Logits.requireValid(logits);
        if (n == 0) {
            return logits.clone();
        }
        double max = Double.NEGATIVE_INFINITY;
        double scale = 0;
        for (double x : logits) {
            if (x != Double.NEGATIVE_INFINITY) {
                max = Math.max(max, x);
                scale = Math.max(scale, Math.abs(x));
            }
        }
        double sigma = 0;
        if (scale > 0) {
            // Mean and deviation of x / scale, in [-1, 1]: logits near 1e300 would overflow a plain sum of squares.
            int count = 0;
            double mean = 0;
            for (double x : logits) {
                if (x != Double.NEGATIVE_INFINITY) {
                    mean += x / scale;
                    count++;
                }
            }
            mean /= count;
            double squares = 0;
            for (double x : logits) {
                if (x != Double.NEGATIVE_INFINITY) {
                    double d = x / scale - mean;
                    squares += d * d;
                }
            }
            sigma = Math.sqrt(squares / count) * scale;
        }
        return Logits.maskBelow(logits, max - n * sigma);
    }

    @Override
    public String toString() {
        return "top-n-sigma(" + Numbers.format(n) + ")";
    }
}
