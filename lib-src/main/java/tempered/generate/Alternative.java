package tempered.generate;

import java.util.Locale;
import tempered.text.Tokenizer;

/**
 * A token the chain could have chosen at a step: its probability under the chain and under the raw model
 * (T = 1, nothing cut). The raw probability is there only when the generation recorded raw probabilities
 * ({@link GenerationSettings#rawProbabilities()}); otherwise its accessor throws and says how to record it.
 */
public record Alternative(int id, String token, double probability, double rawProbability) {

    @Override
    public double rawProbability() {
        return Step.recorded(rawProbability);
    }

    @Override
    public String toString() {
        String raw = Double.isNaN(rawProbability) ? "" : String.format(Locale.ROOT, " (raw %.4f)", rawProbability);
        return String.format(Locale.ROOT, "%s %.4f%s", Tokenizer.quoted(token), probability, raw);
    }
}
