package tempered.exercise;

import java.util.List;

/** The checks' own input rules: the notebook data an exercise method is given must be there, else it says which. */
final class Inputs {
    private Inputs() {}

    /** The position of {@code label} in {@code labels}, which must hold it. */
    static int index(List<String> labels, String label, String what) {
        if (labels == null || !labels.contains(label)) {
            throw new IllegalArgumentException(
                    what + " hold no \"" + label + "\"; pass the notebook's " + what + " as they are, got " + labels);
        }
        return labels.indexOf(label);
    }

    /** {@code value} itself, refused when null: the check needs the notebook's data, not a placeholder. */
    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(
                    what + " is null; run the notebook's cells above this one first, then this check again");
        }
        return value;
    }
}
