package tempered.generate;

import java.util.List;

/**
 * One generated continuation: the new token ids (the prompt's are in {@link Generation}), their text, one
 * {@link Step} per token, and why it stopped. An {@code <|endoftext|>} that ended it is among the ids and
 * steps but not in the text.
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

    /** The mean raw surprisal per token, in bits: how unexpected the text was to the model itself. */
    public double meanSurprisalBits() {
        return steps.stream().mapToDouble(Step::surprisalBits).average().orElse(0);
    }

    @Override
    public String toString() {
        return text;
    }
}
