package tempered.generate;

import java.util.Locale;
import tempered.text.Gpt2Tokenizer;

/**
 * A token the chain could have chosen at a step: its probability under the chain and under the raw model
 * (T = 1, nothing cut).
 */
public record Alternative(int id, String token, double probability, double rawProbability) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.4f (raw %.4f)", Gpt2Tokenizer.quoted(token), probability, rawProbability);
    }
}
