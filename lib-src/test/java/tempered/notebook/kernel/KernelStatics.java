package tempered.notebook.kernel;

import java.util.UUID;

/**
 * The static methods JJava puts in scope of every notebook ({@code display}, {@code updateDisplay},
 * {@code printf}), implemented against the {@link NotebookExecutor} that is running.
 *
 * <p>As in JJava, {@code display} returns the display's id, so a cell that ends on {@code display(...)}
 * shows that id as its result.
 */
public final class KernelStatics {
    private KernelStatics() {
    }

    public static String display(Object value) {
        return NotebookExecutor.current().display(Render.render(value));
    }

    public static String display(Object value, String... mimeTypes) {
        return NotebookExecutor.current().display(Render.renderAs(value, mimeTypes));
    }

    public static void updateDisplay(String id, Object value) {
        NotebookExecutor.current().display(Render.render(value));
    }

    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }
}
