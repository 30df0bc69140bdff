package tempered.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of a hub download: what the hub says about a file (a HEAD request) and its bytes (a GET that
 * resumes), the way {@code huggingface_hub} asks for them.
 *
 * <p>Redirects are followed by hand, so the token goes to the hub's own host and never to another one (a CDN),
 * and only to http(s) addresses. A transfer cut by the network is resumed with a Range request a few times
 * within one call; what arrived stays in the partial file for the next call. It knows nothing of the cache:
 * {@link BlobStore} decides where the bytes go and checks them.
 */
final class HubTransfer {
    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");
    /** The most a file other than a model (config.json: a few KB) may take when the server gives no size. */
    static final long SMALL_FILE_CAP = 16L << 20;

    private static final Pattern USABLE_ETAG = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    /** What the hub says about a file before it is fetched: the hash it is named by, the commit, the size (-1: unknown). */
    record Metadata(String etag, String commit, long size) {}

    /** Opens the partial file for writing; a test passes one that fails, as a full disk does. */
    @FunctionalInterface
    interface OutputOpener {
        OutputStream open(Path file, boolean append) throws IOException;

        OutputOpener FILES = (file, append) -> Files.newOutputStream(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
    }

    private final String endpoint;
    private final String token;
    private final Duration timeout;
    private final int attempts;
    private final OutputOpener opener;

    HubTransfer(String endpoint, String token, Duration timeout, int attempts, OutputOpener opener) {
        this.endpoint = requireHttp(endpoint, "the hub endpoint");
        this.token = token == null || token.isBlank() ? null : token.trim();
        this.timeout = timeout;
        this.attempts = attempts;
        this.opener = opener;
    }

    /**
     * The endpoint without a trailing slash.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not an http(s) address with a host
     */
    static String requireHttp(String endpoint, String what) {
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null
                || uri.getScheme() == null
                || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    Credentials.hide(what + " '" + endpoint + "' must be an http:// or https:// address, such as "
                            + HubDownloader.DEFAULT_ENDPOINT + " or a mirror's"));
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    String endpoint() {
        return endpoint;
    }

    /** {@code ENDPOINT/ORG/NAME/resolve/REVISION/PATH}. */
    String url(ModelSpec spec, String path) {
        return endpoint + "/" + spec.repo() + "/resolve/" + URLEncoder.encode(spec.revision(), StandardCharsets.UTF_8)
                + "/" + path;
    }

    /**
     * What the hub says about one file of the spec's repository.
     *
     * @param optional true to answer empty, instead of failing, when the hub has no such file (HTTP 404)
     * @throws DownloadException when the hub cannot be reached or refuses
     */
    Optional<Metadata> head(ModelSpec spec, String path, boolean optional) {
        String url = url(spec, path);
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
                    return Optional.empty();
                }
                if (status != 200 && !redirect) {
                    throw failure(status, name, spec);
                }
                String commit = connection.getHeaderField("X-Repo-Commit");
                if (commit == null || commit.isBlank()) {
                    throw new DownloadException(
                            endpoint + " did not say which commit " + spec.revision() + " of " + spec.repo()
                                    + " is (no X-Repo-Commit header); is HF_ENDPOINT a Hugging Face hub or mirror?");
                }
                if (!Hashes.isSha1(commit.trim())) {
                    throw new DownloadException(endpoint + " sent a malformed X-Repo-Commit '" + shown(commit)
                            + "' for " + spec.revision() + " of " + spec.repo()
                            + " (a commit is 40 lowercase hex digits); is HF_ENDPOINT a Hugging Face hub or mirror?");
                }
                // The ETag names the blob file: a plain, short name (a hash is 40 or 64 characters), never a path.
                if (etag == null || !USABLE_ETAG.matcher(etag).matches() || etag.contains("..")) {
                    throw new DownloadException(endpoint + " gave no usable ETag for " + name
                            + "; is HF_ENDPOINT a Hugging Face hub or mirror?");
                }
                String sizeHeader =
                        connection.getHeaderField("X-Linked-Size") != null ? "X-Linked-Size" : "Content-Length";
                String size = connection.getHeaderField(sizeHeader);
                return Optional.of(new Metadata(etag, commit.trim(), size == null ? -1 : size(size, sizeHeader, name)));
            } catch (BadRedirect e) {
                throw badRedirect(name, e);
            } catch (IOException e) {
                throw unreachable(e, name, spec);
            } finally {
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
        throw new DownloadException("too many redirects for " + spec.repo() + "/" + path + " at " + endpoint);
    }

    /** A size header's bytes; a value that is not a whole number of bytes is the server's error, said so. */
    private long size(String value, String header, String name) {
        try {
            long bytes = Long.parseLong(value.trim());
            if (bytes >= 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // Said below, with the value.
        }
        throw new DownloadException(endpoint + " sent a malformed " + header + " '" + shown(value) + "' for " + name
                + " (a size is a whole number of bytes); is HF_ENDPOINT a Hugging Face hub or mirror?");
    }

    /** A header's value as a message quotes it: at most 80 characters, control characters dropped. */
    private static String shown(String value) {
        String clean = value.trim().replaceAll("\\p{Cntrl}", "");
        return clean.length() > 80 ? clean.substring(0, 79) + "\u2026" : clean;
    }

    /**
     * Fetches a file into {@code partial}, resuming from the bytes already there, retrying a cut transfer a few
     * times. It does not check the bytes.
     *
     * @throws DownloadException when every attempt was cut, or the server refuses; the partial file stays for
     *         the next call to resume
     * @throws IOException when the partial file cannot be written
     */
    void fetch(ModelSpec spec, String path, long size, Path partial, DownloadProgress progress) throws IOException {
        String name = spec.repo() + "/" + path;
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                receive(url(spec, path), name, path, size, partial, progress);
                return;
            } catch (InterruptedTransfer e) {
                last = e.cause;
                if (attempt < attempts) {
                    sleep(attempt);
                }
            }
        }
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        throw new DownloadException(
                "the download of " + name + " stopped at " + String.format(Locale.ROOT, "%,d", have)
                        + (size > 0 ? String.format(Locale.ROOT, " of %,d", size) : "") + " bytes ("
                        + DownloadException.describe(last)
                        + "); run the same command again to resume where it stopped",
                last);
    }

    /** A transfer cut by the network; the partial file stays, to be resumed. */
    private static final class InterruptedTransfer extends Exception {
        private static final long serialVersionUID = 1L;
        final transient IOException cause;

        InterruptedTransfer(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private void receive(String url, String name, String path, long size, Path partial, DownloadProgress progress)
            throws IOException, InterruptedTransfer {
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (size >= 0 && have > size) {
            Files.delete(partial);
            have = 0;
        }
        if (size > 0 && have == size) {
            // All the bytes are here (a run stopped before checking them): the check decides, not a Range past the end.
            progress.update(path, have, size, 0, true);
            return;
        }
        HttpURLConnection connection;
        try {
            connection = follow(url, have);
        } catch (BadRedirect e) {
            throw badRedirect(name, e);
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
                    // The next attempt starts from the first byte, which needs no Range.
                    Files.deleteIfExists(partial);
                    throw new InterruptedTransfer(new IOException("the server resumed at the wrong byte ("
                            + connection.getHeaderField("Content-Range") + "); starting again from the first byte"));
                }
            } else if (status == 200) {
                // The server ignored the Range header: start again from the first byte.
                append = false;
                have = 0;
            } else if (status == 416 && have > 0) {
                Files.delete(partial);
                throw new InterruptedTransfer(new IOException("the server refused to resume; starting again"));
            } else {
                throw failure(status, name, null);
            }
            long started = System.nanoTime();
            long received = 0;
            // Never more than the announced size (what follows it is not the file's; the hash check judges the
            // rest), and for a small file of unknown size never more than any such file holds.
            long limit = size >= 0 ? size : path.endsWith(".onnx") ? Long.MAX_VALUE : SMALL_FILE_CAP;
            boolean overflow = false;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = connection.getInputStream();
                    OutputStream out = opener.open(partial, append)) {
                while (true) {
                    long room = limit - have - received;
                    int read;
                    try {
                        if (room <= 0) {
                            overflow = size < 0 && in.read() >= 0;
                            break;
                        }
                        read = in.read(buffer, 0, (int) Math.min(buffer.length, room));
                    } catch (IOException e) {
                        throw new InterruptedTransfer(e);
                    }
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    received += read;
                    progress.update(path, have + received, size, rate(received, started), false);
                }
            }
            if (overflow) {
                Files.delete(partial);
                throw new DownloadException(endpoint + " sent more than " + (SMALL_FILE_CAP >> 20) + " MB of " + name
                        + " without announcing its size, far more than such a file holds; nothing was kept."
                        + " Run the command again; if it repeats, is HF_ENDPOINT a Hugging Face hub or mirror?");
            }
            if (size >= 0 && have + received < size) {
                throw new InterruptedTransfer(new IOException("the connection closed early"));
            }
            progress.update(path, have + received, size, rate(received, started), true);
        } finally {
            connection.disconnect();
        }
    }

    private static double rate(long bytes, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds > 0 ? bytes / seconds : 0;
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
        throw new BadRedirect("too many redirects");
    }

    private HttpURLConnection open(String url, String origin, String method) throws IOException {
        URLConnection opened;
        try {
            URI target = new URI(url);
            if (target.getScheme() == null
                    || !SCHEMES.contains(target.getScheme().toLowerCase(Locale.ROOT))) {
                throw new BadRedirect("refusing to follow " + url + ": not an http(s) address");
            }
            opened = target.toURL().openConnection();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("bad URL " + url + ": " + e.getMessage(), e);
        }
        HttpURLConnection connection = (HttpURLConnection) opened;
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
        return first.getHost() != null
                && first.getHost().equalsIgnoreCase(second.getHost())
                && first.getPort() == second.getPort();
    }

    private static String resolve(String base, String location) throws IOException {
        if (location == null) {
            throw new BadRedirect("a redirect without a Location header");
        }
        try {
            return URI.create(base).resolve(location).toString();
        } catch (IllegalArgumentException e) {
            throw new BadRedirect("a redirect to a malformed address: " + location);
        }
    }

    private DownloadException failure(int status, String name, ModelSpec spec) {
        String retry = spec == null ? "" : " (" + spec + ")";
        return switch (status) {
            case 401, 403 ->
                new DownloadException(
                        "the hub refused access to " + name + " (HTTP " + status
                                + "): a gated or private repository needs a token allowed to read it, in HF_TOKEN or saved by 'hf auth login'");
            case 404 ->
                new DownloadException("the hub has no " + name + retry + " (HTTP 404 from " + endpoint
                        + "); check the repository, file and revision");
            default ->
                new DownloadException("the hub answered HTTP " + status + " for " + name
                        + "; try again later, or set HF_ENDPOINT to a mirror");
        };
    }

    /** A redirect no run will follow: the server's error, never "run again to resume". */
    private static final class BadRedirect extends IOException {
        private static final long serialVersionUID = 1L;

        BadRedirect(String message) {
            super(message);
        }
    }

    private DownloadException badRedirect(String name, BadRedirect e) {
        return new DownloadException(endpoint + " sent " + name + " on to where Tempered does not follow ("
                + e.getMessage() + "); nothing was downloaded. Is HF_ENDPOINT a Hugging Face hub or mirror?");
    }

    private DownloadException unreachable(Exception e, String name, ModelSpec spec) {
        return new DownloadException(
                "could not reach " + endpoint + " to fetch " + name + " (" + DownloadException.describe(e)
                        + "). On a connected machine run: " + spec.downloadCommand()
                        + ", or set HF_ENDPOINT to a mirror",
                e);
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

    private static void sleep(int attempt) throws IOException {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to resume", e);
        }
    }
}
