package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The executor shows what the real kernel shows: a corpus of cells that exercise the edges (magics, displays,
 * compile and runtime errors, imports again after declarations, redeclared variables and methods, {@code %load}
 * of files with imports, the notebooks' own setup files) was run once in JJava 1.0-a7, and its outputs are
 * committed beside it ({@code fidelity/expected}, written by {@code fidelity/record.py}). This test runs the same
 * cells through the executor, allowing errors as {@code nbconvert --allow-errors} does, and compares cell by cell.
 *
 * <p>Compared: printed text (standard output and standard error), each display and the result (MIME types and
 * their text; a PNG only by its presence), and an error's name, value and traceback, leaving out the kernel's own
 * stack frames. What differs between two runs of the kernel is normalised on both sides: object identities, display
 * ids, JShell's class names and the notebooks folder's absolute path (which the recording holds as
 * {@code <notebooks>}, so that it matches on any clone). The one difference allowed is the executor's
 * documented strictness: a declaration left unusable at the end of its cell fails here and shows nothing there.
 */
class KernelFidelityIT {
    private static final Path CORPUS = Path.of("../lib-src/test/resources/tempered/notebook/kernel/fidelity");
    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{5,8}\\b");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SNIPPET_CLASS = Pattern.compile("\\$JShell\\$\\d+[A-Z]*");
    private static final Pattern COLOURS = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final List<String> MODEL_SETTINGS =
            List.of("tempered.model.dir", "TEMPERED_MODEL_DIR", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME");

    @TempDir
    Path emptyCache;

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".ipynb"))
                    .sorted()
                    .toList();
            assertFalse(names.isEmpty(), "no fidelity corpus in " + CORPUS.toAbsolutePath());
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theExecutorShowsWhatTheKernelShowed(String name) throws IOException {
        JsonNode expected = new ObjectMapper()
                .readTree(CORPUS.resolve("expected").resolve(name).toFile());
        List<CellOutput> actual = runWithoutAModel(CORPUS.resolve(name));
        JsonNode cells = expected.path("cells");
        assertEquals(cells.size(), actual.size(), name + ": cells run");
        for (int i = 0; i < actual.size(); i++) {
            Shown kernel = Shown.of(cells.get(i).path("outputs"));
            Shown executor = Shown.of(actual.get(i));
            String where = name + ", cell " + (i + 1) + ":\n"
                    + ErrorText.indent(actual.get(i).source()) + "\n";
            if (actual.get(i).error() != null
                    && NotebookExecutor.STRICTER_THAN_JJAVA.equals(
                            actual.get(i).error().ename())) {
                assertEquals(
                        List.of(), kernel.errors(), where + "the executor's own strictness, where JJava is silent");
                executor = executor.withoutErrors();
            }
            assertEquals(kernel, executor, where);
        }
    }

    /** Runs as the corpus was recorded: with no model anywhere the library looks, so gpt2.jsh reports it missing. */
    private List<CellOutput> runWithoutAModel(Path notebook) {
        Map<String, String> saved = new HashMap<>();
        MODEL_SETTINGS.forEach(name -> saved.put(name, System.getProperty(name)));
        try {
            // A blank setting counts as unset, and a property wins over the variable of the same name.
            MODEL_SETTINGS.forEach(name -> System.setProperty(name, ""));
            System.clearProperty("tempered.model.dir");
            System.setProperty("HF_HOME", emptyCache.toString());
            try (NotebookExecutor executor = new NotebookExecutor()) {
                return executor.runAllowingErrors(notebook);
            }
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }

    /** What one cell showed, normalised: printed text by stream, displays and result by MIME type, errors. */
    record Shown(
            Map<String, String> streams,
            List<Map<String, String>> displays,
            Map<String, String> result,
            List<List<String>> errors) {

        static Shown of(JsonNode outputs) {
            Map<String, String> streams = new TreeMap<>();
            List<Map<String, String>> displays = new ArrayList<>();
            Map<String, String> result = Map.of();
            List<List<String>> errors = new ArrayList<>();
            for (JsonNode output : outputs) {
                switch (output.path("output_type").asText()) {
                    case "stream" ->
                        streams.merge(
                                output.path("name").asText(),
                                normalise(NotebookExecutor.source(output.path("text"))),
                                String::concat);
                    case "display_data" -> displays.add(data(output.path("data")));
                    case "execute_result" -> result = data(output.path("data"));
                    case "error" ->
                        errors.add(error(
                                output.path("ename").asText(),
                                output.path("evalue").asText(),
                                lines(output.path("traceback"))));
                    default -> throw new AssertionError("unknown output " + output);
                }
            }
            return new Shown(streams, displays, result, errors);
        }

        static Shown of(CellOutput cell) {
            Map<String, String> streams = new TreeMap<>();
            if (!cell.stdout().isEmpty()) {
                streams.put("stdout", normalise(cell.stdout()));
            }
            if (!cell.stderr().isEmpty()) {
                streams.put("stderr", normalise(cell.stderr()));
            }
            List<Map<String, String>> displays =
                    cell.displays().stream().map(Shown::data).toList();
            Map<String, String> result = cell.result() == null ? Map.of() : data(cell.result());
            List<List<String>> errors = cell.error() == null
                    ? List.of()
                    : List.of(error(
                            cell.error().ename(),
                            cell.error().evalue(),
                            cell.error().traceback()));
            return new Shown(streams, displays, result, errors);
        }

        Shown withoutErrors() {
            return new Shown(streams, displays, result, List.of());
        }

        private static Map<String, String> data(JsonNode data) {
            Map<String, String> shown = new TreeMap<>();
            data.fields()
                    .forEachRemaining(field -> shown.put(
                            field.getKey(),
                            field.getValue().isTextual() || field.getValue().isArray()
                                    ? NotebookExecutor.source(field.getValue())
                                    : field.getValue().toString()));
            return normalised(shown);
        }

        private static Map<String, String> data(Map<String, Object> data) {
            Map<String, String> shown = new TreeMap<>();
            data.forEach((type, value) -> shown.put(type, String.valueOf(value)));
            return normalised(shown);
        }

        private static Map<String, String> normalised(Map<String, String> data) {
            data.replaceAll((type, text) -> type.startsWith("image/") ? "(an image)" : normalise(text));
            return data;
        }

        /** An error's name, value and the traceback lines that do not depend on the kernel's own code. */
        private static List<String> error(String name, String value, List<String> traceback) {
            List<String> shown = new ArrayList<>(List.of(name, normalise(value)));
            for (String line : traceback) {
                String text = COLOURS.matcher(line).replaceAll("");
                text = text.startsWith("|   ") ? text.substring(4) : text;
                if (!text.startsWith("\tat ") && !text.startsWith("\t... ") && !text.matches("-{20,}")) {
                    shown.add(normalise(text));
                }
            }
            return shown;
        }

        private static List<String> lines(JsonNode array) {
            List<String> lines = new ArrayList<>();
            array.forEach(line -> lines.add(line.asText()));
            return lines;
        }

        private static String normalise(String text) {
            String shown = text.replace(Path.of("").toAbsolutePath().toString(), "<notebooks>");
            shown = IDENTITY.matcher(shown).replaceAll("@<identity>");
            shown = UUID.matcher(shown).replaceAll("<display id>");
            return SNIPPET_CLASS.matcher(shown).replaceAll("\\$JShell\\$<n>");
        }
    }
}
