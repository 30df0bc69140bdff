package tempered.generate;

import java.util.List;
import java.util.OptionalInt;

/**
 * One generated continuation: the new token ids (the prompt's are in {@link Generation}), their text, one
 * {@link Step} per token, and why it stopped. A stop token that ended it ({@code <|endoftext|>},
 * {@code <|im_end|>}) is among the ids and steps but not in the text.
 */
public record Sample(int[] tokenIds, String text, List<Step> steps, StopReason stop) {

    public Sample {
        tokenIds = tokenIds.clone();
        steps = List.copyOf(steps);
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    /** The stop token that ended the sample (its last id), when one did ({@link StopReason#END_OF_TEXT}). */
    public OptionalInt stopToken() {
        return stop == StopReason.END_OF_TEXT ? OptionalInt.of(tokenIds[tokenIds.length - 1]) : OptionalInt.empty();
    }

    /** The mean raw surprisal per token, in bits: how unexpected the text was to the model itself. */
    public double meanSurprisalBits() {
        return steps.stream().mapToDouble(Step::surprisalBits).average().orElse(0);
    }

    @Override
    public String toString() {
        return text;
    }
}
