package tempered.generate;

import java.util.List;
import java.util.Locale;
import tempered.text.Tokenizer;

/**
 * One generated token and why it was chosen: its probability under the sampler chain that drew it, its
 * log-probability under the raw model (T = 1), the entropy of both distributions, and the likeliest
 * alternatives under the chain.
 *
 * <p>A generation run with {@link GenerationSettings#withRawProbabilities(boolean) withRawProbabilities(false)}
 * does not compute the raw figures; their accessors then throw an {@link IllegalStateException} that says so,
 * rather than return a number that was never measured.
 *
 * <pre>{@code
 * step.toString();   // shaped like: " mat" p=0.4123 raw log p=-1.2876 H=2.11 nats
 * }</pre>
 */
public record Step(
        int id,
        String token,
        double probability,
        double rawLogProbability,
        double entropy,
        double rawEntropy,
        List<Alternative> alternatives) {

    /** Stands for a raw figure that was not computed (NaN is never a measured value here). */
    static final double NOT_RECORDED = Double.NaN;

    public Step {
        alternatives = List.copyOf(alternatives);
    }

    /** The raw model's log-probability of the token (natural log). */
    @Override
    public double rawLogProbability() {
        return recorded(rawLogProbability);
    }

    /** The entropy of the raw model's distribution at this step, in nats. */
    @Override
    public double rawEntropy() {
        return recorded(rawEntropy);
    }

    /** The raw model's probability of the token, {@code exp(rawLogProbability)}. */
    public double rawProbability() {
        return Math.exp(rawLogProbability());
    }

    /** The raw model's surprise at the token, in bits: {@code -log2 p}. */
    public double surprisalBits() {
        return -rawLogProbability() / Math.log(2);
    }

    static double recorded(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalStateException("this generation did not record the raw model's probabilities;"
                    + " generate with GenerationSettings.of(n).withRawProbabilities(true), the default");
        }
        return value;
    }

    @Override
    public String toString() {
        String raw =
                Double.isNaN(rawLogProbability) ? "" : String.format(Locale.ROOT, " raw log p=%.4f", rawLogProbability);
        return String.format(
                Locale.ROOT, "%s p=%.4f%s H=%.2f nats", Tokenizer.quoted(token), probability, raw, entropy);
    }
}
