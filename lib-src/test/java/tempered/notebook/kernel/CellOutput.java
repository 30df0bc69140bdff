package tempered.notebook.kernel;

import java.util.List;
import java.util.Map;

/**
 * What one code cell showed: its printed text, its {@code display(...)} outputs, and its result (the value of
 * its last snippet when that is an expression), each display and the result as a map from MIME type to data.
 */
public record CellOutput(int cell, String source, String stdout, List<Map<String, Object>> displays,
                         Map<String, Object> result) {

    /** Whether the cell showed anything at all. */
    public boolean showsSomething() {
        return !stdout.isBlank() || !displays.isEmpty() || result != null;
    }

    /** Every text/plain and text/html the cell showed, and its printed text, joined: for assertions. */
    public String allText() {
        StringBuilder text = new StringBuilder(stdout);
        for (Map<String, Object> d : displays) {
            d.forEach((type, data) -> {
                if (data instanceof String s) {
                    text.append('\n').append(s);
                }
            });
        }
        if (result != null) {
            text.append('\n').append(result.get("text/plain"));
        }
        return text.toString();
    }

    /** Whether any display or the result carries this MIME type. */
    public boolean has(String mimeType) {
        return displays.stream().anyMatch(d -> d.containsKey(mimeType)) || (result != null && result.containsKey(mimeType));
    }
}
