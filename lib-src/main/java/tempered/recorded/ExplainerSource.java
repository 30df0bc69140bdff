package tempered.recorded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tempered.hub.AtomicFiles;
import tempered.hub.Credentials;
import tempered.hub.DownloadException;
import tempered.hub.DownloadProgress;
import tempered.hub.Hashes;
import tempered.hub.HubDownloader;
import tempered.hub.Links;
import tempered.hub.Setting;
import tempered.hub.TemperedCache;
import tempered.model.ModelFolder;
import tempered.model.ModelNotFoundException;

/**
 * Where the Transformer Explainer's five GPT-2 examples come from and where Tempered keeps them: fetched once
 * from the project's repository at a pinned commit, each checked against its sha256, kept in Tempered's cache
 * with the project's MIT licence beside them, and read from there, offline, afterwards.
 *
 * <p>The cache is {@code $TEMPERED_CACHE}, else {@code $XDG_CACHE_HOME/tempered}, else
 * {@code ~/.cache/tempered} (beside Hugging Face's {@code ~/.cache/huggingface}), and the files are in its
 * {@code transformer-explainer/<commit>/}. {@code TEMPERED_RECORDED_URL} (or {@code -Dtempered.recorded.url})
 * points at another copy of the examples folder: an http(s) address, a {@code file:} URL or a folder; the
 * sha256 checks still apply. {@code HF_HUB_OFFLINE=1} forbids fetching, as it does for models.
 */
public final class ExplainerSource {
    /** The Transformer Explainer commit the examples are pinned to. */
    public static final String COMMIT = "6e2ec372b1d7c73d3cf82704ec0b878522fc4085";
    /** The command that fetches the examples ahead of time. */
    public static final String DOWNLOAD_COMMAND = ModelFolder.DOWNLOAD_COMMAND + " --recorded";

    static final String DEFAULT_URL =
            "https://raw.githubusercontent.com/poloclub/transformer-explainer/" + COMMIT + "/src/constants/examples/";
    static final String LICENSE = "LICENSE";
    private static final Map<String, String> SHA256 = new LinkedHashMap<>();
    private static final Set<String> SCHEMES = Set.of("http", "https", "file");

    static {
        SHA256.put("ex0.js", "9facefe9fdd885b124fc7fbea1551ce26503cd2cfde1098fbee1aa3d7c300a45");
        SHA256.put("ex1.js", "9f20365c9e8ed0b5bb1ae0a24392000ee1d0be45c96fa296f76702fc1530cb43");
        SHA256.put("ex2.js", "2d72c6bb23895ce4efdc1f118cb61bbb1a92bd0ef7d9ade7e8eab57f7032bdfb");
        SHA256.put("ex3.js", "f3121b8b756939e2b11b968b09be6e8e8554a8faab03e44c6395eff5bb33f319");
        SHA256.put("ex4.js", "aa2b798074d6dda2440044fac8bfb64727f49780ed6cb557d448f7d39ec29575");
    }

    private final URI base;
    private final Path folder;
    /** The folder the user chose (which may be a link), below which Tempered makes {@link #folder} without following one. */
    private final Path root;

    private final boolean offline;
    private final Duration timeout;
    private final Map<String, String> sha256;
    private final Sink sink;

    /**
     * @param base the folder the example files are fetched from (ending in {@code /})
     * @param folder where the verified files are kept
     * @param offline true to refuse fetching
     * @param timeout how long to wait for a connection or for the next bytes
     */
    public ExplainerSource(URI base, Path folder, boolean offline, Duration timeout) {
        this(base, folder, folder, offline, timeout);
    }

    /** A source of other files than the pinned ones, each with its sha256: the tests of the fetch make their own. */
    ExplainerSource(URI base, Path folder, boolean offline, Duration timeout, Map<String, String> sha256) {
        this(base, folder, folder, offline, timeout, Sink.FILES, sha256);
    }

    private ExplainerSource(URI base, Path root, Path folder, boolean offline, Duration timeout) {
        this(base, root, folder, offline, timeout, Sink.FILES);
    }

    ExplainerSource(URI base, Path root, Path folder, boolean offline, Duration timeout, Sink sink) {
        this(base, root, folder, offline, timeout, sink, SHA256);
    }

    private ExplainerSource(
            URI base,
            Path root,
            Path folder,
            boolean offline,
            Duration timeout,
            Sink sink,
            Map<String, String> sha256) {
        this.sink = sink;
        this.base = base;
        this.root = root;
        this.folder = folder;
        this.offline = offline;
        this.timeout = timeout;
        this.sha256 = new LinkedHashMap<>(sha256);
    }

    /** The source and cache the settings name: environment variables and system properties ({@link Setting#current()}). */
    public static ExplainerSource fromEnvironment(Map<String, String> environment) {
        Path root = TemperedCache.root(environment);
        URI base = Setting.of("tempered.recorded.url", "TEMPERED_RECORDED_URL", environment)
                .map(ExplainerSource::base)
                .orElse(URI.create(DEFAULT_URL));
        return new ExplainerSource(
                base,
                root,
                root.resolve("transformer-explainer").resolve(COMMIT),
                HubDownloader.offline(environment),
                Duration.ofSeconds(30));
    }

    private static URI base(Setting setting) {
        String value = setting.value();
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        // No scheme, or a Windows drive letter: a folder on this machine.
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) {
            uri = Path.of(value).toAbsolutePath().toUri();
        }
        if (!SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(Credentials.hide(setting
                    + " must be an http:// or https:// address, a file: URL or a folder"
                    + " holding the Transformer Explainer's ex0.js to ex4.js; unset it to fetch them from GitHub"));
        }
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }

    /** The folder (ending in {@code /}) the files are fetched from. */
    URI base() {
        return base;
    }

    /** The folder the verified files and their licence are kept in. */
    public Path folder() {
        return folder;
    }

    /** The example files' names, in the project's order. */
    static List<String> names() {
        return List.copyOf(SHA256.keySet());
    }

    /**
     * The files not yet here with their pinned sha256 (a damaged copy counts as missing); no network.
     *
     * @throws IllegalArgumentException when one is here but this user may not read it
     */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String name : sha256.keySet()) {
            if (!verified(folder.resolve(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * The five example files, verified, fetching those that are missing or damaged, and the licence beside them.
     *
     * @throws ModelNotFoundException when some are missing and fetching is forbidden ({@code HF_HUB_OFFLINE})
     * @throws DownloadException when fetching fails; nothing partial is kept
     */
    public List<Path> files(DownloadProgress progress) {
        List<String> missing = missing();
        if (!missing.isEmpty() && offline) {
            throw new ModelNotFoundException(
                    "the recorded GPT-2 examples are not on this machine yet (" + String.join(", ", missing)
                            + " missing from " + folder
                            + ") and HF_HUB_OFFLINE forbids fetching them; on a connected machine run: "
                            + DOWNLOAD_COMMAND + " (8 MB, once), or unset HF_HUB_OFFLINE");
        }
        try {
            Links.folders(root, root.relativize(folder).toString());
            writeLicence();
        } catch (Links.Found e) {
            throw new IllegalArgumentException("refusing to write through the symbolic link " + e.link() + " (to "
                    + e.target() + ") in Tempered's cache at " + root + ": Tempered never follows a link where it"
                    + " writes, so a link planted there cannot send its writes elsewhere. Remove the link, or set"
                    + " TEMPERED_CACHE to a folder only you can write");
        } catch (IOException e) {
            throw new DownloadException(
                    "could not write the recorded GPT-2 examples into " + folder + " (" + DownloadException.describe(e)
                            + "); check the" + " permissions there, or set TEMPERED_CACHE to a folder you can write",
                    e);
        }
        for (String name : missing) {
            fetch(name, progress);
        }
        return sha256.keySet().stream().map(folder::resolve).toList();
    }

    /**
     * True when the file is here with its pinned sha256.
     *
     * @throws IllegalArgumentException when it is here but this user may not read it: fetching it again would
     *     not help, and the folder is probably not theirs to write
     */
    private boolean verified(Path file) {
        try {
            // Not Files.isRegularFile: it answers false for a folder this user may not enter.
            return Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()
                    && sha256.get(file.getFileName().toString()).equals(Hashes.sha256(file));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("permission denied reading the recorded GPT-2 example " + file
                    + "; whoever fetched it must let you read it (chmod -R a+rX " + folder
                    + "), or set TEMPERED_CACHE to a folder of your own");
        } catch (IOException e) {
            return false;
        }
    }

    /** The project's MIT notice travels with every copy: written whenever the folder lacks it. */
    private void writeLicence() throws IOException {
        Path licence = folder.resolve(LICENSE);
        if (!Files.isRegularFile(licence)) {
            try (InputStream in =
                    ExplainerSource.class.getResourceAsStream("/tempered/recorded/transformer-explainer-LICENSE.txt")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the Transformer Explainer's licence notice is missing from the library; rebuild it");
                }
                AtomicFiles.write(licence, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Opens the partial file for writing; a test passes one that fails, as a full disk does. */
    @FunctionalInterface
    interface Sink {
        OutputStream open(Path partial) throws IOException;

        Sink FILES = partial -> Files.newOutputStream(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    }

    /** Each example file holds about 1.6 MB; a source that sends more than this is not sending one. */
    static final long LARGEST = 8L << 20;

    private void fetch(String name, DownloadProgress progress) {
        URI uri = base.resolve(name);
        Path partial = null;
        try {
            try {
                partial = AtomicFiles.temporary(folder, name, ".incomplete");
            } catch (IOException e) {
                throw cannotWrite(name, e);
            }
            URLConnection connection = uri.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setRequestProperty(
                    "User-Agent", "tempered/0.1 (java " + System.getProperty("java.version") + ")");
            if (connection instanceof HttpURLConnection http && http.getResponseCode() != 200) {
                throw new DownloadException(uri + " answered HTTP " + http.getResponseCode() + " for the recorded GPT-2"
                        + " example " + name
                        + "; nothing was kept. If TEMPERED_RECORDED_URL is set, point it at a copy of"
                        + " the Transformer Explainer's examples folder (or unset it to fetch them from GitHub); else"
                        + " try again later");
            }
            long total = connection.getContentLengthLong();
            long started = System.nanoTime();
            long done = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = connection.getInputStream();
                    OutputStream out = open(partial, name)) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    if (done + read > LARGEST) {
                        throw new DownloadException(uri + " sent more than " + (LARGEST >> 20) + " MB for the recorded"
                                + " GPT-2 example " + name + ", which holds about 1.6 MB; nothing was kept. If"
                                + " TEMPERED_RECORDED_URL is set, point it at the original files");
                    }
                    write(out, buffer, read, name);
                    done += read;
                    progress.update(
                            name, done, total, done / Math.max(1e-9, (System.nanoTime() - started) / 1e9), false);
                }
            }
            progress.update(name, done, total, done / Math.max(1e-9, (System.nanoTime() - started) / 1e9), true);
            String actual = Hashes.sha256(partial);
            if (!actual.equals(sha256.get(name))) {
                throw new DownloadException(
                        uri + " served " + name + " with sha256 " + actual + ", not the pinned " + sha256.get(name)
                                + " (Transformer Explainer commit " + COMMIT.substring(0, 7)
                                + "); nothing was kept. If TEMPERED_RECORDED_URL"
                                + " is set, point it at the original files");
            }
            try {
                AtomicFiles.move(partial, folder.resolve(name));
            } catch (IOException e) {
                throw cannotWrite(name, e);
            }
        } catch (IOException | IllegalArgumentException e) {
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                // A folder on this machine: no network is involved, so "when online" would mislead.
                throw new IllegalArgumentException(Credentials.hide(
                        "TEMPERED_RECORDED_URL names " + base + ", which holds no readable " + name + " ("
                                + DownloadException.describe(e) + "); point it at a folder holding the Transformer"
                                + " Explainer's ex0.js to ex4.js, or unset it to fetch them from GitHub"));
            }
            throw new DownloadException(
                    "could not fetch the recorded GPT-2 example " + name + " from " + uri + " ("
                            + DownloadException.describe(e)
                            + "); nothing was kept. When online, run: " + DOWNLOAD_COMMAND
                            + " (8 MB, once), or set TEMPERED_RECORDED_URL to a"
                            + " copy of the Transformer Explainer's examples folder",
                    e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private OutputStream open(Path partial, String name) {
        try {
            return sink.open(partial);
        } catch (IOException e) {
            throw cannotWrite(name, e);
        }
    }

    private void write(OutputStream out, byte[] buffer, int length, String name) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw cannotWrite(name, e);
        }
    }

    /** The disk, not the network: a full disk or a folder not this user's to write. */
    private DownloadException cannotWrite(String name, IOException e) {
        return new DownloadException(
                "could not write the recorded GPT-2 example " + name + " into " + folder + " ("
                        + DownloadException.describe(e) + "); nothing was kept. Free some space there, or set"
                        + " TEMPERED_CACHE to a folder with room that you can write",
                e);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover temporary file is named *.incomplete and never read; the next fetch makes its own.
            }
        }
    }
}
