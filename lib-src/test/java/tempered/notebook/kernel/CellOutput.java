package tempered.notebook.kernel;

import java.util.List;
import java.util.Map;

/**
 * What one code cell showed: its printed text, its {@code display(...)} outputs, and its result (the value of
 * its last snippet when that is an expression), each display and the result as a map from MIME type to data.
 */
public record CellOutput(
        int cell, String source, String stdout, List<Map<String, Object>> displays, Map<String, Object> result) {

    /** Whether the cell showed anything at all. */
    public boolean showsSomething() {
        return !stdout.isBlank() || !displays.isEmpty() || result != null;
    }

    /**
     * The text a reader sees: printed text, then each display and the result as Jupyter shows it, the richest
     * type first (an image shows no text, HTML shows instead of plain text).
     */
    public String allText() {
        StringBuilder text = new StringBuilder(stdout);
        for (Map<String, Object> d : displays) {
            text.append('\n').append(shown(d));
        }
        if (result != null) {
            text.append('\n').append(shown(result));
        }
        return text.toString();
    }

    private static Object shown(Map<String, Object> data) {
        if (data.containsKey("image/png")) {
            return "";
        }
        return data.getOrDefault("text/html", data.get("text/plain"));
    }

    /** Whether any display or the result carries this MIME type. */
    public boolean has(String mimeType) {
        return displays.stream().anyMatch(d -> d.containsKey(mimeType))
                || (result != null && result.containsKey(mimeType));
    }
}
