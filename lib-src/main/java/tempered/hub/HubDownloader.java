package tempered.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tempered.model.ModelNotFoundException;

/**
 * Downloads files from the Hugging Face hub into the shared {@link HubCache}, the way {@code huggingface_hub}
 * does, so Python finds them too.
 *
 * <p>A HEAD request names the file's hash ({@code X-Linked-Etag}: the sha256 of a large file; {@code ETag}:
 * the git blob sha-1 of a small one) and the commit ({@link HubTransfer}). The body goes to a partial file, is
 * checked against that hash (or the known sha256 when the server gives none), and only then is moved to
 * {@code blobs/<hash>} and linked from {@code snapshots/<commit>/<path>} ({@link BlobStore}): the loader
 * never sees a partial or unverified file. An interrupted download resumes with a Range request, within this
 * run (a few attempts) or the next one. A lock lets two Tempered processes ask for the same file: one
 * downloads, the other waits and then uses it; a Python download at the same time does no harm either way.
 * It honours {@code HF_ENDPOINT}, {@code HF_TOKEN} (else the token {@code hf auth login} saved) and
 * {@code HF_HUB_OFFLINE}.
 */
public final class HubDownloader {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Set<String> TRUE = Set.of("1", "on", "yes", "true");

    private final HubCache cache;
    private final HubTransfer transfer;
    private final BlobStore store;
    private final boolean offline;

    /**
     * @param endpoint the hub's address, http(s)
     * @param token a token for gated or private repositories, or null
     * @param timeout how long to wait for a connection or for the next bytes before giving up
     * @param attempts how many times one call tries, resuming each time, before it reports the failure
     */
    public HubDownloader(
            HubCache cache, String endpoint, String token, boolean offline, Duration timeout, int attempts) {
        this(cache, endpoint, token, offline, timeout, attempts, HubTransfer.OutputOpener.FILES);
    }

    HubDownloader(
            HubCache cache,
            String endpoint,
            String token,
            boolean offline,
            Duration timeout,
            int attempts,
            HubTransfer.OutputOpener opener) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts=" + attempts + " must be at least 1");
        }
        this.cache = cache;
        this.transfer = new HubTransfer(endpoint, token, timeout, attempts, opener);
        this.store = new BlobStore(cache);
        this.offline = offline;
    }

    /**
     * The downloader the environment describes: the hub's variables, 30 s time-outs, three attempts.
     *
     * @throws IllegalArgumentException when {@code HF_ENDPOINT} is not an http(s) address
     */
    public static HubDownloader fromEnvironment(Map<String, String> environment) {
        String endpoint = environment.getOrDefault("HF_ENDPOINT", "");
        if (!endpoint.isBlank()) {
            try {
                HubTransfer.requireHttp(endpoint, "HF_ENDPOINT");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        e.getMessage() + "; fix it or unset it to use the Hugging Face hub", e);
            }
        }
        return new HubDownloader(
                HubCache.fromEnvironment(environment),
                endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint,
                token(environment),
                offline(environment),
                Duration.ofSeconds(30),
                3);
    }

    /**
     * The token {@code huggingface_hub} would send: {@code HF_TOKEN}, else {@code HUGGING_FACE_HUB_TOKEN}, else
     * the file {@code hf auth login} (or {@code huggingface-cli login}) saved: {@code $HF_TOKEN_PATH}, else
     * {@code $HF_HOME/token}. Null when there is none.
     */
    static String token(Map<String, String> environment) {
        for (String variable : List.of("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN")) {
            String token = environment.get(variable);
            if (token != null && !token.isBlank()) {
                return token.trim();
            }
        }
        String path = environment.get("HF_TOKEN_PATH");
        Path file = path != null && !path.isBlank()
                ? Path.of(path)
                : HubCache.home(environment).resolve("token");
        try {
            String saved = Files.isRegularFile(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).trim()
                    : "";
            return saved.isEmpty() ? null : saved;
        } catch (IOException e) {
            // An unreadable token file is a token not given: public repositories still download.
            return null;
        }
    }

    /** True when {@code HF_HUB_OFFLINE} is 1, on, yes or true, as {@code huggingface_hub} reads it. */
    public static boolean offline(Map<String, String> environment) {
        return TRUE.contains(
                environment.getOrDefault("HF_HUB_OFFLINE", "0").trim().toLowerCase(Locale.ROOT));
    }

    public HubCache cache() {
        return cache;
    }

    /** True when {@code HF_HUB_OFFLINE} forbids the network. */
    public boolean offline() {
        return offline;
    }

    /**
     * The model's ONNX file in the cache, downloading it (with the files beside it: {@link ModelSpec#companions},
     * and the external data file it names) when it is not there, when the cached copy is damaged, or when it lacks
     * one of them.
     *
     * @throws ModelNotFoundException when it is not cached (or damaged) and the network is off limits
     * @throws DownloadException when fetching fails; the message says why and what to do
     */
    public Path download(ModelSpec spec, DownloadProgress progress) {
        return download(List.of(spec), progress);
    }

    /**
     * The first of {@code candidates} (files of one repository) that is in the cache, intact and complete; else the
     * first that the hub has, downloaded with its data file and companions.
     *
     * @throws ModelNotFoundException when none is cached intact and the network is off limits
     * @throws DownloadException when the hub has none of them, or fetching fails
     */
    public Path download(List<ModelSpec> candidates, DownloadProgress progress) {
        List<ModelSpec> wanted = candidates;
        for (ModelSpec spec : candidates) {
            Optional<Path> cached = cache.find(spec);
            if (cached.isPresent()) {
                Optional<String> damage = cache.damage(spec).or(() -> ModelFiles.missing(spec, cached.get()));
                if (damage.isEmpty()) {
                    return cached.get();
                }
                if (offline) {
                    throw new ModelNotFoundException(damage.get()
                            + ", and HF_HUB_OFFLINE is set. On a connected machine run: " + spec.downloadCommand()
                            + " (then copy " + cache.root() + " here), or unset HF_HUB_OFFLINE");
                }
                wanted = List.of(spec);
                break;
            }
        }
        ModelSpec first = wanted.get(0);
        if (offline) {
            throw new ModelNotFoundException("HF_HUB_OFFLINE is set and " + first.repo() + "/" + first.file()
                    + " is not in the Hugging Face cache at " + cache.repository(first.repo())
                    + ". On a connected machine run: "
                    + first.downloadCommand() + " (then copy " + cache.root() + " here), or unset HF_HUB_OFFLINE");
        }
        for (ModelSpec spec : wanted) {
            Optional<HubTransfer.Metadata> metadata = transfer.head(spec, spec.file(), wanted.size() > 1);
            if (metadata.isPresent()) {
                // The model first: when something is wrong, the message names the file that matters.
                Path model = fetch(spec, spec.file(), metadata.get(), spec.sha256(), progress);
                // Weights kept beside the decoder are part of it: fetched, checked and kept with it.
                for (String data : ModelFiles.dataFiles(spec, model)) {
                    fetch(spec, data, transfer.head(spec, data, false).orElseThrow(), null, progress);
                }
                for (String companion : spec.companions()) {
                    boolean required = spec.requiredCompanions().contains(companion);
                    transfer.head(spec, companion, !required)
                            .ifPresent(found -> fetch(spec, companion, found, null, progress));
                }
                return model;
            }
        }
        throw new DownloadException(
                "the hub has no GPT-2 decoder in " + first.repo() + " at " + first.revision() + " (HTTP 404 from "
                        + transfer.endpoint() + " for each of "
                        + wanted.stream().map(ModelSpec::file).collect(Collectors.joining(", "))
                        + "); name the file with --file PATH");
    }

    private Path fetch(
            ModelSpec spec, String path, HubTransfer.Metadata metadata, String knownSha256, DownloadProgress progress) {
        if (!HubCache.verifiable(metadata.etag(), knownSha256)) {
            // A weak ETag ("W/\"1a2b-5f3c\""), as a plain web server sends, names a version, not the bytes: a file
            // kept on its word would pass every later check. Refused before a byte is fetched.
            throw new DownloadException(transfer.endpoint() + " names " + spec.repo() + "/" + path + " by the ETag '"
                    + metadata.etag() + "', which is not a hash, and Tempered knows no sha256 for it, so its bytes"
                    + " could not be checked; nothing was downloaded. Use a hub that names files by their sha256, as "
                    + DEFAULT_ENDPOINT + " does (unset HF_ENDPOINT, or set it to such a mirror), then run: "
                    + spec.downloadCommand());
        }
        return store.store(
                spec,
                path,
                metadata,
                knownSha256,
                partial -> transfer.fetch(spec, path, metadata.size(), partial, progress),
                progress);
    }
}
