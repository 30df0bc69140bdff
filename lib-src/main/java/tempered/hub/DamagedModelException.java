package tempered.hub;

/**
 * A model in the Hugging Face cache that is not what was downloaded (its decoder or {@code config.json} changed
 * since: truncated, altered, replaced) or that nothing can check (named by no hash). It is found before the model
 * runs; the message names the file and the command that fetches it again. The command line exits with status 3.
 *
 * <p>It is not a {@link tempered.model.ModelNotFoundException}: the model is here, and fetching it silently (as a
 * missing one is) would hide that something changed it.
 */
public final class DamagedModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DamagedModelException(String message) {
        super(message);
    }
}
