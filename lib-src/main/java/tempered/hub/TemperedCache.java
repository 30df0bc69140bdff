package tempered.hub;

import java.nio.file.Path;
import java.util.Map;

/**
 * Tempered's own cache folder, beside Hugging Face's: {@code TEMPERED_CACHE} (or {@code -Dtempered.cache}), else
 * {@code $XDG_CACHE_HOME/tempered}, else {@code ~/.cache/tempered}. It holds the recorded GPT-2 examples and what
 * Tempered remembers of the model files it has checked ({@link VerifiedFiles}); each user has their own.
 *
 * <pre>{@code
 * TemperedCache.root(Map.of("XDG_CACHE_HOME", "/x"));   // /x/tempered
 * }</pre>
 */
public final class TemperedCache {
    private TemperedCache() {}

    /** The folder the settings (environment variables and system properties) name. */
    public static Path root(Map<String, String> settings) {
        return Setting.of("tempered.cache", "TEMPERED_CACHE", settings)
                .map(setting -> Path.of(setting.value()))
                .orElseGet(() -> {
                    String xdg = settings.get("XDG_CACHE_HOME");
                    return xdg != null && !xdg.isBlank()
                            ? Path.of(xdg, "tempered")
                            : Path.of(System.getProperty("user.home"), ".cache", "tempered");
                });
    }
}
