package tempered.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * JSON for the command line's {@code --json} output and the playground's page, written by Jackson: any value
 * (records, lists, arrays, strings, numbers) as one line of compact JSON.
 *
 * <p>JSON has no NaN or infinities, so a non-finite number (a masked logit, -Infinity) is written as {@code null}.
 * {@link #forScript} also escapes {@code <}, {@code >}, {@code &} and the two line separators that old JavaScript
 * engines refuse, so that no text can close the HTML {@code <script>} element it sits in.
 *
 * <pre>{@code
 * Json.write(new double[] {0.5, Double.NEGATIVE_INFINITY});   // "[0.5,null]"
 * Json.write(new int[] {464, 3797});                         // "[464,3797]"
 * Json.forScript("</script>").contains("<");                   // false
 * }</pre>
 */
public final class Json {
    private static final ObjectWriter PLAIN = writer(null);
    private static final ObjectWriter SCRIPT = writer(new ScriptEscapes());

    private Json() {}

    /** {@code value} as compact JSON; Jackson writes records by their components, in order. */
    public static String write(Object value) {
        try {
            return PLAIN.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** {@code value} as compact JSON that is also safe inside an HTML {@code <script>} element. */
    public static String forScript(Object value) {
        try {
            return SCRIPT.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON string, or {@code null}. */
    public static String string(String text) {
        return write(text);
    }

    /** A JSON string safe inside a {@code <script>} element ({@link #forScript}), or {@code null}. */
    public static String scriptString(String text) {
        return forScript(text);
    }

    /** A number that reads back as the same double, or {@code null} for NaN and the infinities. */
    public static String number(double value) {
        return write(value);
    }

    public static String ints(int[] values) {
        return write(values);
    }

    /** {@code [e0,e1,...]} from already written elements. */
    public static String array(int size, IntFunction<String> element) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ",").append(element.apply(i));
        }
        return out.append(']').toString();
    }

    private static ObjectWriter writer(CharacterEscapes escapes) {
        JsonFactory factory = JsonFactory.builder()
                .addDecorator((f, generator) -> new FiniteOrNull(generator))
                .build();
        if (escapes != null) {
            factory.setCharacterEscapes(escapes);
        }
        return new ObjectMapper(factory).writer();
    }

    /** Writes NaN and the infinities, which JSON lacks, as null: in single numbers and in arrays of them. */
    private static final class FiniteOrNull extends JsonGeneratorDelegate {
        FiniteOrNull(JsonGenerator generator) {
            super(generator, false);
        }

        @Override
        public void writeNumber(double value) throws IOException {
            if (Double.isFinite(value)) {
                super.writeNumber(value);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeNumber(float value) throws IOException {
            if (Float.isFinite(value)) {
                super.writeNumber(value);
            } else {
                writeNull();
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }
    }

    /** JSON's escapes plus those that keep a string inside a script element: no text can end the element. */
    private static final class ScriptEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptEscapes() {
            for (char c : new char[] {'<', '>', '&'}) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean custom = c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
            return custom ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", c)) : null;
        }
    }
}
