package tempered.model;

/**
 * No usable model (or recorded data) where Tempered looked: missing, or damaged. The message says where it
 * looked and which command fetches it; the command line exits with status 3.
 */
public final class ModelNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }

    public ModelNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
