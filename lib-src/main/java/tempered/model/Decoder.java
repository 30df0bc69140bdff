package tempered.model;

/**
 * A batch of token sequences that grow together, one step at a time: each {@link #append} feeds new tokens
 * and returns, per sequence, the logits for the token after them. GPT-2's {@link KvCache} keeps keys and
 * values between steps; {@link LanguageModel#newDecoder}'s default recomputes from the whole sequence.
 * Close it when done.
 */
public interface Decoder extends AutoCloseable {

    /** Feeds {@code tokens[i]} to sequence {@code i} and returns each sequence's next-token logits. */
    float[][] append(int[][] tokens);

    /** Positions seen so far by every sequence. */
    int length();

    @Override
    void close();
}
