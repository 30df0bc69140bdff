package tempered.cli;

/** Bad command-line input: printed as one line on stderr, exit status 2, never a stack trace. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
