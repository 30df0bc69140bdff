package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor treats cells as JJava does: these are the rules the notebooks' CI relies on. */
class NotebookExecutorTest {
    private final NotebookExecutor executor = new NotebookExecutor();

    @TempDir
    Path folder;

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void theLastExpressionIsTheResultAndDeclarationsShowNothing() {
        assertEquals("3", executor.runCell(1, "int a = 1;\na + 2").result().get("text/plain"));
        assertNull(executor.runCell(2, "int b = a + 1;").result(), "a declaration has no result");
        assertEquals("2", executor.runCell(3, "b").result().get("text/plain"), "a bare variable is a result");
        assertNull(executor.runCell(4, "a + 2;\nint c = 0;").result(), "only the last snippet counts");
        assertEquals("3", executor.runCell(5, "a + 2;").result().get("text/plain"), "a trailing semicolon still shows it");
        assertNull(executor.runCell(6, "void f() {}").result());
        assertNull(executor.runCell(7, "f()").result(), "a void call has no value");
    }

    @Test
    void arraysShowAsJJavaShowsThemUnreadable() {
        String text = (String) executor.runCell(1, "new double[] {1, 2}").result().get("text/plain");
        assertTrue(text.startsWith("[D@"), text);
    }

    @Test
    void printedTextAndDisplaysAreCaptured() {
        CellOutput out = executor.runCell(1, "System.out.println(\"hello\");\nString id = display(\"<b>x</b>\", \"text/html\");");
        assertEquals("hello\n", out.stdout());
        assertEquals("<b>x</b>", out.displays().get(0).get("text/html"));
        assertNull(out.result());
        CellOutput plain = executor.runCell(2, "String id2 = display(java.util.List.of(1), \"text/html\");");
        assertTrue(!plain.displays().get(0).containsKey("text/html"), "JJava renders a List as plain text only");
    }

    @Test
    void aCellEndingOnDisplayShowsItsId() {
        CellOutput out = executor.runCell(1, "display(\"x\")");
        assertEquals(36, ((String) out.result().get("text/plain")).length(), "a UUID");
    }

    @Test
    void imagesBecomePng() {
        CellOutput out = executor.runCell(1, "new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(out.has("image/png"));
    }

    @Test
    void compileErrorsAndExceptionsFailWithTheMessage() {
        NotebookFailure compile = assertThrows(NotebookFailure.class, () -> executor.runCell(1, "int x = \"text\";"));
        assertTrue(compile.getMessage().contains("incompatible types"), compile.getMessage());
        NotebookFailure thrown = assertThrows(NotebookFailure.class,
                () -> executor.runCell(2, "throw new IllegalArgumentException(\"top-p p=1.3 must be in (0, 1]\");"));
        assertTrue(thrown.getMessage().startsWith("java.lang.IllegalArgumentException: top-p p=1.3"), thrown.getMessage());
        NotebookFailure incomplete = assertThrows(NotebookFailure.class, () -> executor.runCell(3, "int y = (1 + "));
        assertTrue(incomplete.getMessage().startsWith("Incomplete input"), incomplete.getMessage());
    }

    @Test
    void loadRunsAFileWithItsMagicsAndClasspathAddsJars() throws Exception {
        Path setup = folder.resolve("setup.jsh");
        Files.writeString(setup, "import java.util.stream.*;\nint loaded = IntStream.of(1, 2, 3).sum();\n");
        CellOutput out = executor.runCell(1, "%load " + folder.resolve("setup") + "\nloaded");
        assertEquals("6", out.result().get("text/plain"), "%load tries .jsh");
        assertNull(executor.runCell(2, "int z = 1;\n%classpath " + folder.resolve("nothing-*.jar")).result(),
                "a magic on the last line leaves no result; a glob that matches nothing adds nothing");
        NotebookFailure missing = assertThrows(NotebookFailure.class, () -> executor.runCell(3, "%load " + folder.resolve("absent")));
        assertTrue(missing.getMessage().contains("could not find any source"), missing.getMessage());
        NotebookFailure maven = assertThrows(NotebookFailure.class, () -> executor.runCell(4, "%maven a:b:1"));
        assertTrue(maven.getMessage().contains("%maven is not supported"), maven.getMessage());
    }

    @Test
    void runsANotebookAndNamesTheFailingCell() throws Exception {
        Path notebook = notebook(List.of("int a = 40;", "a + 2", "a.length()"));
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> executor.run(notebook));
        assertTrue(failure.getMessage().startsWith("test.ipynb, code cell 3:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("int cannot be dereferenced"), failure.getMessage());
    }

    private Path notebook(List<String> cells) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("cells");
        array.addObject().put("cell_type", "markdown").putArray("source").add("# Title");
        for (String cell : cells) {
            ObjectNode node = array.addObject().put("cell_type", "code");
            node.putArray("source").add(cell);
            node.putArray("outputs");
        }
        Path file = folder.resolve("test.ipynb");
        json.writeValue(file.toFile(), root);
        return file;
    }
}
