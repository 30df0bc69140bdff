package tempered.notebook.kernel;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * What a failing cell shows, in JJava 1.0-a7's words, so the tests report what a learner would read.
 *
 * <p>A runtime exception: {@code java.lang.RuntimeException: java.lang.IllegalArgumentException, <message>},
 * then {@code Caused by: jdk.jshell.EvalException: <message>} with the first frames of the cell's exception
 * (the kernel adds about ten frames of its own before that line, left out here). A compile error: the
 * snippet, then the compiler's message without its {@code location:} line. A declaration whose types do not
 * resolve: the snippet and {@code Unresolved dependencies:} with one {@code - class Foo} line per name.
 */
final class ErrorText {
    private static final int FRAMES = 8;

    private ErrorText() {}

    /** JJava's text for the {@code RuntimeException} it wraps a cell's exception in (its stack trace, trimmed). */
    static String thrown(RuntimeException wrapped) {
        StringBuilder text = new StringBuilder(wrapped.toString());
        for (Throwable cause = wrapped.getCause(); cause != null; cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
            List<StackTraceElement> frames = List.of(cause.getStackTrace());
            frames.stream()
                    .limit(FRAMES)
                    .forEach(frame -> text.append("\n\tat ").append(frame));
            if (frames.size() > FRAMES) {
                text.append("\n\t... ").append(frames.size() - FRAMES).append(" more");
            }
        }
        return text.toString();
    }

    static String compileError(JShell shell, Snippet snippet) {
        String diagnostics = shell.diagnostics(snippet)
                .flatMap(d -> d.getMessage(Locale.ROOT).lines())
                .filter(line -> !line.strip().startsWith("location:"))
                .collect(Collectors.joining("\n"));
        return "compile error in:\n" + indent(snippet.source().strip()) + "\n" + diagnostics;
    }

    static String unresolved(JShell shell, DeclarationSnippet snippet) {
        return indent(snippet.source().strip()) + "\nUnresolved dependencies:\n"
                + shell.unresolvedDependencies(snippet)
                        .map(name -> "   - " + name)
                        .collect(Collectors.joining("\n"));
    }

    static String indent(String text) {
        return text.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }
}
