package tempered.text;

/**
 * GPT-2's byte-level alphabet: each of the 256 byte values stands for one printable character, so that a
 * vocabulary of strings can hold any bytes. Printable Latin-1 characters stand for themselves ({@code 'a'} for
 * 0x61); the others (controls, the space, 0x7F to 0xA0 and 0xAD) take the characters from U+0100 on, in byte
 * order, so the space 0x20 is {@code 'Ġ'} (U+0120) and the line feed 0x0A is {@code 'Ċ'} (U+010A).
 *
 * <p>Byte-level tokenizers (GPT-2's, SmolLM2's) store their vocabulary in this alphabet; it leaves out
 * SentencePiece's {@code ▁} and {@code <0xHH>} tokens, which {@link HubTokenizer} reads itself.
 *
 * @see <a href="https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf">Radford et al., 2019, section 2.2</a>
 */
final class ByteLevel {
    private static final char[] CHARACTER = new char[256];
    private static final int[] BYTE = new int[512];

    static {
        java.util.Arrays.fill(BYTE, -1);
        int next = 256;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = (char) (printable ? b : next++);
            CHARACTER[b] = c;
            BYTE[c] = b;
        }
    }

    private ByteLevel() {}

    /** The character that stands for a byte (0 to 255). */
    static char character(int b) {
        return CHARACTER[b & 0xFF];
    }

    /**
     * The bytes a vocabulary string stands for.
     *
     * @throws IllegalArgumentException when a character is outside the alphabet
     */
    static byte[] bytes(String token) {
        byte[] bytes = new byte[token.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = token.charAt(i);
            int b = c < BYTE.length ? BYTE[c] : -1;
            if (b < 0) {
                throw new IllegalArgumentException("'" + token + "' holds '" + c + "' (U+"
                        + String.format("%04X", (int) c) + "), which is not in the byte-level alphabet");
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    /** True when every character of a vocabulary string is in the alphabet. */
    static boolean covers(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= BYTE.length || BYTE[c] < 0) {
                return false;
            }
        }
        return true;
    }
}
