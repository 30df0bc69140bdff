package tempered.notebook.kernel;

import java.util.List;

/**
 * An error output as JJava 1.0-a7 publishes it: the exception's simple name, its value, and the traceback lines
 * without their terminal colours. For a runtime exception the traceback holds only what does not depend on the
 * kernel's own code: the wrapped exception's line and each {@code Caused by:} line, not the kernel's frames.
 */
public record KernelError(String ename, String evalue, List<String> traceback) {
    public KernelError {
        traceback = List.copyOf(traceback);
    }
}
