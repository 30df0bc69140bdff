package tempered.playground;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import tempered.format.Json;

/**
 * The playground's data as JavaScript literals that are safe inside an HTML {@code <script>} element: the full
 * logits in base64, and strings and numbers in JSON.
 *
 * <p>Logits that are all exactly floats (a model's, widened from {@code float[]}) travel as 4 bytes each, the
 * rest as 8: GPT-2's 50,257 logits take 268 kB of base64 instead of 536 kB, and both decode to the same
 * doubles. Strings escape {@code <}, {@code >} and {@code &}, so no label can close the script.
 */
final class PageData {
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

    /** A JSON string that no label can use to close the script. */
    static String string(String text) {
        return Json.scriptString(text);
    }

    /** A JSON number that JavaScript reads back as the same double: Double.toString round-trips. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value + "; only finite numbers reach the page");
        }
        return Json.number(value);
    }

    static String strings(List<String> values) {
        return Json.array(values.size(), i -> string(values.get(i)));
    }

    static String numbers(double[] values) {
        return Json.array(values.length, i -> number(values[i]));
    }

    static String ints(int[] values) {
        return Json.ints(values);
    }
}
