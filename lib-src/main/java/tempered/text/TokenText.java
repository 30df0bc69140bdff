package tempered.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A token's bytes as readable text: characters where they are valid UTF-8, {@code \xHH} for each stray byte. */
final class TokenText {
    private TokenText() {}

    /**
     * The bytes as text: their characters where they are valid UTF-8, {@code \xHH} for each byte that is only
     * part of a character (a token can end in the middle of one: "😀" is two GPT-2 tokens).
     */
    static String readable(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer chars = CharBuffer.allocate(bytes.length * 2);
        StringBuilder out = new StringBuilder();
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, chars, true);
            chars.flip();
            out.append(chars);
            chars.clear();
            if (result.isError() || (result.isUnderflow() && in.hasRemaining())) {
                int bad = result.isError() ? result.length() : in.remaining();
                for (int i = 0; i < bad; i++) {
                    out.append(String.format("\\x%02X", in.get() & 0xFF));
                }
                decoder.reset();
            }
        }
        return out.toString();
    }
}
