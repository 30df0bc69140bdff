package tempered.notebook.kernel;

/**
 * A notebook cell that did not compile, threw, or was incomplete: names the notebook, the cell and the message,
 * and carries the error output the kernel would show for it.
 */
public final class NotebookFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient KernelError shown;

    public NotebookFailure(String message, KernelError shown, Throwable cause) {
        super(message, cause);
        this.shown = shown;
    }

    /** The error output a kernel shows for this failure. */
    public KernelError shown() {
        return shown;
    }
}
