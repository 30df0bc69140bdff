package tempered.notebook.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * What a failing cell shows, in JJava 1.0-a7's words, so the tests report what a learner would read and the
 * fidelity corpus can compare it with the kernel's own outputs.
 *
 * <p>A runtime exception: {@code java.lang.RuntimeException: java.lang.IllegalArgumentException, <message>},
 * then {@code Caused by: jdk.jshell.EvalException: <message>} with the first frames of the cell's exception
 * (the kernel adds about ten frames of its own before that line, left out here). A compile error: for each of
 * the compiler's messages, the snippet's lines from the one where the error starts to the one where it ends,
 * each after {@code "|   "}, then the message without its {@code location:} line. A declaration whose types do
 * not resolve: the snippet and {@code Unresolved dependencies:} with one {@code - class Foo} line per name.
 */
final class ErrorText {
    private static final int FRAMES = 8;
    private static final String LINE_PREFIX = "|   ";
    private static final Pattern LINE_BREAK = Pattern.compile("\\R|$");

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

    /** The error output of a wrapped runtime exception: its line and each cause's, without frames. */
    static KernelError thrownShown(RuntimeException wrapped) {
        List<String> traceback = new ArrayList<>();
        traceback.add(wrapped.toString());
        for (Throwable cause = wrapped.getCause(); cause != null; cause = cause.getCause()) {
            traceback.add("Caused by: " + cause);
        }
        return new KernelError(wrapped.getClass().getSimpleName(), String.valueOf(wrapped.getMessage()), traceback);
    }

    /** JJava's CompilationException: a summary of the snippet event as its value, the diagnostics as traceback. */
    static KernelError compileError(JShell shell, SnippetEvent event) {
        Snippet snippet = event.snippet();
        List<String> traceback = new ArrayList<>();
        shell.diagnostics(snippet).forEach(diagnostic -> {
            traceback.addAll(sourceLines(snippet.source(), diagnostic));
            for (String line : LINE_BREAK.split(diagnostic.getMessage(Locale.ROOT))) {
                if (!line.strip().startsWith("location:")) {
                    traceback.add(line);
                }
            }
            traceback.add("");
        });
        if (snippet instanceof DeclarationSnippet declaration) {
            List<String> names = shell.unresolvedDependencies(declaration).toList();
            if (!names.isEmpty()) {
                traceback.addAll(unresolvedLines(snippet.source(), names));
            }
        }
        return new KernelError("CompilationException", eventSummary(event), traceback);
    }

    /** JJava's summary of a rejected snippet, as its CompilationException's message. */
    private static String eventSummary(SnippetEvent event) {
        StringBuilder text = new StringBuilder("[snippet: [")
                .append(event.snippet().source().strip())
                .append(']');
        if (event.causeSnippet() != null) {
            text.append(", causeSnippet: [")
                    .append(event.causeSnippet().source().strip())
                    .append(']');
        }
        text.append(", status: ").append(event.status());
        if (event.previousStatus() != null && event.previousStatus() != Snippet.Status.NONEXISTENT) {
            text.append(", previousStatus: ").append(event.previousStatus());
        }
        if (event.isSignatureChange()) {
            text.append(",i sSignatureChange: true"); // sic: JJava 1.0-a7 spells it so
        }
        if (event.value() != null) {
            text.append(", value: ").append(event.value());
        }
        return text.append(']').toString();
    }

    /**
     * The lines of {@code source} that a diagnostic covers, from the one where it starts to the one where it ends;
     * every line when it has no position.
     */
    private static List<String> sourceLines(String source, Diag diagnostic) {
        long start = diagnostic.getStartPosition();
        long end = diagnostic.getEndPosition();
        List<String> lines = new ArrayList<>();
        if (start < 0 || end < 0) {
            for (String line : LINE_BREAK.split(source)) {
                lines.add(LINE_PREFIX + line);
            }
            return lines;
        }
        Matcher breaks = LINE_BREAK.matcher(source);
        int lineStart = 0;
        boolean started = false;
        while (breaks.find()) {
            if (started || breaks.start() >= start) {
                started = true;
                lines.add(LINE_PREFIX + source.substring(lineStart, breaks.start()));
            }
            lineStart = breaks.end();
            if (end <= breaks.start()) {
                break;
            }
        }
        return lines;
    }

    private static List<String> unresolvedLines(String source, List<String> names) {
        List<String> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(source)) {
            lines.add(LINE_PREFIX + line);
        }
        lines.add("Unresolved dependencies:");
        names.forEach(name -> lines.add("   - " + name));
        return lines;
    }

    /** What JJava shows for a cell that ends in the middle of a snippet. */
    static KernelError incomplete(String remaining) {
        List<String> traceback = new ArrayList<>();
        traceback.add("Incomplete input:");
        for (String line : LINE_BREAK.split(remaining.strip())) {
            traceback.add(LINE_PREFIX + line);
        }
        return new KernelError("IncompleteSourceException", remaining.strip(), traceback);
    }

    /**
     * A declaration that is still "recoverable, not defined" at the end of its cell. JJava shows nothing for it
     * (no later code can use it); this executor fails the cell, and this is its one error of its own.
     */
    static KernelError unresolved(JShell shell, DeclarationSnippet snippet) {
        return new KernelError(
                NotebookExecutor.STRICTER_THAN_JJAVA,
                "declared but unusable: " + snippet.source().strip(),
                unresolvedLines(
                        snippet.source().strip(),
                        shell.unresolvedDependencies(snippet).toList()));
    }

    /** The traceback as one text, for a test's failure message. */
    static String text(KernelError error) {
        return String.join("\n", error.traceback());
    }

    static String indent(String text) {
        return text.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }
}
