package tempered.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Locale;

/**
 * The playground's data as a JSON object, written by Jackson, that is safe inside an HTML {@code <script>}
 * element: the full logits in base64, and the labels, settings and controls.
 *
 * <p>Logits that are all exactly floats (a model's, widened from {@code float[]}) travel as 4 bytes each, the
 * rest as 8: GPT-2's 50,257 logits take 268 kB of base64 instead of 536 kB, and both decode to the same
 * doubles. Strings escape {@code <}, {@code >}, {@code &} and the two line separators old JavaScript engines
 * reject, so no label can close the script. Numbers are Jackson's, which JavaScript reads back as the same double;
 * every one is finite, from settings the library has validated.
 */
final class PageData {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setCharacterEscapes(new ScriptEscapes());
    }

    private PageData() {}

    /** "f32" when every logit is exactly a float (-Infinity included), else "f64". */
    static String encoding(double[] logits) {
        for (double x : logits) {
            if ((float) x != x) {
                return "f64";
            }
        }
        return "f32";
    }

    /** The logits as little-endian floats or doubles, per {@link #encoding}, in base64. */
    static String base64(double[] logits) {
        boolean narrow = encoding(logits).equals("f32");
        ByteBuffer bytes = ByteBuffer.allocate(logits.length * (narrow ? Float.BYTES : Double.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double x : logits) {
            if (narrow) {
                bytes.putFloat((float) x);
            } else {
                bytes.putDouble(x);
            }
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** {@code value} (maps, lists, strings, numbers, booleans) as JSON that no string in it can use to end a script. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the playground's data cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Jackson's standard escapes, plus {@code \\u} escapes for what an HTML script element must not contain. */
    private static final class ScriptEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        ScriptEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['>'] = CharacterEscapes.ESCAPE_CUSTOM;
            escapes['&'] = CharacterEscapes.ESCAPE_CUSTOM;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean custom = c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
            return custom ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", c)) : null;
        }
    }
}
