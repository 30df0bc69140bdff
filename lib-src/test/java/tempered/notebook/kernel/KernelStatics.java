package tempered.notebook.kernel;

import java.util.List;

/**
 * The methods JJava puts in scope of every cell with a static import: {@code display}, {@code updateDisplay},
 * {@code printf}, and {@code lineMagic}, which the rewritten magic lines call; each forwards to the
 * {@link NotebookExecutor} that is running.
 *
 * <p>This is the only class of the test JVM that cells see (see {@link CellLoader}); the compiler reads a copy
 * of its class file, so its public methods take and return JDK types only. As in JJava, {@code display}
 * returns the display's id, so a cell that ends on {@code display(...)} shows that id as its result. Left
 * out of JJava's statics: {@code eval}, {@code render} and {@code cellMagic}, which no notebook calls.
 */
public final class KernelStatics {
    private KernelStatics() {}

    public static String display(Object value) {
        return NotebookExecutor.current().display(Render.render(value));
    }

    public static String display(Object value, String... mimeTypes) {
        return NotebookExecutor.current().display(Render.renderAs(value, mimeTypes));
    }

    /** Replaces what the display with this id shows, in whichever cell it is; an unknown id changes nothing. */
    public static void updateDisplay(String id, Object value) {
        NotebookExecutor.current().updateDisplay(id, Render.render(value));
    }

    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        NotebookExecutor.current().updateDisplay(id, Render.renderAs(value, mimeTypes));
    }

    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    /**
     * Runs a line magic; JJava 1.0-a7 wraps what it throws as
     * {@code RuntimeException("Exception running line magic 'name': " + message)}, except for an unknown magic.
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        try {
            return (T) NotebookExecutor.current().lineMagic(name, args);
        } catch (UndefinedMagicException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuntimeException("Exception running line magic '" + name + "': " + e.getMessage(), e);
        }
    }
}
