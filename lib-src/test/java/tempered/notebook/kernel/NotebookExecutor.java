package tempered.notebook.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs notebooks cell by cell in one in-process JShell, treating each cell as the JJava kernel does, so
 * that CI can execute the notebooks without Jupyter.
 *
 * <p>What it reproduces of JJava (dflib/jjava, 1.0a8): a line whose first non-blank character is {@code %}
 * followed by a word is a line magic, run in its place; {@code %classpath PATHS} (globs allowed, a path that
 * matches nothing adds nothing) and {@code %load FILE} (tried as given and with .jsh, .jshell, .java, .jjava;
 * its text is evaluated as a cell, magics included) resolve relative paths against the working directory,
 * which for a Jupyter kernel is the notebook's folder. The rest of the cell is split into snippets with
 * {@link SourceCodeAnalysis#analyzeCompletion} and evaluated in order; a snippet that is rejected (a compile
 * error) or throws fails the cell, and an unfinished one is "incomplete input". The cell's result is the
 * value of its last snippet when that snippet is an expression or a bare variable, shown as {@code text/plain}
 * ({@code String.valueOf}), plus {@code image/png} for an image. {@code display(value)} and
 * {@code display(value, mimeType...)} show a value and return its id.
 *
 * <p>What it leaves out: {@code %maven}, {@code %mavenRepo}, {@code %%loadFromPOM} and {@code %jars} are
 * refused with a clear error (the notebooks load the library with {@code %classpath}); there is no
 * time-out and no interrupt; a magic on the right of {@code =} is not supported.
 */
public final class NotebookExecutor implements AutoCloseable {
    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(\\w.*?)\\s*$");
    private static final List<String> LOAD_EXTENSIONS = List.of("", ".jsh", ".jshell", ".java", ".jjava");
    private static volatile NotebookExecutor current;

    private final ValueKeepingControl control = new ValueKeepingControl();
    private final JShell shell;
    private final List<Map<String, Object>> displays = new ArrayList<>();

    public NotebookExecutor() {
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "tempered-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        shell = JShell.builder().executionEngine(provider, Map.of()).build();
        shell.addToClasspath(location(KernelStatics.class));
        current = this;
        evalCode("import static " + KernelStatics.class.getName() + ".*;");
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
                throw new NotebookFailure(notebook.getFileName() + ", code cell " + (i + 1) + ":\n"
                        + indent(cells.get(i)) + "\n" + e.getMessage(), e.getCause());
            }
        }
        return outputs;
    }

    /** Runs one cell's source and returns what it showed. */
    public CellOutput runCell(int number, String source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        displays.clear();
        current = this;
        Object result;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            result = eval(source);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        return new CellOutput(number, source, out.toString(StandardCharsets.UTF_8) + stderr,
                List.copyOf(displays), result == null ? null : Render.render(result));
    }

    String display(Map<String, Object> data) {
        displays.add(data);
        return KernelStatics.newId();
    }

    /** A cell or a loaded file: line magics run in place, the code between them snippet by snippet. */
    private Object eval(String source) {
        if (source.stripLeading().startsWith("%%")) {
            throw new NotebookFailure("cell magic " + source.strip().lines().findFirst().orElse("")
                    + " is not supported by this executor; the notebooks use only %classpath and %load", null);
        }
        Object result = null;
        StringBuilder code = new StringBuilder();
        for (String line : source.split("\\R", -1)) {
            Matcher magic = LINE_MAGIC.matcher(line);
            if (magic.matches()) {
                evalCode(code.toString());
                code.setLength(0);
                lineMagic(magic.group(1).trim().split("\\s+"));
                result = null;
                // Keep line numbers in error messages right.
                code.append('\n');
            } else {
                code.append(line).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            result = evalCode(code.toString());
        }
        return result;
    }

    private void lineMagic(String[] words) {
        String name = words[0];
        List<String> args = List.of(words).subList(1, words.length);
        switch (name) {
            case "classpath" -> args.forEach(arg -> resolveGlob(arg).forEach(path -> shell.addToClasspath(path.toString())));
            case "load" -> {
                if (args.size() != 1) {
                    throw new NotebookFailure("%load takes one file, got " + args, null);
                }
                eval(readLoadable(Path.of(args.get(0)).toAbsolutePath()));
            }
            default -> throw new NotebookFailure("line magic %" + name + " is not supported by this executor;"
                    + " the notebooks use only %classpath and %load", null);
        }
    }

    private static String readLoadable(Path source) {
        for (String extension : LOAD_EXTENSIONS) {
            Path file = source.resolveSibling(source.getFileName() + extension);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new NotebookFailure("%load: could not find any source at '" + source + "'. Also tried with extensions: "
                + LOAD_EXTENSIONS, null);
    }

    private static List<Path> resolveGlob(String arg) {
        Path path = Path.of(arg).toAbsolutePath().normalize();
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path.getParent(), name)) {
            entries.forEach(matches::add);
        } catch (IOException e) {
            return List.of();
        }
        return matches;
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
            throw new NotebookFailure("Incomplete input:\n" + indent(info.remaining().trim()), null);
        }
        return result;
    }

    private Object evalSnippet(String source) {
        List<SnippetEvent> events = shell.eval(source);
        Object result = null;
        for (SnippetEvent event : events) {
            String key = event.value();
            if (key == null || event.status() == Snippet.Status.OVERWRITTEN) {
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
            if (exception != null) {
                throw new NotebookFailure(describe(exception), exception);
            }
            if (event.status() != Snippet.Status.RECOVERABLE_NOT_DEFINED && !event.status().isDefined()) {
                String diagnostics = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("\n"));
                throw new NotebookFailure("compile error in:\n" + indent(event.snippet().source().strip()) + "\n"
                        + diagnostics, null);
            }
        }
        return result;
    }

    private String describe(JShellException exception) {
        if (exception instanceof EvalException e) {
            StringBuilder text = new StringBuilder(e.getExceptionClassName() + ": " + e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                text.append("\ncaused by ").append(cause instanceof EvalException c ? c.getExceptionClassName() : cause.getClass().getName())
                        .append(": ").append(cause.getMessage());
            }
            return text.toString();
        }
        if (exception instanceof UnresolvedReferenceException e) {
            return "unresolved reference in " + e.getSnippet().source().strip() + ": "
                    + shell.unresolvedDependencies(e.getSnippet()).collect(Collectors.joining(", "));
        }
        return exception.toString();
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

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        shell.close();
        if (current == this) {
            current = null;
        }
    }

    /**
     * Runs snippets on the calling thread and keeps each value as an object under a key (JShell itself only
     * passes strings back), so the executor can see images and HTML the way JJava's execution control does.
     */
    private static final class ValueKeepingControl extends LocalExecutionControl {
        private final Map<String, Object> values = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong();

        @Override
        protected String invoke(Method doit) throws Exception {
            // DirectExecutionControl turns an InvocationTargetException into the user's exception.
            Object value = doit.invoke(null);
            String key = "value-" + next.incrementAndGet();
            if (value != null) {
                values.put(key, value);
            }
            return key;
        }

        Object take(String key) {
            return values.remove(key);
        }
    }
}
