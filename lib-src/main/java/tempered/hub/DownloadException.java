package tempered.hub;

/**
 * A download that failed: the network, the server, or the disk being written to. The message names the
 * file, says what happened and what to do; nothing partial or unverified is left where a loader looks.
 * The command line exits with status 4 for it. A user name and password written into an address never reach
 * the message ({@link Credentials}).
 */
public final class DownloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DownloadException(String message) {
        super(Credentials.hide(message));
    }

    public DownloadException(String message, Throwable cause) {
        super(Credentials.hide(message), cause);
    }

    /** An exception as one short phrase for a message: its simple class name and its message. */
    public static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
