package tempered;

import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tempered.hub.DownloadException;
import tempered.hub.DownloadProgress;
import tempered.hub.Setting;
import tempered.model.ModelNotFoundException;
import tempered.recorded.ExplainerSource;

/**
 * The recorded GPT-2 examples for the tests that need them, got the way a user's machine gets them: through
 * {@link ExplainerSource}'s fetch, sha256 checks and cache, from {@code TEMPERED_RECORDED_URL} or the pinned
 * upstream (the build points them at a read-only copy beside the checkout when there is one).
 *
 * <p>When they cannot be had (offline, no copy), a test that needs them says so in one line: it is skipped on a
 * developer's machine and fails under {@code CI=true}, where the recordings must be there. The first attempt's
 * answer is kept, so an offline run tries the network once, not once per test.
 */
public final class Recordings {
    private static Path folder;
    private static String missing;

    private Recordings() {}

    /** The folder holding the five verified example files; skips (or, in CI, fails) the calling test without them. */
    public static synchronized Path folder() {
        if (folder == null && missing == null) {
            ExplainerSource source = ExplainerSource.fromEnvironment(Setting.current());
            try {
                source.files(DownloadProgress.NONE);
                folder = source.folder();
            } catch (ModelNotFoundException | DownloadException e) {
                missing = e.getMessage().replaceAll("\\s*\\R\\s*", " ");
            }
        }
        if (folder != null) {
            return folder;
        }
        String line = "needs the recorded GPT-2 examples, which are not here: " + missing;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and this test " + line);
        }
        return Assumptions.abort(line);
    }
}
