package tempered.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Hugging Face hub cache on disk, shared with Python's {@code huggingface_hub}: a model Python
 * downloaded is found here, and one Tempered downloads is found by Python.
 *
 * <p>Layout: {@code ROOT/models--ORG--NAME/blobs/<etag>} holds each file once, named by its hash;
 * {@code snapshots/<commit>/<path>} links to it; {@code refs/<branch>} holds the commit a branch pointed at.
 * The root is {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}.
 * This class reads and checks the cache; {@link BlobStore} writes it.
 */
public final class HubCache {
    private final Path root;
    private final VerifiedFiles verified;

    /** The cache at {@code root}, remembering no checks: every check before a run computes the hashes. */
    public HubCache(Path root) {
        this(root, null);
    }

    /**
     * @param records where this user's records of checked files go ({@link VerifiedFiles}), or null for none
     */
    public HubCache(Path root, Path records) {
        this.root = root;
        this.verified = new VerifiedFiles(records);
    }

    /**
     * The cache the environment names, as {@code huggingface_hub} resolves it, with this user's records of checked
     * files in Tempered's own cache ({@link TemperedCache}).
     */
    public static HubCache fromEnvironment(Map<String, String> environment) {
        Path records = TemperedCache.root(environment).resolve("verified");
        String hubCache = environment.get("HF_HUB_CACHE");
        if (hubCache != null && !hubCache.isBlank()) {
            return new HubCache(Path.of(hubCache), records);
        }
        return new HubCache(home(environment).resolve("hub"), records);
    }

    /** {@code $HF_HOME}, else {@code $XDG_CACHE_HOME/huggingface}, else {@code ~/.cache/huggingface}. */
    static Path home(Map<String, String> environment) {
        String home = environment.get("HF_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "huggingface");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "huggingface");
    }

    public Path root() {
        return root;
    }

    /** {@code ROOT/models--ORG--NAME}. */
    public Path repository(String repo) {
        return root.resolve("models--" + repo.replace("/", "--"));
    }

    /**
     * The commit a revision stands for: itself when it is a commit hash, else what {@code refs/} records.
     *
     * @throws IllegalArgumentException when the ref is there but this user may not read it
     */
    public Optional<String> commit(String repo, String revision) {
        if (Hashes.isSha1(revision)) {
            return Optional.of(revision);
        }
        Path ref = repository(repo).resolve("refs").resolve(revision);
        try {
            // Not Files.isRegularFile: it answers false for a folder this user may not enter, which is not a missing
            // model but a cache to make readable.
            // A ref that holds no commit (empty, or a path such as ../../x) leads nowhere: not a way out of the cache.
            return Files.readAttributes(ref, BasicFileAttributes.class).isRegularFile()
                    ? Optional.of(Files.readString(ref, StandardCharsets.UTF_8).trim())
                            .filter(Hashes::isSha1)
                    : Optional.empty();
        } catch (AccessDeniedException e) {
            throw denied(ref);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A link found where Tempered writes: refused, naming it, as bad input (status 2), never followed. */
    IllegalArgumentException planted(Links.Found link) {
        return new IllegalArgumentException("refusing to write through the symbolic link " + link.link() + " (to "
                + link.target() + ") in the Hugging Face cache at " + root + ": Tempered never follows a link where"
                + " it writes, so a link planted there cannot send its writes elsewhere. Remove the link (the"
                + " cache's folders and files are real ones, not links), or set HF_HUB_CACHE to a cache only you can"
                + " write");
    }

    /** A file of the cache that this user may not read: said so (status 2), never taken for a missing model. */
    IllegalArgumentException denied(Path file) {
        return new IllegalArgumentException("permission denied reading " + file + " in the Hugging Face cache;"
                + " whoever filled the cache must let you read it (chmod -R a+rX " + root
                + "), or set HF_HUB_CACHE to a cache of your own");
    }

    /** The spec's file in the snapshot of its revision, when it is there. */
    public Optional<Path> find(ModelSpec spec) {
        return find(spec, spec.file());
    }

    private Optional<Path> find(ModelSpec spec, String path) {
        return commit(spec.repo(), spec.revision())
                .map(commit -> snapshot(spec.repo(), commit).resolve(path))
                .filter(this::present);
    }

    /** True for a regular file (through its link); a folder this user may not enter is said so, not taken as empty. */
    private boolean present(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).isRegularFile();
        } catch (AccessDeniedException e) {
            throw denied(file);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What is wrong with the spec's cached files (its decoder and, when present, {@code config.json}), judged
     * without the network by the hash each blob is named by (or the spec's known sha256): damaged (a size or hash
     * that does not match), or unverified (named by no hash, so nothing can check it). Empty when both are
     * intact, or when they are not here.
     *
     * @throws IllegalArgumentException when one is here but this user may not read it
     */
    public Optional<String> damage(ModelSpec spec) {
        return damage(spec, true);
    }

    /**
     * The same as {@link #damage(ModelSpec)}, hashing only the files that changed since this user last saw them
     * intact ({@link VerifiedFiles}): what runs before every load of a cached model, so the common path costs a
     * few file-system reads instead of hashing 655 MB.
     */
    public Optional<String> damageSinceVerified(ModelSpec spec) {
        return damage(spec, false);
    }

    private Optional<String> damage(ModelSpec spec, boolean rehash) {
        for (String path : spec.files()) {
            Optional<Path> file = find(spec, path);
            if (file.isEmpty()) {
                continue;
            }
            String known = path.equals(spec.file()) ? spec.sha256() : null;
            try {
                Path blob = file.get().toRealPath();
                Optional<String> damage = Files.isSymbolicLink(file.get())
                        ? checked(blob, blob.getFileName().toString(), known, rehash)
                        : copyDamage(blob, blobs(spec.repo()), known);
                if (damage.isPresent()) {
                    return Optional.of("the cached " + spec.repo() + "/" + path + " (" + blob + ") " + damage.get());
                }
            } catch (AccessDeniedException e) {
                throw denied(file.get());
            } catch (IOException e) {
                return Optional.of("the cached " + spec.repo() + "/" + path + " cannot be read ("
                        + DownloadException.describe(e) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a snapshot file that is a copy, not a link (where the file system has no symbolic links,
     * Tempered and Python put copies there): it is intact when it has the known sha256, or when its sha256 or git
     * sha-1 names a blob of the repository, which only a file the hub named by that hash does.
     */
    private static Optional<String> copyDamage(Path copy, Path blobs, String knownSha256) throws IOException {
        if (knownSha256 != null) {
            return damage(copy, knownSha256, -1, null);
        }
        if (Files.isRegularFile(blobs.resolve(Hashes.sha256(copy)))
                || Files.isRegularFile(blobs.resolve(Hashes.gitBlobSha1(copy)))) {
            return Optional.empty();
        }
        return Optional.of("is unverified: it is a copy, not a link to a blob, its hash names no blob in " + blobs
                + ", and Tempered knows no sha256 for it");
    }

    /**
     * What is wrong with a blob, by its name (or the known sha256); when {@code rehash} is false, nothing is hashed
     * if this user's record vouches for the blob as it is now. A blob found intact is recorded.
     */
    private Optional<String> checked(Path blob, String etag, String knownSha256, boolean rehash) throws IOException {
        String expected = expected(etag, knownSha256);
        if (expected == null) {
            return damage(blob, etag, -1, knownSha256);
        }
        String before = VerifiedFiles.state(blob);
        if (!rehash && verified.vouchFor(blob, expected, before)) {
            return Optional.empty();
        }
        Optional<String> damage = damage(blob, etag, -1, knownSha256);
        // Recorded only when nothing touched the file while it was hashed.
        if (damage.isEmpty() && before.equals(VerifiedFiles.state(blob))) {
            verified.remember(blob, expected, before);
        }
        return damage;
    }

    /** Records that a blob just checked (as a download checks it) is intact, so its first run need not hash it. */
    void rememberIntact(Path blob, String etag, String knownSha256) throws IOException {
        String expected = expected(etag, knownSha256);
        if (expected != null) {
            Path real = blob.toRealPath();
            verified.remember(real, expected, VerifiedFiles.state(real));
        }
    }

    /** The hash a file named {@code etag} must have, as {@link #damage(Path, String, long, String)} checks it. */
    private static String expected(String etag, String knownSha256) {
        if (Hashes.isSha256(etag)) {
            return etag;
        }
        if (knownSha256 != null) {
            return knownSha256;
        }
        return Hashes.isSha1(etag) ? etag : null;
    }

    /** True when a file named {@code etag} can be checked: the name is a hash, or its sha256 is known. */
    static boolean verifiable(String etag, String knownSha256) {
        return knownSha256 != null || Hashes.isSha256(etag) || Hashes.isSha1(etag);
    }

    /**
     * What is wrong with a file that should be the blob named {@code etag}: its size, when known, and its hash,
     * when the name is one (a sha256, or a git blob sha-1 for small files) or the sha256 is known; unverified
     * when nothing names its hash. Empty when it matches.
     */
    static Optional<String> damage(Path file, String etag, long size, String knownSha256) throws IOException {
        long actual = Files.size(file);
        if (size >= 0 && actual != size) {
            return Optional.of(String.format(Locale.ROOT, "has %,d bytes, but should have %,d", actual, size));
        }
        String expected = Hashes.isSha256(etag) ? etag : knownSha256;
        if (expected != null) {
            String sha256 = Hashes.sha256(file);
            return sha256.equals(expected)
                    ? Optional.empty()
                    : Optional.of("has sha256 " + sha256 + ", but should have " + expected);
        }
        if (Hashes.isSha1(etag)) {
            String sha1 = Hashes.gitBlobSha1(file);
            return sha1.equals(etag)
                    ? Optional.empty()
                    : Optional.of("has git sha-1 " + sha1 + ", but should have " + etag);
        }
        return Optional.of("is unverified: its blob is named '" + etag
                + "', which is not a hash, and Tempered knows no sha256 for it");
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
