package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tempered.Recordings;
import tempered.notebook.kernel.CellOutput;
import tempered.notebook.kernel.NotebookExecutor;

/**
 * Executes every notebook, cell by cell, as the JJava kernel would, against the packaged library, and checks
 * the figures each one must show. Runs after {@code package}, in the notebooks folder.
 */
class NotebooksIT {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("tempered.notebooks", "notebooks"));
    private static final Pattern UNREADABLE = Pattern.compile("\\[[BCDFIJSZL][@;]|@[0-9a-f]{6,}\\b");
    private static final Map<String, List<CellOutput>> RUNS = new ConcurrentHashMap<>();

    /*
     * CI has no GPT-2 weights, so the GPT-2 notebooks run against a GPT-2-shaped model with random weights,
     * built here in the layout of openai-community/gpt2's merged decoder, with GPT-2's vocabulary and
     * context. Every cell runs; the words it writes are nonsense.
     */
    static {
        Path model = Path.of(System.getProperty("tempered.jar", "target/tempered.jar"))
                .toAbsolutePath()
                .resolveSibling("notebook-gpt2");
        tempered.model.synthetic.SyntheticGpt2.write(
                model,
                tempered.model.synthetic.SyntheticGpt2.Layout.MERGED_WITHOUT_POSITIONS,
                new tempered.model.synthetic.SyntheticGpt2.Shape(2, 2, 8, 50257, 1024),
                11);
        System.setProperty("tempered.model.dir", model.toString());
        // Notebook 11 runs SmolLM2's base and chat models; here, two Llama-shaped stand-ins (SmolLM2StandIns).
        SmolLM2StandIns.install(model.getParent());
    }

    static Stream<String> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.*\\.ipynb"))
                    .sorted()
                    .toList();
            assertFalse(names.isEmpty(), "no notebooks in " + NOTEBOOKS.toAbsolutePath());
            return names.stream();
        }
    }

    static List<CellOutput> run(String name) {
        needsWhatItLoads(name);
        return RUNS.computeIfAbsent(name, n -> {
            try (NotebookExecutor executor = new NotebookExecutor()) {
                List<CellOutput> cells = executor.run(NOTEBOOKS.resolve(n));
                dump(n, cells);
                return cells;
            }
        });
    }

    /**
     * A notebook that loads the recorded GPT-2 examples (04, 05, 10) is skipped in one line where they cannot be
     * had, and fails in CI ({@link Recordings}), rather than failing cell by cell.
     */
    static void needsWhatItLoads(String name) {
        try {
            if (Files.readString(NOTEBOOKS.resolve(name)).contains("RecordedGpt2")) {
                Recordings.folder();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** With -Dtempered.notebooks.dump=DIR, writes each notebook's text outputs there, for reading them while writing. */
    private static void dump(String name, List<CellOutput> cells) {
        String folder = System.getProperty("tempered.notebooks.dump");
        if (folder != null && !folder.isBlank()) {
            try {
                Files.createDirectories(Path.of(folder));
                Files.writeString(Path.of(folder, name + ".txt"), allText(cells));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void runsEveryCellAndEveryCellShowsSomethingReadable(String name) {
        List<CellOutput> cells = run(name);
        for (CellOutput cell : cells) {
            assertTrue(cell.showsSomething(), name + " code cell " + cell.cell() + " shows nothing:\n" + cell.source());
            assertFalse(
                    UNREADABLE.matcher(cell.allText()).find(),
                    name + " code cell " + cell.cell() + " shows an object's identity, not its value:\n"
                            + cell.allText());
            assertFalse(
                    cell.allText().contains("SLF4J"), name + " code cell " + cell.cell() + " prints logging warnings");
            assertTrue(
                    cell.stderr().isBlank(),
                    name + " code cell " + cell.cell() + " writes to standard error, which Jupyter shows as an error:\n"
                            + cell.stderr());
        }
    }

    /**
     * JJava drops an import that a new one overwrites, and JShell then recompiles what depended on it: variables
     * whose class changes are reset to null (KernelFidelityIT's corpus shows it). So every import happens once, in
     * setup.jsh, and no cell or loaded file imports what the kernel or an earlier snippet already imported.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void importsEachPackageOnceSoNoVariableIsReset(String name) throws IOException {
        Map<String, String> imported = new HashMap<>();
        for (String kernel : List.of(
                "java.util.*",
                "java.io.*",
                "java.math.*",
                "java.net.*",
                "java.time.*",
                "java.util.concurrent.*",
                "java.util.prefs.*",
                "java.util.regex.*")) {
            imported.put(kernel, "the kernel's startup");
        }
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOKS.resolve(name).toFile());
        int number = 0;
        for (JsonNode cell : notebook.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                number++;
                String where = "code cell " + number;
                String source = NotebookExecutor.source(cell.path("source"));
                Matcher loads = LOAD.matcher(source);
                while (loads.find()) {
                    String file = loads.group(1);
                    addImports(imported, Files.readString(NOTEBOOKS.resolve(file)), file + " (" + where + ")", name);
                }
                addImports(imported, source, where, name);
            }
        }
    }

    private static final Pattern LOAD = Pattern.compile("(?m)^\\s*%load\\s+(\\S+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.*]+)\\s*;");

    private static void addImports(Map<String, String> imported, String source, String where, String name) {
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String earlier = imported.putIfAbsent(imports.group(1), where);
            assertTrue(
                    earlier == null,
                    name + ": " + where + " imports " + imports.group(1) + " again (first in " + earlier
                            + "); in JJava that can reset earlier variables to null: import it once, in setup.jsh");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooks")
    void isCommittedWithoutOutputsAndForTheJavaKernel(String name) throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOKS.resolve(name).toFile());
        assertEquals(
                "java",
                notebook.path("metadata").path("kernelspec").path("name").asText());
        for (JsonNode cell : notebook.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                assertEquals(0, cell.path("outputs").size(), name + ": commit notebooks without outputs");
                assertTrue(cell.path("execution_count").isNull(), name + ": commit notebooks without execution counts");
            }
        }
        String firstCode = NotebookExecutor.source(firstCodeCell(notebook));
        assertTrue(firstCode.startsWith("%load setup.jsh"), name + " starts by loading the shared setup");
    }

    private static JsonNode firstCodeCell(JsonNode notebook) {
        for (JsonNode cell : notebook.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                return cell.path("source");
            }
        }
        throw new AssertionError("a notebook without code");
    }

    static String allText(List<CellOutput> cells) {
        StringBuilder text = new StringBuilder();
        cells.forEach(c -> text.append(c.allText()).append('\n'));
        return text.toString();
    }
}
