package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notebook passes only if it would pass in JJava: it must load the library the way the real notebooks
 * do, with {@code %load setup.jsh} (which adds {@code ../target/tempered.jar}), and nothing of the test
 * class path helps it. Runs after {@code package}, in the notebooks folder, as {@code NotebooksIT} does.
 */
class StrictKernelIT {
    @TempDir
    Path folder;

    @Test
    void aNotebookThatSkipsTheSetupFails() throws Exception {
        NotebookFailure imported = assertThrows(
                NotebookFailure.class, () -> run(List.of("Arrays.toString(Softmax.probs(new double[] {1, 2}, 1.0))")));
        assertTrue(
                imported.getMessage().contains("cannot find symbol")
                        && imported.getMessage().contains("Softmax"),
                imported.getMessage());
        NotebookFailure qualified = assertThrows(
                NotebookFailure.class,
                () -> run(List.of("tempered.math.Softmax.probs(new double[] {1, 2}, 1.0).length")));
        assertTrue(qualified.getMessage().contains("package tempered.math does not exist"), qualified.getMessage());
    }

    @Test
    void theSameNotebookWithTheSetupRunsOnThePackagedJar() throws Exception {
        List<CellOutput> cells = run(
                List.of(
                        "%load setup.jsh",
                        "Arrays.toString(Softmax.probs(new double[] {1, 2}, 1.0))",
                        "Softmax.class.getClassLoader().getName() + \" \" + Softmax.class.getProtectionDomain().getCodeSource().getLocation()"));
        assertEquals(
                "[0.2689414213699951, 0.7310585786300049]",
                cells.get(1).result().get("text/plain"));
        String origin = (String) cells.get(2).result().get("text/plain");
        assertTrue(origin.startsWith("notebook cells file:") && origin.endsWith("/target/tempered.jar"), origin);
    }

    @Test
    void aNotebookThatLeansOnTheTestClassPathFails() throws Exception {
        for (String testOnly : List.of("net.jqwik.api.Arbitraries.class", "org.junit.jupiter.api.Assertions.class")) {
            NotebookFailure failure =
                    assertThrows(NotebookFailure.class, () -> run(List.of("%load setup.jsh", testOnly)));
            assertTrue(
                    failure.getMessage().contains("code cell 2")
                            && failure.getMessage().contains("does not exist"),
                    failure.getMessage());
        }
    }

    private List<CellOutput> run(List<String> cells) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("cells");
        for (String cell : cells) {
            ObjectNode node = array.addObject().put("cell_type", "code");
            node.putArray("source").add(cell);
        }
        Path notebook = folder.resolve("strict.ipynb");
        json.writeValue(notebook.toFile(), root);
        try (NotebookExecutor executor = new NotebookExecutor()) {
            return executor.run(notebook);
        }
    }
}
