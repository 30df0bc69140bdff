package tempered.notebook.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs notebooks cell by cell in one in-process JShell, treating each cell as the JJava kernel does, so that
 * CI can execute the notebooks without Jupyter and a green run means "works in JJava".
 *
 * <p>It follows JJava {@value #JJAVA_VERSION}, the version {@code ./lab} and {@code environment.yml} install;
 * {@code NotebookExecutorTest} names the JJava sources each rule comes from. What it reproduces:
 * <ul>
 * <li>Class path: a cell compiles against the JDK, the kernel's statics and what {@code %classpath} added,
 * and runs in a class loader whose parent is the platform loader ({@link CompileClassPath},
 * {@link CellLoader}); nothing of the test JVM's class path reaches it.</li>
 * <li>JJava's startup imports ({@code java.util.*, java.io.*, java.math.*, java.net.*, java.time.*,
 * java.util.concurrent.*, java.util.prefs.*, java.util.regex.*}) and the kernel's statics
 * ({@link KernelStatics}); not JShell's own default imports, which JJava does not run.</li>
 * <li>Line magics rewritten into {@code lineMagic(...)} calls where they stand ({@link Magics}), arguments
 * split with quotes ({@link MagicArguments}): {@code %classpath} with globs in any segment ({@link Glob}),
 * {@code %load FILE} (tried as given and with .jsh, .jshell, .java, .jjava; its text runs as a cell, magics
 * included, within the snippet that loads it). Paths are relative to the working directory, which for a
 * kernel is the notebook's folder.</li>
 * <li>Snippets split with {@link SourceCodeAnalysis#analyzeCompletion} and run in order, each on a cell thread
 * with a time limit ({@link CellTimeout}). A rejected snippet (a compile error) or one that throws fails the
 * cell, with JJava's text ({@link ErrorText}); an unfinished one is "Incomplete input". The cell's result is
 * its last snippet's value when that is an expression or a bare variable; {@code display(value)} and
 * {@code display(value, mimeType...)} show a value and return its id; {@code updateDisplay(id, value)}
 * replaces it.</li>
 * </ul>
 *
 * <p>Where it is stricter than JJava: a declaration still "recoverable, not defined" at the end of its cell
 * (a type it names does not resolve: {@code Foo f;}, {@code void m(Foo f) {}}) fails the cell; JJava accepts
 * it silently, but nothing can use it. {@code %maven}, {@code %mavenRepo}, {@code %loadFromPOM},
 * {@code %jars}, {@code %addMavenDependency}, {@code %log} and cell magics are refused: the notebooks load
 * the library with {@code %classpath}.
 */
public final class NotebookExecutor implements AutoCloseable {
    /**
     * The JJava release whose behaviour this executor follows, and that {@code ./lab} and {@code environment.yml}
     * install ({@code jjava==1.0a7}): the one whose error output was seen and matched here. PyPI's newest,
     * 1.0a8, was not checked against these rules, so it is not the one pinned.
     */
    public static final String JJAVA_VERSION = "1.0-a7";

    private static final String STARTUP = """
            import java.util.*;
            import java.io.*;
            import java.math.*;
            import java.net.*;
            import java.time.*;
            import java.util.concurrent.*;
            import java.util.prefs.*;
            import java.util.regex.*;
            import static %s.*;
            """.formatted(KernelStatics.class.getName());
    private static final List<String> LOAD_EXTENSIONS = List.of("", ".jsh", ".jshell", ".java", ".jjava");
    private static final List<String> UNSUPPORTED_MAGICS =
            List.of("maven", "mavenRepo", "loadFromPOM", "jars", "addMavenDependency", "log");
    /** The error name of the one failure JJava does not have: a declaration left unusable at the end of its cell. */
    public static final String STRICTER_THAN_JJAVA = "UnresolvedDeclaration";
    /** The error name of what the kernel runs but this executor refuses (Maven magics, cell magics). */
    public static final String UNSUPPORTED = "UnsupportedByExecutor";

    private static final Method CLASS_FULL_NAME = classFullName();
    private static volatile NotebookExecutor current;

    private final Path kernelClasses;
    private final TokenizersLibraryCopy tokenizers = new TokenizersLibraryCopy();
    private final CellLoader loader = new CellLoader();
    private final CellExecutionControl control;
    private final JShell shell;
    private final List<Map<String, Object>> displays = new ArrayList<>();
    private final Map<String, Map<String, Object>> displaysById = new HashMap<>();
    private final List<DeclarationSnippet> declarations = new ArrayList<>();
    private int cell;

    /** An executor with the time limit of {@link CellTimeout#configured()}: ten minutes per snippet unless set. */
    public NotebookExecutor() {
        this(CellTimeout.configured());
    }

    /** An executor whose snippets may each run for {@code timeout}; {@link Duration#ZERO} for no limit. */
    public NotebookExecutor(Duration timeout) {
        kernelClasses = copyOfKernelStatics();
        control = new CellExecutionControl(loader, timeout);
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "tempered-cells";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .fileManager(standard -> new CompileClassPath(standard, List.of(kernelClasses)))
                .build();
        current = this;
        evalCode(STARTUP);
    }

    static NotebookExecutor current() {
        if (current == null) {
            throw new IllegalStateException("display() was called outside a running notebook");
        }
        return current;
    }

    /** Runs every code cell of {@code notebook} in order; the first failing cell stops it with a {@link NotebookFailure}. */
    public List<CellOutput> run(Path notebook) {
        List<CellOutput> outputs = new ArrayList<>();
        List<String> cells = codeCells(notebook);
        for (int i = 0; i < cells.size(); i++) {
            try {
                outputs.add(runCell(i + 1, cells.get(i)));
            } catch (NotebookFailure e) {
                throw new NotebookFailure(
                        notebook.getFileName() + ", code cell " + (i + 1) + ":\n" + ErrorText.indent(cells.get(i))
                                + "\n" + e.getMessage(),
                        e.shown(),
                        e.getCause());
            }
        }
        return outputs;
    }

    /**
     * Runs every code cell of {@code notebook} in order, as {@code nbconvert --execute --allow-errors} does: a
     * failing cell shows its error output, and the next cell runs.
     */
    public List<CellOutput> runAllowingErrors(Path notebook) {
        List<CellOutput> outputs = new ArrayList<>();
        List<String> cells = codeCells(notebook);
        for (int i = 0; i < cells.size(); i++) {
            outputs.add(runCell(i + 1, cells.get(i), true));
        }
        return outputs;
    }

    /** Runs one cell's source and returns what it showed; a failing cell throws a {@link NotebookFailure}. */
    public CellOutput runCell(int number, String source) {
        return runCell(number, source, false);
    }

    private CellOutput runCell(int number, String source, boolean allowErrors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        synchronized (this) {
            displays.clear();
        }
        declarations.clear();
        cell = number;
        current = this;
        Object result = null;
        KernelError error = null;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            result = evalCell(source);
        } catch (NotebookFailure e) {
            if (!allowErrors) {
                throw e;
            }
            error = e.shown();
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        synchronized (this) {
            return new CellOutput(
                    number,
                    source,
                    out.toString(StandardCharsets.UTF_8),
                    stderr,
                    List.copyOf(displays),
                    result == null ? null : Render.render(result),
                    error);
        }
    }

    private Object evalCell(String source) {
        try {
            Object result = eval(source);
            for (DeclarationSnippet declaration : declarations) {
                if (shell.status(declaration) == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    KernelError shown = ErrorText.unresolved(shell, declaration);
                    throw new NotebookFailure(
                            ErrorText.text(shown) + "\n(JJava accepts this declaration without a word, but no later"
                                    + " code can use it: import or declare what it names)",
                            shown,
                            null);
                }
            }
            return result;
        } catch (NotebookFailure e) {
            throw e;
        } catch (RuntimeException e) {
            String text = ErrorText.thrown(e);
            if (e.getCause() instanceof UnresolvedReferenceException unresolved) {
                text += "\n" + ErrorText.text(ErrorText.unresolved(shell, unresolved.getSnippet()));
            }
            throw new NotebookFailure(text, ErrorText.thrownShown(e), e);
        }
    }

    synchronized String display(Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        displays.add(data);
        displaysById.put(id, data);
        return id;
    }

    synchronized void updateDisplay(String id, Map<String, Object> data) {
        Map<String, Object> shown = displaysById.get(id);
        if (shown != null) {
            shown.clear();
            shown.putAll(data);
        }
    }

    /** A cell or a loaded file: line magics rewritten into calls, then snippet by snippet. */
    private Object eval(String source) {
        if (Magics.isCellMagic(source)) {
            String message =
                    "cell magic " + source.lines().findFirst().orElse("").strip()
                            + " is not supported by this executor; the notebooks use only %classpath and %load";
            throw new NotebookFailure(message, new KernelError(UNSUPPORTED, message, List.of(message)), null);
        }
        return evalCode(Magics.rewrite(source));
    }

    /** JJava's line magics, called by {@link KernelStatics#lineMagic} from the cell's thread. */
    Object lineMagic(String name, List<String> args) {
        if (UNSUPPORTED_MAGICS.contains(name)) {
            throw new UnsupportedOperationException("%" + name + " is a JJava magic this executor does not run;"
                    + " the notebooks load the library with %classpath ../target/tempered.jar");
        }
        return switch (name) {
            case "classpath" -> classpath(args);
            case "load" -> load(args);
            default -> throw new UndefinedMagicException(name);
        };
    }

    /** Adds each path (globs resolved) to the cells' class path; like JJava's magic, it has no value. */
    private Object classpath(List<String> args) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        args.stream()
                .flatMap(arg -> Glob.resolve(arg, workingDirectory).stream())
                .map(Path::toString)
                .forEach(shell::addToClasspath);
        return null;
    }

    private Object load(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException(
                    args.isEmpty()
                            ? "Missing required positional arguments: [source]"
                            : "Too many positional arguments.");
        }
        eval(readLoadable(Path.of(args.get(0)).toAbsolutePath()));
        return null;
    }

    private static String readLoadable(Path source) {
        for (String extension : LOAD_EXTENSIONS) {
            Path file = source.resolveSibling(source.getFileName() + extension);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read " + file, e);
                }
            }
        }
        throw new IllegalArgumentException(
                "Could not find any source at '" + source + "'. Also tried with extensions: " + LOAD_EXTENSIONS + ".");
    }

    /** JJava's CodeEvaluator: snippets in order; the result is the last snippet's value if it is an expression. */
    private Object evalCode(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        Object result = null;
        while (info.completeness().isComplete()) {
            result = evalSnippet(info.source());
            info = analysis.analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            throw new NotebookFailure(
                    "Incomplete input:\n" + ErrorText.indent(info.remaining().strip()),
                    ErrorText.incomplete(info.remaining()),
                    null);
        }
        return result;
    }

    private Object evalSnippet(String source) {
        List<SnippetEvent> events = shell.eval(source);
        Object result = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null && event.snippet() instanceof DeclarationSnippet declaration) {
                declarations.add(declaration);
            }
            if (event.status() == Snippet.Status.OVERWRITTEN) {
                drop(event.snippet());
                continue;
            }
            String key = event.value();
            if (key == null) {
                continue;
            }
            Snippet.SubKind kind = event.snippet().subKind();
            Object value = kind.isExecutable() ? control.take(key) : key;
            result = switch (kind) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> value;
                default -> null;
            };
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException exception = event.exception();
            if (exception instanceof EvalException thrown
                    && CellExecutionControl.TIMED_OUT.equals(thrown.getExceptionClassName())) {
                String message = "code cell " + cell + " ran longer than the limit of " + describe(control.timeout())
                        + " per snippet and was stopped (JJava has no limit unless JJAVA_TIMEOUT is set): make it faster,"
                        + " or raise the limit with -D" + CellTimeout.PROPERTY + "=\"20 MINUTES\"";
                throw new NotebookFailure(
                        message, new KernelError("EvaluationTimeoutException", message, List.of(message)), null);
            }
            if (exception instanceof EvalException thrown) {
                // JJava 1.0-a7's CodeEvaluator: the original class's name, a comma, the original message.
                throw new RuntimeException(thrown.getExceptionClassName() + ", " + thrown.getMessage(), thrown);
            }
            if (exception != null) {
                throw new RuntimeException(exception);
            }
            if (event.status() != Snippet.Status.RECOVERABLE_NOT_DEFINED
                    && !event.status().isDefined()) {
                KernelError shown = ErrorText.compileError(shell, event);
                throw new NotebookFailure("compile error:\n" + ErrorText.text(shown), shown, null);
            }
        }
        return result;
    }

    /**
     * JJava's CodeEvaluator drops a snippet that a new one overwrote, and unloads its class unless another snippet
     * shares it. Dropping an import makes JShell recompile every snippet that depends on it, and for a star import
     * that is every snippet with dependencies; a variable whose class then changes is replaced by a new class and
     * reset to its default (JShell's own tool reports "update replaced variable x, reset to null"). So importing a
     * package again after variables were declared can leave them null in the kernel, and here.
     */
    private void drop(Snippet overwritten) {
        shell.drop(overwritten);
        String className = className(overwritten);
        if (shell.snippets().map(NotebookExecutor::className).noneMatch(className::equals)) {
            loader.unload(className);
        }
    }

    /** The snippet's wrapper class, as JJava reads it: JShell keeps the name package-private. */
    private static String className(Snippet snippet) {
        try {
            return CLASS_FULL_NAME.invoke(snippet).toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not read a snippet's class name", e);
        }
    }

    private static Method classFullName() {
        try {
            Method method = Snippet.class.getDeclaredMethod("classFullName");
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException(
                    "the executor reads JShell's snippet class names as JJava does, which needs"
                            + " --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED (JJava starts its kernel with it)",
                    e);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static List<String> codeCells(Path notebook) {
        try {
            JsonNode root = new ObjectMapper().readTree(notebook.toFile());
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : root.path("cells")) {
                if ("code".equals(cell.path("cell_type").asText())) {
                    cells.add(source(cell.path("source")));
                }
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read notebook " + notebook, e);
        }
    }

    /** A cell's source is one string or a list of lines, as nbformat allows. */
    public static String source(JsonNode source) {
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }

    /** A folder holding only KernelStatics' class file, the one class of the test JVM that cells compile against. */
    private static Path copyOfKernelStatics() {
        String file = KernelStatics.class.getName().replace('.', '/') + ".class";
        try (InputStream bytes = KernelStatics.class.getClassLoader().getResourceAsStream(file)) {
            Path folder = Files.createTempDirectory("notebook-kernel");
            Path copy = folder.resolve(file);
            Files.createDirectories(copy.getParent());
            Files.copy(bytes, copy);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + file + " for the cells' compiler", e);
        }
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        try (Stream<Path> files = Files.walk(kernelClasses)) {
            loader.close();
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up " + kernelClasses, e);
        }
        if (current == this) {
            current = null;
        }
        tokenizers.close();
    }
}
