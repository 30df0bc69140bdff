package tempered.math;

/**
 * The tempered softmax: {@code p_i = exp(x_i / T) / sum_j exp(x_j / T)}, computed so that it stays exact.
 *
 * <p>It subtracts the largest logit before exponentiating (the log-sum-exp trick), so no term overflows and
 * at least one term is exactly 1; the textbook formula ({@link NaiveSoftmax}) turns into 0 / 0 = NaN for
 * ordinary logits once T is small. Everything is computed in double, for T from 1e-6 to 1e6 and logits as
 * large as 1e30 in magnitude. {@code -Infinity} logits are masked tokens and get probability 0.
 *
 * <p>T = 0 is greedy decoding: all the mass on the largest logit, as llama.cpp, vLLM and the OpenAI API treat
 * it. Ties go to the lowest index here; llama.cpp keeps the first of them in its candidate list, which is the
 * lowest id only while no earlier sampler has sorted the list. The limit of the formula as T falls to 0 is the
 * same except for ties, which it would share out evenly.
 *
 * <pre>{@code
 * Softmax.probs(new double[] {1, 2}, 1.0);  // [0.26894142, 0.73105858]
 * Softmax.probs(new double[] {1, 2}, 5.0);  // [0.45016600, 0.54983400]
 * }</pre>
 *
 * <p>Temperature in sampling goes back to Ackley, Hinton and Sejnowski, "A learning algorithm for Boltzmann
 * machines" (1985); in language models see Holtzman et al., "The curious case of neural text degeneration",
 * https://arxiv.org/abs/1904.09751.
 */
public final class Softmax {
    private Softmax() {}

    /** Probabilities at temperature 1. */
    public static double[] probs(double[] logits) {
        return probs(logits, 1.0);
    }

    /** Probabilities at temperature {@code temperature}; a new array, the input is not touched. */
    public static double[] probs(double[] logits, double temperature) {
        double[] probs = new double[logits == null ? 0 : logits.length];
        double sum = new SoftmaxPass(probs).weigh(logits, temperature).sum();
        for (int i = 0; i < probs.length; i++) {
            probs[i] /= sum;
        }
        return probs;
    }

    /** Probabilities of float logits (as models emit them), computed in double. */
    public static double[] probs(float[] logits, double temperature) {
        return probs(Logits.toDouble(logits), temperature);
    }

    /**
     * Natural-log probabilities: {@code (x_i - max) / T - ln sum_j exp((x_j - max) / T)}; masked tokens get
     * {@code -Infinity}. More precise than {@code Math.log(probs(...))} for very unlikely tokens, whose
     * probability underflows to 0 while their log-probability is still an ordinary number.
     */
    public static double[] logProbs(double[] logits, double temperature) {
        return Distribution.of(logits, temperature).logProbs();
    }

    /** Log-probabilities of float logits, computed in double. */
    public static double[] logProbs(float[] logits, double temperature) {
        return logProbs(Logits.toDouble(logits), temperature);
    }

    /**
     * Returns {@code temperature} after checking it is a usable temperature: finite and at least 0.
     *
     * @throws IllegalArgumentException naming the value and the fix
     */
    public static double requireTemperature(double temperature) {
        if (Double.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature T=NaN is not a number; use a finite T >= 0"
                    + " (0 is greedy, 1 leaves the model's distribution as it is)");
        }
        if (Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature T=" + temperature + " must be finite; a large T"
                    + " such as 100 already makes the distribution nearly uniform");
        }
        if (temperature < 0) {
            throw new IllegalArgumentException("temperature T=" + temperature + " must be >= 0; use 0 for"
                    + " greedy decoding or a small positive value such as 0.7");
        }
        return temperature;
    }
}
