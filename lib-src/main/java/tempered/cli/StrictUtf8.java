package tempered.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding that refuses bytes that are not UTF-8, where Java's default puts U+FFFD in their place: text the
 * user typed or saved is read as it is, or refused with a message, never changed.
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    /** A new decoder that reports malformed and unmappable input instead of replacing it. */
    static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The text of {@code bytes}.
     *
     * @throws CharacterCodingException when they are not UTF-8
     */
    static String decode(byte[] bytes) throws CharacterCodingException {
        return decoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
}
