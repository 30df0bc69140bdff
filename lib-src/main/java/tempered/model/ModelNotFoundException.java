package tempered.model;

/** No usable model where Tempered looked; the message says where it looked and how to get one. */
public final class ModelNotFoundException extends RuntimeException {
    public ModelNotFoundException(String message) {
        super(message);
    }

    public ModelNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
