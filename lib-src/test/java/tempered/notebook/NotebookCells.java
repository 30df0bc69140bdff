package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tempered.notebook.kernel.CellOutput;

/**
 * One run of a notebook, its code cells found by their cell ids (nbformat 4.5 gives every cell a stable id), so a
 * test asserts each figure in the cell that should show it rather than anywhere in the notebook.
 *
 * <p>With {@code -Dtempered.notebooks.dump=DIR} it also writes each cell's images there as
 * {@code <notebook>.<cell id>.png}, to look at a notebook as a learner sees it.
 */
final class NotebookCells {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("tempered.notebooks", "notebooks"));

    private final String notebook;
    private final Map<String, CellOutput> byId;

    private NotebookCells(String notebook, Map<String, CellOutput> byId) {
        this.notebook = notebook;
        this.byId = byId;
    }

    /** The outputs of the notebook's (cached) run, by cell id. */
    static NotebookCells of(String notebook) {
        List<String> ids = codeCellIds(NOTEBOOKS.resolve(notebook));
        List<CellOutput> outputs = NotebooksIT.run(notebook);
        assertEquals(ids.size(), outputs.size(), notebook + ": one output per code cell");
        Map<String, CellOutput> byId = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), outputs.get(i));
        }
        NotebookCells cells = new NotebookCells(notebook, byId);
        cells.dumpImages();
        return cells;
    }

    /** The ids of a notebook's code cells, in order. */
    static List<String> codeCellIds(Path notebook) {
        List<String> ids = new ArrayList<>();
        for (JsonNode cell : read(notebook).path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                ids.add(cell.path("id").asText());
            }
        }
        return ids;
    }

    static JsonNode read(Path notebook) {
        try {
            return new ObjectMapper().readTree(notebook.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + notebook, e);
        }
    }

    CellOutput cell(String id) {
        CellOutput cell = byId.get(id);
        assertTrue(
                cell != null, notebook + " has no code cell with id '" + id + "'; its code cells are " + byId.keySet());
        return cell;
    }

    /** What the cell shows as text (HTML for HTML outputs). */
    String text(String id) {
        return cell(id).allText();
    }

    /** Every figure appears in that cell's output; a failure lists all that are missing and what the cell shows. */
    void shows(String id, String... figures) {
        String text = text(id);
        List<String> missing =
                java.util.Arrays.stream(figures).filter(f -> !text.contains(f)).toList();
        assertTrue(
                missing.isEmpty(), notebook + " cell '" + id + "' does not show " + missing + "; it shows:\n" + text);
    }

    /** The cell's output matches {@code regex} somewhere; returns the match, for reading its groups. */
    Matcher matches(String id, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text(id));
        assertTrue(
                matcher.find(),
                notebook + " cell '" + id + "' shows nothing like /" + regex + "/; it shows:\n" + text(id));
        return matcher;
    }

    void showsImage(String id) {
        assertTrue(cell(id).has("image/png"), notebook + " cell '" + id + "' shows no chart");
    }

    void showsTable(String id) {
        assertTrue(
                cell(id).has("text/html") && text(id).contains("<table"),
                notebook + " cell '" + id + "' shows no HTML table");
    }

    private void dumpImages() {
        String folder = System.getProperty("tempered.notebooks.dump");
        if (folder == null || folder.isBlank()) {
            return;
        }
        byId.forEach((id, cell) -> {
            List<Map<String, Object>> shown = new ArrayList<>(cell.displays());
            if (cell.result() != null) {
                shown.add(cell.result());
            }
            int n = 0;
            for (Map<String, Object> data : shown) {
                if (data.get("image/png") instanceof byte[] png) {
                    write(Path.of(folder, notebook + "." + id + (n++ == 0 ? "" : "-" + n) + ".png"), png);
                } else if (data.get("image/png") instanceof String base64) {
                    write(
                            Path.of(folder, notebook + "." + id + (n++ == 0 ? "" : "-" + n) + ".png"),
                            Base64.getDecoder().decode(base64));
                }
            }
        });
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
