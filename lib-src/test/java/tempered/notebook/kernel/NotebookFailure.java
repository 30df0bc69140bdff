package tempered.notebook.kernel;

/** A notebook cell that did not compile, threw, or was incomplete: names the notebook, the cell and the message. */
public final class NotebookFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotebookFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
