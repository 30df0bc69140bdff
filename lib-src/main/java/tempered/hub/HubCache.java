package tempered.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Hugging Face hub cache on disk, shared with Python's {@code huggingface_hub}: a model Python
 * downloaded is found here, and one Tempered downloads is found by Python.
 *
 * <p>Layout: {@code ROOT/models--ORG--NAME/blobs/<etag>} holds each file once, named by its hash;
 * {@code snapshots/<commit>/<path>} links to it; {@code refs/<branch>} holds the commit a branch pointed at.
 * The root is {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}.
 */
public final class HubCache {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private final Path root;

    public HubCache(Path root) {
        this.root = root;
    }

    /** The cache the environment names, as {@code huggingface_hub} resolves it. */
    public static HubCache fromEnvironment(Map<String, String> environment) {
        String hubCache = environment.get("HF_HUB_CACHE");
        if (hubCache != null && !hubCache.isBlank()) {
            return new HubCache(Path.of(hubCache));
        }
        String home = environment.get("HF_HOME");
        if (home != null && !home.isBlank()) {
            return new HubCache(Path.of(home, "hub"));
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return new HubCache(Path.of(xdg, "huggingface", "hub"));
        }
        return new HubCache(Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub"));
    }

    public Path root() {
        return root;
    }

    /** {@code ROOT/models--ORG--NAME}. */
    public Path repository(String repo) {
        return root.resolve("models--" + repo.replace("/", "--"));
    }

    /** The commit a revision stands for: itself when it is a commit hash, else what {@code refs/} records. */
    public Optional<String> commit(String repo, String revision) {
        if (COMMIT.matcher(revision).matches()) {
            return Optional.of(revision);
        }
        Path ref = repository(repo).resolve("refs").resolve(revision);
        try {
            return Files.isRegularFile(ref) ? Optional.of(Files.readString(ref, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The spec's file in the snapshot of its revision, when it is there. */
    public Optional<Path> find(ModelSpec spec) {
        return commit(spec.repo(), spec.revision())
                .map(commit -> snapshot(spec.repo(), commit).resolve(spec.file()))
                .filter(Files::isRegularFile);
    }

    Path snapshot(String repo, String commit) {
        return repository(repo).resolve("snapshots").resolve(commit);
    }

    Path blobs(String repo) {
        return repository(repo).resolve("blobs");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
