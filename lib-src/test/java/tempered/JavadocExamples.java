package tempered;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * The examples in the library's Javadoc, found and run so that what they say they print is what they print.
 *
 * <p>The convention, for every {@code <pre>{@code ... }</pre>} block in {@code lib-src/main/java}:
 * <ul>
 * <li>A {@code //} comment after code on the same line states that line's value when it begins with a
 * literal: a quoted string ({@code "..."}, the characters as they print, no escapes), a list or array
 * ({@code [...]}), a map or set ({@code {...}}), a number, {@code NaN}, {@code Infinity}, {@code true},
 * {@code false} or {@code null}. Whatever follows the literal explains it and is not checked:
 * {@code // 0.3 (almost): H is about 0}. A comment that does not begin with a literal is prose.</li>
 * <li>A comment {@code // SomeException: message}, on the line of the code or alone on the line below it,
 * states that the code throws that exception with that message.</li>
 * <li>The value is compared with the result's printed form: a string in quotes, an array as
 * {@link Arrays#toString}, anything else as {@link String#valueOf}. Numbers match to the digits they show
 * (the value rounded to as many decimals as are written: {@code 0.9514} matches 0.951381...); {@code ...}
 * after a number only says that more digits follow. The text between numbers must match exactly, apart
 * from runs of white space.</li>
 * <li>A block with no such comment is not run: it illustrates and states nothing.</li>
 * <li>A block that states values but cannot run on its own (it needs GPT-2, or a variable from around it)
 * starts with a comment line {@code // not run: why}; the test reports it as skipped with that reason.</li>
 * </ul>
 *
 * <p>Each checked block runs in a fresh JShell, in this JVM, with the library and its dependencies on the class
 * path, the jshell tool's default imports and every package of the library imported. Its statements run in
 * order; a statement that does not compile or throws unexpectedly fails the example, naming the file and line.
 * A stated value must sit on the line where a statement ends (not inside a block of braces).
 */
public final class JavadocExamples {
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*\\*\\s?<pre>\\{@code\\s*$");
    private static final Pattern BLOCK_END = Pattern.compile("^\\s*\\*\\s?}</pre>\\s*$");
    private static final Pattern JAVADOC_MARGIN = Pattern.compile("^\\s*\\* ?");
    private static final Pattern NOT_RUN = Pattern.compile("^not run\\b:?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXCEPTION = Pattern.compile("^([A-Z]\\w*(?:Exception|Error))(?::\\s?(.*))?$");
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|Infinity)|NaN");
    private static final Pattern WORD_LITERAL = Pattern.compile("^(?:NaN|-?Infinity|true|false|null)\\b");
    static final List<String> JSHELL_DEFAULT_IMPORTS = List.of(
            "java.io",
            "java.math",
            "java.net",
            "java.nio.file",
            "java.util",
            "java.util.concurrent",
            "java.util.function",
            "java.util.prefs",
            "java.util.regex",
            "java.util.stream");

    private static volatile Object kept;

    private JavadocExamples() {}

    /** One line of an example: its line number in the source file, its code and its trailing comment (or null). */
    record Line(int number, String code, String comment) {}

    /** A {@code <pre>{@code ...}</pre>} block: the file, the line of {@code <pre>}, and its lines. */
    record Example(Path file, int line, List<Line> lines) {

        /** Where it is, as {@code tempered/math/Softmax.java:15}. */
        String name(Path root) {
            return root.relativize(file).toString().replace(File.separatorChar, '/') + ":" + line;
        }

        /** Why it is not run, if its first line says so. */
        Optional<String> notRun() {
            return lines.stream()
                    .filter(l -> !l.code().isBlank() || l.comment() != null)
                    .findFirst()
                    .filter(l -> l.code().isBlank() && l.comment() != null)
                    .map(l -> NOT_RUN.matcher(l.comment()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1).isBlank() ? "no reason given" : m.group(1));
        }

        /** Whether it states any value or exception, and so is checked. */
        boolean statesSomething() {
            for (int i = 0; i < lines.size(); i++) {
                String comment = lines.get(i).comment();
                boolean belowCode = i > 0 && !lines.get(i - 1).code().isBlank();
                if (!lines.get(i).code().isBlank() && isStatement(comment)
                        || lines.get(i).code().isBlank() && belowCode && isException(comment)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Every example in the {@code .java} files under {@code root}, in file order. */
    static List<Example> find(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Example> examples = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                examples.addAll(parse(file, Files.readString(file)));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the sources under " + root, e);
        }
    }

    /** The examples in one source text. */
    static List<Example> parse(Path file, String source) {
        List<Example> examples = new ArrayList<>();
        String[] lines = source.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!BLOCK_START.matcher(lines[i]).matches()) {
                continue;
            }
            int start = i;
            List<Line> body = new ArrayList<>();
            for (i++; i < lines.length && !BLOCK_END.matcher(lines[i]).matches(); i++) {
                body.add(split(i + 1, JAVADOC_MARGIN.matcher(lines[i]).replaceFirst("")));
            }
            examples.add(new Example(file, start + 1, List.copyOf(body)));
        }
        return examples;
    }

    /** The package names under {@code root} that hold at least one {@code .java} file. */
    static List<String> packages(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f.getParent()).toString().replace(File.separatorChar, '.'))
                    .collect(Collectors.toCollection(TreeSet::new))
                    .stream()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the packages under " + root, e);
        }
    }

    /**
     * Runs {@code example} and throws an {@link AssertionError} naming the first line whose code fails or
     * whose stated value or exception differs.
     */
    static void check(Example example, List<String> classPath, List<String> imports) {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            classPath.forEach(shell::addToClasspath);
            for (String name : imports) {
                evaluate(shell, "import " + name + ".*;", example.file() + ": import " + name, false);
            }
            StringBuilder pending = new StringBuilder();
            List<Line> lines = example.lines();
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.code().isBlank()) {
                    continue;
                }
                pending.append(line.code()).append('\n');
                String where = example.file().getFileName() + ":" + line.number();
                boolean lastCode = lines.subList(i + 1, lines.size()).stream()
                        .allMatch(l -> l.code().isBlank());
                if (!complete(shell, pending.toString(), lastCode)) {
                    if (isStatement(line.comment())) {
                        throw new AssertionError(where + ": a value is stated where no statement ends: "
                                + line.code().strip());
                    }
                    continue;
                }
                String expected = isStatement(line.comment())
                        ? line.comment()
                        : i + 1 < lines.size()
                                        && lines.get(i + 1).code().isBlank()
                                        && isException(lines.get(i + 1).comment())
                                ? lines.get(i + 1).comment()
                                : null;
                run(shell, pending.toString(), expected, where);
                pending.setLength(0);
            }
            if (!pending.toString().isBlank()) {
                throw new AssertionError(
                        example.file().getFileName() + ":" + example.line() + ": the example ends in the middle"
                                + " of a statement: " + pending.toString().strip());
            }
        }
    }

    /** Called from the JShell of an example with the value to check. */
    public static void keep(Object value) {
        kept = value;
    }

    /** The printed form a stated value is compared with. */
    static String shown(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceFirst("^\\[(.*)]$", "$1");
        }
        return String.valueOf(value);
    }

    /** Whether {@code actual} is what {@code expected} states: the text alike, the numbers to the digits shown. */
    static boolean matches(String expected, String actual) {
        List<String> want = tokens(expected.replace("...", ""));
        List<String> got = tokens(actual);
        if (want.size() != got.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            String g = got.get(i);
            boolean same = NUMBER.matcher(w).matches() && NUMBER.matcher(g).matches() ? sameNumber(w, g) : w.equals(g);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** The literal a stated value begins with, without the explanation after it. */
    static String literal(String comment) {
        char first = comment.charAt(0);
        if (first == '"') {
            return comment.substring(0, comment.lastIndexOf('"') + 1);
        }
        if (first == '[' || first == '{') {
            char close = first == '[' ? ']' : '}';
            int depth = 0;
            for (int i = 0; i < comment.length(); i++) {
                char c = comment.charAt(i);
                depth += c == first ? 1 : c == close ? -1 : 0;
                if (depth == 0) {
                    return comment.substring(0, i + 1);
                }
            }
            return comment;
        }
        Matcher word = WORD_LITERAL.matcher(comment);
        if (word.find()) {
            return word.group();
        }
        Matcher number =
                Pattern.compile("^(?:" + NUMBER.pattern() + ")(?:\\.\\.\\.)?").matcher(comment);
        return number.find() ? number.group() : comment;
    }

    /** Whether {@code code} is one or more whole statements; the last code of an example may omit its semicolon. */
    private static boolean complete(JShell shell, String code, boolean lastCode) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        while (info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE) {
            info = analysis.analyzeCompletion(info.remaining());
        }
        return info.completeness() == SourceCodeAnalysis.Completeness.EMPTY
                || lastCode && info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI;
    }

    private static void run(JShell shell, String code, String expected, String where) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(code);
        SnippetEvent last = null;
        while (info.completeness().isComplete()) {
            String snippet = info.source();
            info = analysis.analyzeCompletion(info.remaining());
            boolean isLast = info.remaining().isBlank();
            if (isLast && expected != null && isException(expected)) {
                checkThrows(shell, snippet, expected, where);
                return;
            }
            last = evaluate(shell, snippet, where, false);
        }
        if (expected == null) {
            return;
        }
        Snippet snippet = last == null ? null : last.snippet();
        String name =
                snippet instanceof VarSnippet v ? v.name() : snippet instanceof ExpressionSnippet e ? e.name() : null;
        if (name == null) {
            throw new AssertionError(where + ": a value is stated, but " + code.strip() + " has none");
        }
        keep(null);
        evaluate(shell, JavadocExamples.class.getName() + ".keep(" + name + ");", where, false);
        String actual = shown(kept);
        String literal = literal(expected);
        if (!matches(literal, actual)) {
            throw new AssertionError(
                    where + ": " + code.strip() + " gives " + actual + ", the Javadoc says " + literal);
        }
    }

    private static void checkThrows(JShell shell, String snippet, String expected, String where) {
        Matcher stated = EXCEPTION.matcher(expected);
        if (!stated.matches()) {
            throw new IllegalStateException("not an exception: " + expected);
        }
        SnippetEvent event = evaluate(shell, snippet, where, true);
        if (!(event.exception() instanceof EvalException e)) {
            throw new AssertionError(where + ": " + snippet.strip() + " should throw " + expected + ", but "
                    + (event.exception() == null ? "it threw nothing" : "threw " + describe(event.exception())));
        }
        String actual = e.getExceptionClassName().replaceFirst("^.*\\.", "")
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String want = stated.group(1) + (stated.group(2) == null ? "" : ": " + stated.group(2));
        if (stated.group(2) == null ? !actual.startsWith(want) : !actual.equals(want)) {
            throw new AssertionError(
                    where + ": " + snippet.strip() + " throws " + actual + ", the Javadoc says " + want);
        }
    }

    /** Evaluates one snippet, which must compile (and not throw, unless {@code mayThrow}); returns its event. */
    private static SnippetEvent evaluate(JShell shell, String snippet, String where, boolean mayThrow) {
        SnippetEvent result = null;
        for (SnippetEvent event : shell.eval(snippet)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            if (!event.status().isDefined()) {
                String diagnostics = shell.diagnostics(event.snippet())
                        .map(d -> d.getMessage(Locale.ROOT))
                        .collect(Collectors.joining("; "));
                throw new AssertionError(where + ": " + snippet.strip() + " does not compile on its own (" + diagnostics
                        + "); make the example self-contained, or start it with // not run: why");
            }
            if (event.exception() != null && !mayThrow) {
                throw new AssertionError(where + ": " + snippet.strip() + " throws " + describe(event.exception()));
            }
            result = event;
        }
        return result;
    }

    private static String describe(JShellException exception) {
        return exception instanceof EvalException e
                ? e.getExceptionClassName() + ": " + e.getMessage()
                : exception.toString();
    }

    private static boolean isStatement(String comment) {
        return comment != null && !comment.isEmpty() && (isValue(comment) || isException(comment));
    }

    private static boolean isValue(String comment) {
        char first = comment.charAt(0);
        return first == '"'
                || first == '['
                || first == '{'
                || Character.isDigit(first)
                || first == '-'
                        && comment.length() > 1
                        && (Character.isDigit(comment.charAt(1)) || comment.charAt(1) == 'I')
                || WORD_LITERAL.matcher(comment).find();
    }

    private static boolean isException(String comment) {
        return comment != null && EXCEPTION.matcher(comment).matches();
    }

    /** Splits a line into code and the text of its trailing {@code //} comment, skipping string and char literals. */
    private static Line split(int number, String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                return new Line(
                        number, text.substring(0, i), text.substring(i + 2).strip());
            }
        }
        return new Line(number, text, null);
    }

    /** Numbers (with their sign), runs of other characters, and single spaces for runs of white space. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (Character.isWhitespace(text.charAt(at))) {
                int end = at;
                while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                tokens.add(" ");
                at = end;
            } else if (number.find(at)
                    && number.start() == at
                    && !(at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)))) {
                tokens.add(number.group());
                at = number.end();
            } else {
                tokens.add(String.valueOf(text.charAt(at)));
                at++;
            }
        }
        return tokens;
    }

    /** Whether {@code actual} rounds to {@code expected} at the number of decimals {@code expected} shows. */
    private static boolean sameNumber(String expected, String actual) {
        if (!Character.isDigit(expected.charAt(expected.length() - 1))
                || !Character.isDigit(actual.charAt(actual.length() - 1))) {
            return expected.equals(actual);
        }
        BigDecimal want = new BigDecimal(expected);
        BigDecimal got = new BigDecimal(actual);
        BigDecimal halfUnit =
                BigDecimal.ONE.movePointLeft(Math.max(want.scale(), 0)).divide(BigDecimal.valueOf(2));
        return got.subtract(want).abs().compareTo(halfUnit) <= 0;
    }
}
