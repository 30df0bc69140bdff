package tempered.hub;

import tempered.model.ModelNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads files from the Hugging Face hub into the shared {@link HubCache}, the way {@code huggingface_hub}
 * does, so Python finds them too.
 *
 * <p>A HEAD request names the file's hash ({@code X-Linked-Etag}: the sha256 of a large file; {@code ETag}:
 * the git blob sha-1 of a small one) and the commit. The body goes to {@code blobs/<hash>.incomplete}, is
 * checked against that hash (or the known sha256 when the server gives none), and only then is moved to
 * {@code blobs/<hash>} and linked from {@code snapshots/<commit>/<path>}: the loader never sees a partial or
 * unverified file. An interrupted download resumes with a Range request, within this run (a few attempts)
 * or the next one. A lock file lets two processes ask for the same file: one downloads, the other waits and
 * then uses it. It honours {@code HF_ENDPOINT}, {@code HF_TOKEN} and {@code HF_HUB_OFFLINE}.
 */
public final class HubDownloader {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Set<String> TRUE = Set.of("1", "on", "yes", "true");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final HubCache cache;
    private final String endpoint;
    private final String token;
    private final boolean offline;
    private final Duration timeout;
    private final int attempts;
    /** Opens the partial file for writing; tests swap it for one that fails, as a full disk does. */
    OutputOpener opener = (file, append) -> Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);

    interface OutputOpener {
        OutputStream open(Path file, boolean append) throws IOException;
    }

    /**
     * @param timeout how long to wait for a connection or for the next bytes before giving up
     * @param attempts how many times one call tries, resuming each time, before it reports the failure
     */
    public HubDownloader(HubCache cache, String endpoint, String token, boolean offline, Duration timeout, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts=" + attempts + " must be at least 1");
        }
        this.cache = cache;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.offline = offline;
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /** The downloader the environment describes: the hub's variables, 30 s time-outs, three attempts. */
    public static HubDownloader fromEnvironment(Map<String, String> environment) {
        String endpoint = environment.getOrDefault("HF_ENDPOINT", DEFAULT_ENDPOINT);
        String token = environment.getOrDefault("HF_TOKEN", environment.get("HUGGING_FACE_HUB_TOKEN"));
        return new HubDownloader(HubCache.fromEnvironment(environment), endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint, token,
                offline(environment), Duration.ofSeconds(30), 3);
    }

    /** True when {@code HF_HUB_OFFLINE} is 1, on, yes or true, as {@code huggingface_hub} reads it. */
    public static boolean offline(Map<String, String> environment) {
        return TRUE.contains(environment.getOrDefault("HF_HUB_OFFLINE", "0").trim().toLowerCase(Locale.ROOT));
    }

    public HubCache cache() {
        return cache;
    }

    /** True when {@code HF_HUB_OFFLINE} forbids the network. */
    public boolean offline() {
        return offline;
    }

    /**
     * The model's ONNX file in the cache, downloading it (with {@code config.json}) when it is not there.
     *
     * @throws ModelNotFoundException when it is not cached and cannot be fetched; the message says why and
     *         what to do
     */
    public Path download(ModelSpec spec, DownloadProgress progress) {
        Optional<Path> cached = cache.find(spec);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (offline) {
            throw new ModelNotFoundException("HF_HUB_OFFLINE is set and " + spec.repo() + "/" + spec.file()
                    + " is not in the Hugging Face cache at " + cache.repository(spec.repo()) + ". On a connected machine run: "
                    + spec.downloadCommand() + " (then copy " + cache.root() + " here), or unset HF_HUB_OFFLINE");
        }
        // The model first: when something is wrong, the message names the file that matters.
        Path model = fetch(spec, spec.file(), spec.sha256(), progress, false);
        fetch(spec, "config.json", null, progress, true);
        return model;
    }

    private Path fetch(ModelSpec spec, String path, String knownSha256, DownloadProgress progress, boolean optional) {
        String name = spec.repo() + "/" + path;
        String url = endpoint + "/" + spec.repo() + "/resolve/" + URLEncoder.encode(spec.revision(), StandardCharsets.UTF_8) + "/" + path;
        Metadata metadata = head(url, spec, path, optional);
        if (metadata == null) {
            return null;
        }
        Path blobs = cache.blobs(spec.repo());
        Path blob = blobs.resolve(metadata.etag);
        Path pointer = cache.snapshot(spec.repo(), metadata.commit).resolve(path);
        try {
            Files.createDirectories(blobs);
            ReentrantLock local = IN_PROCESS.computeIfAbsent(blob, b -> new ReentrantLock());
            local.lock();
            try (FileChannel lockFile = FileChannel.open(blobs.resolve(metadata.etag + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                // A blob without its snapshot link may be one a disk error or an edit broke: check before linking it again.
                if (Files.isRegularFile(blob) && !intact(blob, metadata, knownSha256)) {
                    Files.delete(blob);
                }
                // Another process may have finished the file while this one waited for the lock.
                if (!Files.isRegularFile(blob)) {
                    transfer(url, name, path, metadata, knownSha256, blobs.resolve(metadata.etag + ".incomplete"), blob, progress);
                }
            } finally {
                local.unlock();
            }
            link(blob, pointer);
            if (!SHA1.matcher(spec.revision()).matches() || !spec.revision().equals(metadata.commit)) {
                writeAtomically(cache.repository(spec.repo()).resolve("refs").resolve(spec.revision()), metadata.commit);
            }
            return pointer;
        } catch (IOException e) {
            throw new ModelNotFoundException("could not write " + name + " into " + cache.root() + ": " + e.getMessage()
                    + "; check the free space and permissions there, then run " + spec.downloadCommand() + " again to resume", e);
        }
    }

    /** What the hub says about a file before it is fetched. */
    private record Metadata(String etag, String commit, long size) {
    }

    private Metadata head(String url, ModelSpec spec, String path, boolean optional) {
        String name = spec.repo() + "/" + path;
        String current = url;
        for (int redirects = 0; redirects < 5; redirects++) {
            HttpURLConnection connection = null;
            try {
                connection = open(current, url, "HEAD");
                int status = connection.getResponseCode();
                String linkedEtag = connection.getHeaderField("X-Linked-Etag");
                String etag = normalise(linkedEtag != null ? linkedEtag : connection.getHeaderField("ETag"));
                boolean redirect = status >= 300 && status < 400;
                if (redirect && linkedEtag == null) {
                    // A renamed repository answers with a redirect to its new name: follow it, like huggingface_hub.
                    current = resolve(current, connection.getHeaderField("Location"));
                    continue;
                }
                if (status == 404 && optional) {
                    return null;
                }
                if (status != 200 && !redirect) {
                    throw failure(status, name, spec);
                }
                String commit = connection.getHeaderField("X-Repo-Commit");
                if (commit == null || !SHA1.matcher(commit.trim()).matches()) {
                    throw new ModelNotFoundException(endpoint + " did not say which commit " + spec.revision() + " of " + spec.repo()
                            + " is (no X-Repo-Commit header); is HF_ENDPOINT a Hugging Face hub or mirror?");
                }
                if (etag == null || etag.isEmpty() || etag.contains("/") || etag.contains("..")) {
                    throw new ModelNotFoundException(endpoint + " gave no usable ETag for " + name + "; is HF_ENDPOINT a Hugging Face hub or mirror?");
                }
                String size = connection.getHeaderField("X-Linked-Size");
                if (size == null) {
                    size = connection.getHeaderField("Content-Length");
                }
                return new Metadata(etag, commit.trim(), size == null ? -1 : Long.parseLong(size.trim()));
            } catch (IOException e) {
                throw unreachable(e, name, spec);
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
        throw new ModelNotFoundException("too many redirects for " + name + " at " + endpoint);
    }

    private void transfer(String url, String name, String path, Metadata metadata, String knownSha256, Path incomplete, Path blob,
            DownloadProgress progress) throws IOException {
        String expected = SHA256.matcher(metadata.etag).matches() ? metadata.etag : knownSha256;
        boolean gitBlob = expected == null && SHA1.matcher(metadata.etag).matches();
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                receive(url, name, path, metadata, incomplete, progress);
                last = null;
                break;
            } catch (InterruptedTransfer e) {
                last = e.cause;
                if (attempt < attempts) {
                    sleep(attempt);
                }
            }
        }
        if (last != null) {
            long have = Files.exists(incomplete) ? Files.size(incomplete) : 0;
            throw new ModelNotFoundException("the download of " + name + " stopped at " + String.format(Locale.ROOT, "%,d", have)
                    + (metadata.size > 0 ? String.format(Locale.ROOT, " of %,d", metadata.size) : "") + " bytes (" + describe(last)
                    + "); run the same command again to resume where it stopped", last);
        }
        long size = Files.size(incomplete);
        if (metadata.size >= 0 && size != metadata.size) {
            Files.deleteIfExists(incomplete);
            throw new ModelNotFoundException("the download of " + name + " has " + size + " bytes, but the hub said " + metadata.size
                    + "; deleted it, nothing was cached; run the command again");
        }
        String actual = gitBlob ? gitBlobSha1(incomplete, size) : expected != null ? sha256(incomplete) : null;
        String wanted = gitBlob ? metadata.etag : expected;
        if (wanted != null && !wanted.equals(actual)) {
            Files.deleteIfExists(incomplete);
            throw new ModelNotFoundException("the downloaded " + name + " has " + (gitBlob ? "git sha-1 " : "sha256 ") + actual
                    + ", but should have " + wanted + "; deleted it, nothing was cached. Run the command again; if it repeats, "
                    + endpoint + " is serving a different file");
        }
        try {
            Files.move(incomplete, blob, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(incomplete, blob, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A transfer cut by the network; the partial file stays, to be resumed. */
    private static final class InterruptedTransfer extends Exception {
        final IOException cause;

        InterruptedTransfer(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private void receive(String url, String name, String path, Metadata metadata, Path incomplete, DownloadProgress progress)
            throws IOException, InterruptedTransfer {
        long have = Files.exists(incomplete) ? Files.size(incomplete) : 0;
        if (metadata.size >= 0 && have > metadata.size) {
            Files.delete(incomplete);
            have = 0;
        }
        HttpURLConnection connection;
        try {
            connection = follow(url, have);
        } catch (IOException e) {
            throw new InterruptedTransfer(e);
        }
        try {
            int status = connection.getResponseCode();
            boolean append;
            if (status == 206) {
                Matcher range = CONTENT_RANGE.matcher(String.valueOf(connection.getHeaderField("Content-Range")));
                append = range.matches() && Long.parseLong(range.group(1)) == have;
                if (!append) {
                    throw new InterruptedTransfer(new IOException("the server resumed at the wrong byte (" + connection.getHeaderField("Content-Range") + ")"));
                }
            } else if (status == 200) {
                // The server ignored the Range header: start again from the first byte.
                append = false;
                have = 0;
            } else if (status == 416 && have > 0) {
                Files.delete(incomplete);
                throw new InterruptedTransfer(new IOException("the server refused to resume; starting again"));
            } else {
                throw failure(status, name, null);
            }
            long started = System.nanoTime();
            long received = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = connection.getInputStream();
                 OutputStream out = opener.open(incomplete, append)) {
                while (true) {
                    int read;
                    try {
                        read = in.read(buffer);
                    } catch (IOException e) {
                        throw new InterruptedTransfer(e);
                    }
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    received += read;
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.update(path, have + received, metadata.size, seconds > 0 ? received / seconds : 0, false);
                }
            }
            if (metadata.size >= 0 && have + received < metadata.size) {
                throw new InterruptedTransfer(new IOException("the connection closed early"));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.update(path, have + received, metadata.size, seconds > 0 ? received / seconds : 0, true);
        } finally {
            connection.disconnect();
        }
    }

    /** A GET that follows redirects itself, so the token goes to the hub and never to another host (a CDN). */
    private HttpURLConnection follow(String url, long from) throws IOException {
        String current = url;
        for (int redirects = 0; redirects < 10; redirects++) {
            HttpURLConnection connection = open(current, url, "GET");
            if (from > 0) {
                connection.setRequestProperty("Range", "bytes=" + from + "-");
            }
            int status = connection.getResponseCode();
            if (status < 300 || status >= 400) {
                return connection;
            }
            String location = connection.getHeaderField("Location");
            connection.disconnect();
            current = resolve(current, location);
        }
        throw new IOException("too many redirects");
    }

    private HttpURLConnection open(String url, String origin, String method) throws IOException {
        URL target;
        try {
            target = new URI(url).toURL();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("bad URL " + url + ": " + e.getMessage(), e);
        }
        HttpURLConnection connection = (HttpURLConnection) target.openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(method);
        connection.setConnectTimeout((int) timeout.toMillis());
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setRequestProperty("User-Agent", "tempered/0.1 (java " + System.getProperty("java.version") + ")");
        if (token != null && sameHost(url, origin)) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        return connection;
    }

    private static boolean sameHost(String a, String b) {
        URI first = URI.create(a);
        URI second = URI.create(b);
        return first.getHost() != null && first.getHost().equalsIgnoreCase(second.getHost()) && first.getPort() == second.getPort();
    }

    private static String resolve(String base, String location) throws IOException {
        if (location == null) {
            throw new IOException("a redirect without a Location header");
        }
        return URI.create(base).resolve(location).toString();
    }

    private ModelNotFoundException failure(int status, String name, ModelSpec spec) {
        String retry = spec == null ? "" : " (" + spec + ")";
        return switch (status) {
            case 401, 403 -> new ModelNotFoundException("the hub refused access to " + name + " (HTTP " + status
                    + "): a gated or private repository needs HF_TOKEN set to a token allowed to read it");
            case 404 -> new ModelNotFoundException("the hub has no " + name + retry + " (HTTP 404 from " + endpoint
                    + "); check the repository, file and revision");
            default -> new ModelNotFoundException("the hub answered HTTP " + status + " for " + name
                    + "; try again later, or set HF_ENDPOINT to a mirror");
        };
    }

    private ModelNotFoundException unreachable(IOException e, String name, ModelSpec spec) {
        return new ModelNotFoundException("could not reach " + endpoint + " to fetch " + name + " (" + describe(e)
                + "), and it is not in the Hugging Face cache at " + cache.repository(spec.repo()) + ". On a connected machine run: "
                + spec.downloadCommand() + ", or set HF_ENDPOINT to a mirror", e);
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private static String normalise(String etag) {
        if (etag == null) {
            return null;
        }
        String value = etag.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        return value.replace("\"", "").trim();
    }

    private static void link(Path blob, Path pointer) throws IOException {
        Files.createDirectories(pointer.getParent());
        Files.deleteIfExists(pointer);
        try {
            Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
        } catch (UnsupportedOperationException | IOException e) {
            // Without symlinks (Windows without developer mode) huggingface_hub keeps a copy in the snapshot.
            Files.copy(blob, pointer, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when a cached blob has the size and hash the hub names for it. */
    private static boolean intact(Path blob, Metadata metadata, String knownSha256) throws IOException {
        long size = Files.size(blob);
        if (metadata.size >= 0 && size != metadata.size) {
            return false;
        }
        if (SHA256.matcher(metadata.etag).matches()) {
            return metadata.etag.equals(sha256(blob));
        }
        if (knownSha256 != null) {
            return knownSha256.equals(sha256(blob));
        }
        return !SHA1.matcher(metadata.etag).matches() || metadata.etag.equals(gitBlobSha1(blob, size));
    }

    static String sha256(Path file) throws IOException {
        return hash(file, "SHA-256", null);
    }

    /** Git names a small file by the sha-1 of "blob SIZE\0" and its bytes; the hub's ETag for it is that name. */
    static String gitBlobSha1(Path file, long size) throws IOException {
        return hash(file, "SHA-1", ("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(Path file, String algorithm, byte[] prefix) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
        if (prefix != null) {
            digest.update(prefix);
        }
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting to resume", e));
        }
    }
}
