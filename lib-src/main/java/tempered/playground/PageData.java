package tempered.playground;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import tempered.format.Json;

/**
 * The playground's data as a JSON object that is safe inside an HTML {@code <script>} element
 * ({@link Json#forScript}): the full logits in base64, and the labels, settings and controls.
 *
 * <p>Logits that are all exactly floats (a model's, widened from {@code float[]}) travel as 4 bytes each, the
 * rest as 8: GPT-2's 50,257 logits take 268 kB of base64 instead of 536 kB, and both decode to the same
 * doubles. No label can close the script. Numbers are Jackson's, which JavaScript reads back as the same double;
 * every one is finite, from settings the library has validated.
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

    /** {@code value} (maps, lists, strings, numbers, booleans) as JSON that no string in it can use to end a script. */
    static String json(Object value) {
        return Json.forScript(value);
    }
}
