package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor treats cells as JJava 1.0-a7 does: these are the rules the notebooks' CI relies on.
 *
 * <p>Where the rules come from, in dflib/jjava (the 1.0-a7 sources; its pip package is {@code jjava==1.0a7}):
 * <ul>
 * <li>startup imports and the statics ({@code display}, {@code updateDisplay}, {@code lineMagic}):
 * {@code jjava-jupyter/src/main/java/org/dflib/jjava/jupyter/kernel/NotebookStatics.java} and
 * {@code BaseNotebookStatics.java} beside it;</li>
 * <li>magics found at a line's start or after {@code =}, their arguments split with quotes, the line rewritten
 * into a {@code lineMagic(...)} call unless it is inside a string:
 * {@code jjava-jupyter/.../kernel/magic/MagicsResolver.java} and {@code MagicTranspiler.java};</li>
 * <li>{@code %classpath} with globs in any segment: {@code jjava-kernel/.../kernel/magics/ClasspathMagic.java}
 * and {@code jjava-jupyter/.../kernel/util/GlobResolver.java}; {@code %load}: {@code LoadCodeMagic.java};
 * the magics the kernel registers: {@code jjava-distro/.../distro/JJava.java};</li>
 * <li>snippets in order, a rejected one failing the cell, a "recoverable, not defined" one let through, a
 * thrown exception wrapped as {@code RuntimeException("<class>, <message>")}:
 * {@code jjava-kernel/.../kernel/execution/CodeEvaluator.java};</li>
 * <li>a thread per snippet, the time limit and the {@code JJAVA_TIMEOUT} format:
 * {@code JJavaExecutionControl.java} and {@code JJavaExecutionControlProvider.java} beside it; the cells'
 * class loader: {@code JJavaLoaderDelegate.java}.</li>
 * </ul>
 * The wording of a runtime exception and of one inside {@code %load} is as a 1.0-a7 kernel shows it.
 */
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
        assertEquals(
                "3", executor.runCell(5, "a + 2;").result().get("text/plain"), "a trailing semicolon still shows it");
        assertNull(executor.runCell(6, "void f() {}").result());
        assertNull(executor.runCell(7, "f()").result(), "a void call has no value");
    }

    @Test
    void importingAPackageAgainResetsTheVariablesOfACellThatLoadedAFileAsTheKernelDoes() throws Exception {
        // Seen in JJava 1.0-a7: notebook 10's variables were null after %load gpt2.jsh imported its packages again.
        Files.writeString(folder.resolve("setup.jsh"), "import java.util.function.*;\nint loaded = 1;\n");
        executor.runCell(
                1,
                "%load " + folder.resolve("setup.jsh") + "\nimport javax.swing.*;\nimport java.awt.geom.*;\n"
                        + "String prompt = \"hello\";\nint[] counts = {1, 2};");
        assertEquals("hello", executor.runCell(2, "prompt").result().get("text/plain"));
        executor.runCell(3, "import java.awt.geom.*;");
        assertEquals(
                "null",
                executor.runCell(4, "String.valueOf(prompt)").result().get("text/plain"),
                "reset, as in the kernel");
        String counts =
                (String) executor.runCell(5, "String.valueOf(counts)").result().get("text/plain");
        assertTrue(counts.startsWith("[I@"), "JJava 1.0-a7 keeps this one: " + counts);
    }

    @Test
    void newImportsAndVariablesAloneResetNothing() throws Exception {
        Files.writeString(folder.resolve("setup.jsh"), "import java.util.function.*;\n");
        executor.runCell(1, "%load " + folder.resolve("setup.jsh") + "\nString prompt = \"hello\";");
        executor.runCell(2, "import java.awt.geom.*;\nint more = 2;\nvoid m() {}");
        assertEquals("hello", executor.runCell(3, "prompt").result().get("text/plain"));
    }

    @Test
    void arraysShowAsJJavaShowsThemUnreadable() {
        String text =
                (String) executor.runCell(1, "new double[] {1, 2}").result().get("text/plain");
        assertTrue(text.startsWith("[D@"), text);
    }

    @Test
    void printedTextAndDisplaysAreCaptured() {
        CellOutput out = executor.runCell(
                1, "System.out.println(\"hello\");\nString id = display(\"<b>x</b>\", \"text/html\");");
        assertEquals("hello\n", out.stdout());
        assertEquals("<b>x</b>", out.displays().get(0).get("text/html"));
        assertNull(out.result());
        CellOutput plain = executor.runCell(2, "String id2 = display(List.of(1), \"text/html\");");
        assertFalse(plain.displays().get(0).containsKey("text/html"), "JJava renders a List as plain text only");
    }

    @Test
    void aCellEndingOnDisplayShowsItsId() {
        CellOutput out = executor.runCell(1, "display(\"x\")");
        assertEquals(36, ((String) out.result().get("text/plain")).length(), "a UUID");
    }

    @Test
    void updateDisplayReplacesWhatADisplayShowsInItsOwnCell() {
        CellOutput first = executor.runCell(1, "String id = display(\"counting: 1\");");
        CellOutput second = executor.runCell(
                2, "updateDisplay(id, \"<b>done</b>\", \"text/html\");\nupdateDisplay(\"no-such-id\", \"ignored\");");
        assertEquals(
                "<b>done</b>",
                first.displays().get(0).get("text/html"),
                "the first cell's display now shows the update");
        assertEquals("<b>done</b>", first.displays().get(0).get("text/plain"));
        assertTrue(second.displays().isEmpty(), "an update adds no display of its own");
        assertFalse(second.showsSomething(), "an update of an unknown id changes nothing, as in Jupyter");
    }

    @Test
    void imagesBecomePng() {
        CellOutput out = executor.runCell(
                1, "new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(out.has("image/png"));
    }

    @Test
    void theDefaultImportsAreJJavasNotJShells() {
        String jjava =
                "List.of(new BigDecimal(\"1\"), LocalDate.of(2026, 1, 1), Pattern.compile(\"a\"), new File(\"x\"),"
                        + " URI.create(\"x\"), new ConcurrentHashMap<String, String>(), Preferences.class).size()";
        assertEquals("7", executor.runCell(1, jjava).result().get("text/plain"));
        for (String jshellOnly : List.of("Collectors.toList()", "Path.of(\"x\")", "Function.identity()")) {
            NotebookFailure failure = assertThrows(NotebookFailure.class, () -> executor.runCell(2, jshellOnly));
            assertTrue(failure.getMessage().contains("cannot find symbol"), failure.getMessage());
        }
    }

    @Test
    void cellsSeeOnlyTheJdkAndWhatClasspathAdded() throws Exception {
        for (String testClassPath : List.of(
                "com.fasterxml.jackson.databind.ObjectMapper.class",
                "org.junit.jupiter.api.Assertions.class",
                "tempered.math.Softmax.class")) {
            NotebookFailure failure = assertThrows(NotebookFailure.class, () -> executor.runCell(1, testClassPath));
            assertTrue(failure.getMessage().contains("does not exist"), failure.getMessage());
        }
        NotebookFailure loaded = assertThrows(
                NotebookFailure.class,
                () -> executor.runCell(2, "Class.forName(\"com.fasterxml.jackson.databind.ObjectMapper\")"));
        assertTrue(
                loaded.getMessage()
                        .startsWith("java.lang.RuntimeException: java.lang.ClassNotFoundException, "
                                + "com.fasterxml.jackson.databind.ObjectMapper"),
                "nor at run time: " + loaded.getMessage());

        Path library = Path.of(tempered.math.Softmax.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        executor.runCell(3, "%classpath " + library);
        assertEquals(
                "true",
                executor.runCell(
                                4,
                                "tempered.math.Softmax.class.getClassLoader().getParent()"
                                        + " == ClassLoader.getPlatformClassLoader()")
                        .result()
                        .get("text/plain"),
                "the cells' loader sits on the platform loader");
        assertEquals(
                "true",
                executor.runCell(
                                5,
                                "Thread.currentThread().getContextClassLoader()"
                                        + " == tempered.math.Softmax.class.getClassLoader()")
                        .result()
                        .get("text/plain"),
                "and is the cell thread's context loader");
    }

    @Test
    void aDeclarationWhoseTypeDoesNotResolveFailsItsCell() {
        NotebookFailure failure =
                assertThrows(NotebookFailure.class, () -> executor.runCell(1, "void plot(Table t) {}"));
        assertTrue(failure.getMessage().contains("Unresolved dependencies:\n   - class Table"), failure.getMessage());
        assertNull(
                executor.runCell(2, "void later(Later l) {}\nclass Later {}").result(),
                "a type declared further down the same cell resolves it");
    }

    @Test
    void magicArgumentsKeepQuotedSpacesAndAMagicMayStandAfterEquals() throws Exception {
        Path classes = compiledHello(folder.resolve("a lib/classes"));
        CellOutput added = executor.runCell(1, "Object added = %classpath \"" + classes + "\"\nString.valueOf(added)");
        assertEquals("null", added.result().get("text/plain"), "as in JJava, %classpath has no value");
        assertEquals("hi", executor.runCell(2, "demo.Hello.hi()").result().get("text/plain"));
    }

    @Test
    void classpathGlobsMayStandInAnySegment() throws Exception {
        compiledHello(folder.resolve("build-1/classes"));
        assertNull(
                executor.runCell(1, "%classpath " + folder + "/build-*/class?s").result(), "a magic leaves no result");
        assertEquals("hi", executor.runCell(2, "demo.Hello.hi()").result().get("text/plain"));
    }

    @Test
    void aMagicInsideAStringStaysText() {
        assertEquals(
                "a =%classpath x",
                executor.runCell(1, "String s = \"a =%classpath x\";\ns")
                        .result()
                        .get("text/plain"));
    }

    @Test
    void compileErrorsAndIncompleteInputFailWithTheCompilersMessage() {
        NotebookFailure compile = assertThrows(NotebookFailure.class, () -> executor.runCell(1, "int x = \"text\";"));
        assertTrue(compile.getMessage().contains("incompatible types"), compile.getMessage());
        NotebookFailure incomplete = assertThrows(NotebookFailure.class, () -> executor.runCell(2, "int y = (1 + "));
        assertTrue(incomplete.getMessage().startsWith("Incomplete input"), incomplete.getMessage());
    }

    @Test
    void aRuntimeExceptionReadsAsJJavaShowsIt() {
        NotebookFailure thrown = assertThrows(
                NotebookFailure.class,
                () -> executor.runCell(1, "throw new IllegalArgumentException(\"top-p p=1.3 must be in (0, 1]\");"));
        assertTrue(
                thrown.getMessage()
                        .startsWith(
                                "java.lang.RuntimeException: java.lang.IllegalArgumentException, top-p p=1.3 must be in (0, 1]\n"
                                        + "Caused by: jdk.jshell.EvalException: top-p p=1.3 must be in (0, 1]"),
                thrown.getMessage());
    }

    @Test
    void anExceptionInsideLoadReadsAsJJavaShowsIt() throws Exception {
        Files.writeString(
                folder.resolve("setup.jsh"),
                "int before = 1;\nthrow new IllegalStateException(\"The library is not built yet\");\n");
        NotebookFailure thrown =
                assertThrows(NotebookFailure.class, () -> executor.runCell(1, "%load " + folder.resolve("setup.jsh")));
        assertTrue(
                thrown.getMessage()
                        .startsWith(
                                "java.lang.RuntimeException: java.lang.RuntimeException, Exception running line magic"
                                        + " 'load': java.lang.IllegalStateException, The library is not built yet"),
                thrown.getMessage());
    }

    @Test
    void loadRunsAFileWithItsMagics() throws Exception {
        compiledHello(folder.resolve("classes"));
        Files.writeString(
                folder.resolve("setup.jsh"),
                "import java.util.stream.*;\n%classpath " + folder.resolve("classes")
                        + "\nint loaded = IntStream.of(1, 2, 3).sum();\nString hello = demo.Hello.hi();\n");
        CellOutput out = executor.runCell(1, "%load " + folder.resolve("setup") + "\nloaded + hello");
        assertEquals(
                "6hi",
                out.result().get("text/plain"),
                "%load tries .jsh; the file's imports, magics and variables stay");
        assertNull(
                executor.runCell(2, "int z = 1;\n%classpath " + folder.resolve("nothing-*.jar"))
                        .result(),
                "a magic on the last line leaves no result; a glob that matches nothing adds nothing");
        NotebookFailure missing =
                assertThrows(NotebookFailure.class, () -> executor.runCell(3, "%load " + folder.resolve("absent")));
        assertTrue(
                missing.getMessage()
                        .contains("Exception running line magic 'load': Could not find any source at '"
                                + folder.resolve("absent")
                                + "'. Also tried with extensions: [, .jsh, .jshell, .java, .jjava]."),
                missing.getMessage());
    }

    @Test
    void magicsTheExecutorDoesNotRunAreRefusedByName() {
        NotebookFailure maven = assertThrows(NotebookFailure.class, () -> executor.runCell(1, "%maven a:b:1"));
        assertTrue(
                maven.getMessage().contains("%maven is a JJava magic this executor does not run"), maven.getMessage());
        NotebookFailure unknown = assertThrows(NotebookFailure.class, () -> executor.runCell(2, "%nonsense x"));
        assertTrue(unknown.getMessage().contains("Undefined line magic 'nonsense'"), unknown.getMessage());
        NotebookFailure cell =
                assertThrows(NotebookFailure.class, () -> executor.runCell(3, "%%loadFromPOM\n<project/>"));
        assertTrue(cell.getMessage().startsWith("cell magic %%loadFromPOM is not supported"), cell.getMessage());
    }

    @Test
    void aCellThatRunsTooLongFailsWithItsNumberAndTheExecutorGoesOn() {
        try (NotebookExecutor limited = new NotebookExecutor(Duration.ofSeconds(2))) {
            limited.runCell(1, "int done = 0;");
            NotebookFailure sleeping =
                    assertThrows(NotebookFailure.class, () -> limited.runCell(4, "Thread.sleep(600_000);"));
            assertTrue(
                    sleeping.getMessage().startsWith("code cell 4 ran longer than the limit of 2 s per snippet"),
                    sleeping.getMessage());
            NotebookFailure spinning =
                    assertThrows(NotebookFailure.class, () -> limited.runCell(5, "while (done == 0) { }"));
            assertTrue(
                    spinning.getMessage().startsWith("code cell 5 ran longer"),
                    "a loop that ignores interrupts is stopped too");
            assertEquals(
                    "2",
                    limited.runCell(6, "1 + 1").result().get("text/plain"),
                    "later cells run on a new cell thread");
        }
    }

    @Test
    void runsANotebookAndNamesTheFailingCell() throws Exception {
        Path notebook = notebook(List.of("int a = 40;", "a + 2", "a.length()"));
        NotebookFailure failure = assertThrows(NotebookFailure.class, () -> executor.run(notebook));
        assertTrue(failure.getMessage().startsWith("test.ipynb, code cell 3:"), failure.getMessage());
        assertTrue(failure.getMessage().contains("int cannot be dereferenced"), failure.getMessage());
    }

    /** Compiles a class {@code demo.Hello} with {@code hi()} returning "hi" into {@code classes}, as a library a magic can add. */
    private Path compiledHello(Path classes) throws Exception {
        Path source = folder.resolve("src/demo/Hello.java");
        Files.createDirectories(source.getParent());
        Files.createDirectories(classes);
        Files.writeString(source, "package demo; public class Hello { public static String hi() { return \"hi\"; } }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        return classes;
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
