package tempered.sampling;

/**
 * The token ids of the sequence so far, which penalties read ({@link LogitsProcessor#apply(double[], int[])}):
 * the one check every reader makes of them.
 */
final class History {
    private History() {}

    /**
     * Returns {@code history} after checking it is there.
     *
     * @throws IllegalArgumentException if it is null (a fresh sequence is {@code new int[0]})
     */
    static int[] require(int[] history) {
        if (history == null) {
            throw new IllegalArgumentException("history must not be null; pass new int[0] for a fresh sequence");
        }
        return history;
    }
}
