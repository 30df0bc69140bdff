package tempered.cli;

import ai.onnxruntime.OrtException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ONNX Runtime failures that are the user's to fix, in words: a generation that ran past the positions the
 * model has, because its {@code config.json} is missing (Tempered then assumes GPT-2's 1,024) or says more
 * than the model has. The position embedding's Gather is the node that fails.
 */
final class ModelFailure {
    private static final Pattern GATHER = Pattern.compile(
            "Gather node.*indices element out of data bounds, idx=(-?\\d+) must be within the inclusive range \\[-(\\d+),\\s*(\\d+)\\]",
            Pattern.DOTALL);

    private ModelFailure() {}

    /** The message for a generation past the model's positions, when that is what {@code failure} was. */
    static Optional<String> outOfPositions(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OrtException && cause.getMessage() != null) {
                Matcher matcher = GATHER.matcher(cause.getMessage());
                if (matcher.find()) {
                    String positions = matcher.group(2);
                    return Optional.of("the model has " + positions + " positions, but this run reached position "
                            + matcher.group(1)
                            + " (counting from 0): its config.json is missing, or says a longer context (n_positions) than the model"
                            + " has. Put the model's own config.json beside it, or keep the prompt plus --max-new-tokens within "
                            + positions + " tokens");
                }
            }
        }
        return Optional.empty();
    }
}
