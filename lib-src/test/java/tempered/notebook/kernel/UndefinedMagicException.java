package tempered.notebook.kernel;

/** A line magic the kernel does not know, with JJava's message: {@code Undefined line magic 'name'}. */
final class UndefinedMagicException extends RuntimeException {
    /** The class a cell's error names, as in the kernel. */
    static final String KERNEL_NAME = "org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException";

    private static final long serialVersionUID = 1L;

    UndefinedMagicException(String name) {
        super("Undefined line magic '" + name + "'");
    }
}
