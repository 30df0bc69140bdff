package tempered.generate;

import java.util.List;
import java.util.Locale;
import tempered.text.Gpt2Tokenizer;

/**
 * One generated token and why it was chosen: its probability under the sampler chain that drew it, its
 * log-probability under the raw model (T = 1), the entropy of both distributions, and the likeliest
 * alternatives under the chain.
 *
 * <pre>{@code
 * step.toString();   // shaped like: " mat" p=0.4123 raw log p=-1.2876 H=2.11 nats
 * }</pre>
 */
public record Step(int id, String token, double probability, double rawLogProbability, double entropy, double rawEntropy,
        List<Alternative> alternatives) {

    public Step {
        alternatives = List.copyOf(alternatives);
    }

    /** The raw model's probability of the token, {@code exp(rawLogProbability)}. */
    public double rawProbability() {
        return Math.exp(rawLogProbability);
    }

    /** The raw model's surprise at the token, in bits: {@code -log2 p}. */
    public double surprisalBits() {
        return -rawLogProbability / Math.log(2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s p=%.4f raw log p=%.4f H=%.2f nats", Gpt2Tokenizer.quoted(token), probability,
                rawLogProbability, entropy);
    }
}
