package tempered.notebook.kernel;

import java.util.List;
import java.util.Map;

/**
 * What one code cell showed: its printed text (standard output and standard error), its {@code display(...)}
 * outputs, its result (the value of its last snippet when that is an expression), each display and the result as
 * a map from MIME type to data, and the error it ended on, if it was run allowing errors.
 */
public record CellOutput(
        int cell,
        String source,
        String stdout,
        String stderr,
        List<Map<String, Object>> displays,
        Map<String, Object> result,
        KernelError error) {

    /** Whether the cell showed anything at all. */
    public boolean showsSomething() {
        return !stdout.isBlank() || !stderr.isBlank() || !displays.isEmpty() || result != null || error != null;
    }

    /**
     * The text a reader sees: printed text, then each display and the result as Jupyter shows it, the richest
     * type first (an image shows no text, HTML shows instead of plain text).
     */
    public String allText() {
        StringBuilder text = new StringBuilder(stdout).append(stderr);
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
