package tempered.format;

import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Just enough JSON writing for the command line's output and the playground's page: strings, numbers and arrays
 * of them.
 *
 * <p>JSON has no infinities, so {@link #number} writes a masked logit (-Infinity) as {@code null}.
 *
 * <pre>{@code
 * Json.numbers(new double[] {0.5, Double.NEGATIVE_INFINITY});   // "[0.5, null]"
 * Json.ints(new int[] {464, 3797});                             // "[464, 3797]"
 * Json.scriptString("</script>").contains("<");                  // false
 * }</pre>
 */
public final class Json {
    private Json() {}

    /** A JSON string, escaping only what JSON requires. */
    public static String string(String text) {
        return text == null ? "null" : quoted(text, false);
    }

    /**
     * A JSON string that is also safe inside an HTML {@code <script>} element: {@code <}, {@code >}, {@code &} and
     * the two line separators old JavaScript engines reject are {@code \\u} escapes, so no text can close the script.
     */
    public static String scriptString(String text) {
        return text == null ? "null" : quoted(text, true);
    }

    /** A number that reads back as the same double, or {@code null} for NaN and the infinities. */
    public static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }

    public static String numbers(double[] values) {
        return array(values.length, i -> number(values[i]));
    }

    public static String ints(int[] values) {
        return array(values.length, i -> Integer.toString(values[i]));
    }

    public static String strings(List<String> values) {
        return values == null ? "null" : array(values.size(), i -> string(values.get(i)));
    }

    /** {@code [e0, e1, ...]} from already written elements. */
    public static String array(int size, IntFunction<String> element) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ", ").append(element.apply(i));
        }
        return out.append(']').toString();
    }

    private static String quoted(String text, boolean forScript) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean unsafe = forScript && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029');
                    if (c < 0x20 || unsafe) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
