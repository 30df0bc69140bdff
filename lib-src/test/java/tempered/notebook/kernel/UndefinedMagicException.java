package tempered.notebook.kernel;

/** A line magic the kernel does not know, with JJava's message: {@code Undefined line magic 'name'}. */
final class UndefinedMagicException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UndefinedMagicException(String name) {
        super("Undefined line magic '" + name + "'");
    }
}
