package tempered.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.Gpt2Model;
import tempered.model.ModelNotFoundException;
import tempered.model.Unreadable;

class HubDownloaderTest {
    private static final String REPO = "openai-community/gpt2";
    private static final String FILE = "onnx/decoder_model_merged.onnx";
    private static final byte[] MODEL = randomBytes(300_000);
    private static final byte[] CONFIG = "{\"n_layer\": 2, \"n_positions\": 64}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cacheRoot;

    /** Tempered's own cache for these tests, where the records of checked files go (not the user's). */
    @TempDir
    Path records;

    FakeHub hub;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub().file(REPO, FILE, MODEL).file(REPO, "config.json", CONFIG);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    /** Where the default model is found with this test's hub cache and records, and nothing else set. */
    private Path locateInTheseCaches() {
        return Models.locate(
                null, null, null, Map.of("HF_HUB_CACHE", cacheRoot.toString(), "TEMPERED_CACHE", records.toString()));
    }

    /** What downloading GPT-2 with that many attempts throws, for a test that made the hub fail it. */
    private DownloadException downloadFails(int attempts) {
        return assertThrows(
                DownloadException.class, () -> downloader(attempts).download(ModelSpec.GPT2, DownloadProgress.NONE));
    }

    private HubDownloader downloader(int attempts) {
        return new HubDownloader(new HubCache(cacheRoot), hub.endpoint(), null, false, Duration.ofSeconds(5), attempts);
    }

    private ModelSpec spec() {
        return ModelSpec.GPT2.withFile(FILE);
    }

    @Test
    void writesTheHuggingFaceCacheLayoutThatPythonReads() throws IOException {
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path repository = cacheRoot.resolve("models--openai-community--gpt2");
        assertEquals(repository.resolve("snapshots").resolve(FakeHub.COMMIT).resolve(FILE), file);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertTrue(Files.isSymbolicLink(file));
        assertEquals(repository.resolve("blobs").resolve(FakeHub.sha256(MODEL)), file.toRealPath());
        assertEquals(FakeHub.COMMIT, Files.readString(repository.resolve("refs/main")));
        Path config = file.getParent().getParent().resolve("config.json");
        assertArrayEquals(CONFIG, Files.readAllBytes(config));
        assertEquals(repository.resolve("blobs").resolve(FakeHub.gitSha1(CONFIG)), config.toRealPath());
        assertEquals(List.of(), leftovers());
        // Found again without the network, by the cache and by the locator.
        assertEquals(file, new HubCache(cacheRoot).find(ModelSpec.GPT2).orElseThrow());
        long requests = hub.requests.size();
        assertEquals(file, downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertEquals(requests, hub.requests.size());
        assertEquals(file, locateInTheseCaches());
        assertEquals(0, FileLocks.inUse(), "no lock is held, or remembered, after the download");
    }

    /** refs/main, blobs and snapshot folders get the process's umask, as Python writes them: another user can read them. */
    @Test
    void everyFileIsWrittenWithTheUmaskSoOtherUsersCanReadTheCache() throws IOException {
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path repository = cacheRoot.resolve("models--openai-community--gpt2");
        Set<PosixFilePermission> plain = modeOfANewFile(cacheRoot);
        assertEquals(plain, Files.getPosixFilePermissions(repository.resolve("refs/main")), "refs/main");
        assertEquals(plain, Files.getPosixFilePermissions(file.toRealPath()), "the blob");
        Path config = file.getParent().getParent().resolve("config.json").toRealPath();
        assertEquals(plain, Files.getPosixFilePermissions(config), "config.json's blob");
    }

    /** A ref another user's umask made unreadable is "permission denied" (status 2), not a missing model (3). */
    @Test
    void anUnreadableRefSaysPermissionDeniedNotMissing() throws IOException {
        Path unreadable = Unreadable.file();
        downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path ref = cacheRoot.resolve("models--openai-community--gpt2/refs/main");
        Files.delete(ref);
        Files.createSymbolicLink(ref, unreadable);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> locateInTheseCaches());
        assertEquals(
                "permission denied reading " + ref + " in the Hugging Face cache; whoever filled the cache must let"
                        + " you read it (chmod -R a+rX " + cacheRoot + "), or set HF_HUB_CACHE to a cache of your own",
                e.getMessage());
    }

    /**
     * A repository folder another user's umask (077) made impossible to enter is "permission denied", not missing.
     * Root enters any folder, so this runs only as another user (the README's sweep ran it as a second user too).
     */
    @Test
    void aCacheFolderThisUserMayNotEnterSaysPermissionDenied() throws IOException {
        downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path repository = cacheRoot.resolve("models--openai-community--gpt2");
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(repository);
        Files.setPosixFilePermissions(repository, Set.of());
        try {
            boolean enters;
            try {
                Files.readAttributes(
                        repository.resolve("refs/main"), java.nio.file.attribute.BasicFileAttributes.class);
                enters = true;
            } catch (java.nio.file.AccessDeniedException e) {
                enters = false;
            }
            org.junit.jupiter.api.Assumptions.assumeFalse(enters, "this user (root) enters any folder");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> locateInTheseCaches());
            assertTrue(e.getMessage().startsWith("permission denied reading " + repository), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(repository, before);
        }
    }

    /** The permissions a file made here gets from this process's umask (0644 under the usual 022). */
    static Set<PosixFilePermission> modeOfANewFile(Path folder) throws IOException {
        Path probe = Files.createDirectories(folder).resolve("umask-probe-" + System.nanoTime());
        Files.newOutputStream(probe).close();
        try {
            return Files.getPosixFilePermissions(probe);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void theTokenGoesToTheHubButNotToTheCdn() {
        new HubDownloader(new HubCache(cacheRoot), hub.endpoint(), "hf_secret", false, Duration.ofSeconds(5), 1)
                .download(ModelSpec.GPT2, DownloadProgress.NONE);
        for (FakeHub.Request request : hub.requests) {
            if (request.path().startsWith("/cdn/")) {
                assertNull(request.authorization(), "the CDN must not see the token");
            } else {
                assertEquals("Bearer hf_secret", request.authorization());
            }
        }
    }

    @Test
    void aCutDownloadResumesWithARangeRequestOnTheNextRun() throws IOException {
        hub.cuts.set(1);
        DownloadException cut = downloadFails(1);
        assertTrue(
                cut.getMessage()
                        .startsWith(
                                "the download of openai-community/gpt2/onnx/decoder_model_merged.onnx stopped at 150,000 of 300,000 bytes"),
                cut.getMessage());
        assertTrue(
                cut.getMessage().endsWith("run the same command again to resume where it stopped"), cut.getMessage());
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty(), "nothing where the loader looks");
        assertEquals(List.of(FakeHub.sha256(MODEL) + ".tempered.incomplete"), leftovers());

        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        List<FakeHub.Request> transfers =
                hub.requests.stream().filter(r -> r.path().startsWith("/cdn/")).toList();
        assertEquals(2, transfers.size());
        assertNull(transfers.get(0).range());
        assertEquals("bytes=150000-", transfers.get(1).range());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void withSeveralAttemptsOneRunResumesByItself() throws IOException {
        hub.cuts.set(2);
        List<Long> seen = new ArrayList<>();
        Path file = downloader(3).download(ModelSpec.GPT2, (name, done, total, rate, finished) -> {
            if (name.equals(FILE)) {
                seen.add(done);
                assertEquals(MODEL.length, total);
            }
        });
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(MODEL.length, seen.get(seen.size() - 1));
        assertTrue(hub.requests.stream().filter(r -> r.range() != null).count() >= 2);
    }

    /**
     * A partial file of Tempered's own that holds wrong bytes (a disk error, an edit, a different file): half of one,
     * or one of the whole length. The same call fetches the file again from its first byte, as it does for a stale
     * Python partial file; it never costs a failed run first.
     */
    @Test
    void aStalePartialFileWithWrongBytesIsReplacedWithinTheSameCall() throws IOException {
        Path blobs = Files.createDirectories(cacheRoot.resolve("models--openai-community--gpt2/blobs"));
        Path partial = blobs.resolve(FakeHub.sha256(MODEL) + ".tempered.incomplete");
        for (int length : new int[] {MODEL.length / 2, MODEL.length}) {
            byte[] wrong = Arrays.copyOf(MODEL, length);
            wrong[10] ^= 1;
            Files.write(partial, wrong);
            long before = hub.requests.stream()
                    .filter(r -> r.path().startsWith("/cdn/"))
                    .count();
            Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
            assertArrayEquals(MODEL, Files.readAllBytes(file), "length " + length);
            List<FakeHub.Request> transfers = hub.requests.stream()
                    .filter(r -> r.path().startsWith("/cdn/"))
                    .skip(before)
                    .toList();
            assertNull(transfers.get(transfers.size() - 1).range(), "the last transfer starts at the first byte");
            assertEquals(List.of(), leftovers());
            Files.delete(file.toRealPath());
        }
    }

    @Test
    void aServerThatIgnoresRangeStartsCleanlyFromTheBeginning() throws IOException {
        hub.cuts.set(1);
        downloadFails(1);
        hub.ignoreRange = true;
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
    }

    @Test
    void aBodyWithTheWrongHashIsDeletedAndNothingIsCached() {
        hub.corrupt = true;
        DownloadException e = downloadFails(1);
        assertTrue(
                e.getMessage()
                        .startsWith("the downloaded openai-community/gpt2/onnx/decoder_model_merged.onnx has sha256 "),
                e.getMessage());
        assertTrue(e.getMessage().contains(", but should have " + FakeHub.sha256(MODEL) + ";"), e.getMessage());
        assertTrue(e.getMessage().contains("deleted it, nothing was cached"), e.getMessage());
        assertEquals(List.of(), leftovers());
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty());
    }

    /**
     * Links planted where Tempered writes (a partial file, a snapshot folder, refs, locks, Python's partial file, the
     * blobs folder, a blob), each pointing outside the cache: Tempered refuses with a message naming the link, and
     * writes (and copies) nothing outside.
     */
    @Test
    void linksPlantedWhereTemperedWritesAreNeverFollowed(@TempDir Path outside) throws IOException {
        String sha = FakeHub.sha256(MODEL);
        Path secret = Files.writeString(outside.resolve("secret"), "a file the victim can read");
        Map<String, String> plantings = new java.util.LinkedHashMap<>();
        plantings.put("blobs/" + sha + ".tempered.incomplete", "file");
        plantings.put("blobs/" + sha + ".incomplete", "secret");
        plantings.put("blobs/" + sha, "file");
        plantings.put("blobs", "folder");
        plantings.put("snapshots/" + FakeHub.COMMIT, "folder");
        plantings.put("snapshots/" + FakeHub.COMMIT + "/onnx", "folder");
        plantings.put("refs", "folder");
        plantings.put("/.locks/models--openai-community--gpt2", "folder");
        plantings.put("/.locks/models--openai-community--gpt2/" + sha + ".lock", "missing file");
        plantings.put("", "folder");
        int n = 0;
        for (Map.Entry<String, String> planting : plantings.entrySet()) {
            Path root = cacheRoot.resolve("case" + n);
            Path target = outside.resolve("target" + n++);
            Path repository = root.resolve("models--openai-community--gpt2");
            String where = planting.getKey();
            Path link = where.startsWith("/")
                    ? root.resolve(where.substring(1))
                    : where.isEmpty() ? repository : repository.resolve(where);
            Files.createDirectories(link.getParent());
            switch (planting.getValue()) {
                case "folder" -> Files.createSymbolicLink(link, Files.createDirectories(target));
                case "file" -> Files.createSymbolicLink(link, Files.writeString(target, "keep"));
                case "secret" -> Files.createSymbolicLink(link, secret);
                default -> Files.createSymbolicLink(link, target);
            }
            HubDownloader downloader =
                    new HubDownloader(new HubCache(root), hub.endpoint(), null, false, Duration.ofSeconds(5), 1);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> downloader.download(ModelSpec.GPT2, DownloadProgress.NONE),
                    where);
            assertEquals(
                    "refusing to write through the symbolic link " + link + " (to " + Files.readSymbolicLink(link)
                            + ") in the Hugging Face cache at " + root + ": Tempered never follows a link where it"
                            + " writes, so a link planted there cannot send its writes elsewhere. Remove the link (the"
                            + " cache's folders and files are real ones, not links), or set HF_HUB_CACHE to a cache"
                            + " only you can write",
                    e.getMessage());
            switch (planting.getValue()) {
                case "folder" -> {
                    try (Stream<Path> files = Files.list(target)) {
                        assertEquals(List.of(), files.toList(), where + ": nothing written outside");
                    }
                }
                case "file" -> assertEquals("keep", Files.readString(target), where);
                case "secret" -> assertEquals("a file the victim can read", Files.readString(secret), where);
                default -> assertFalse(Files.exists(target), where + ": nothing created outside");
            }
            try (Stream<Path> files = Files.walk(root)) {
                assertTrue(
                        files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                                .noneMatch(f -> f.toString().contains(sha)),
                        where + ": no copy of anything in the cache");
            }
        }
        assertEquals(0, FileLocks.inUse());
    }

    /** The records of checked files are written without following a link either: one planted there gets nothing. */
    @Test
    void aLinkWhereTheRecordsGoIsNotFollowed(@TempDir Path tempered, @TempDir Path outside) throws IOException {
        Files.createSymbolicLink(tempered.resolve("verified"), outside);
        Path file = new HubDownloader(
                        new HubCache(cacheRoot, tempered.resolve("verified")),
                        hub.endpoint(),
                        null,
                        false,
                        Duration.ofSeconds(5),
                        1)
                .download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file), "a record not written costs a hash later, nothing more");
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of(), files.toList());
        }
    }

    /** A mirror that names large files by an opaque ETag: the sha256 Tempered knows for the file is what is checked. */
    @Test
    void theKnownSha256IsCheckedWhenTheServerNamesNone() throws IOException {
        hub.withoutSha256 = true;
        ModelSpec known = new ModelSpec(REPO, "main", FILE, FakeHub.sha256(MODEL), 0);
        Path file = downloader(1).download(known, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(
                "mirror-" + MODEL.length, file.toRealPath().getFileName().toString(), "named by the server's ETag");
        assertEquals(Optional.empty(), new HubCache(cacheRoot).damage(known));

        Path other = cacheRoot.resolve("other");
        hub.corrupt = true;
        DownloadException e = assertThrows(
                DownloadException.class,
                () -> new HubDownloader(new HubCache(other), hub.endpoint(), null, false, Duration.ofSeconds(5), 1)
                        .download(known, DownloadProgress.NONE));
        assertTrue(
                e.getMessage().contains("has sha256 ")
                        && e.getMessage().contains(", but should have " + FakeHub.sha256(MODEL)),
                e.getMessage());
        assertFalse(
                Files.exists(other.resolve("models--openai-community--gpt2/blobs/mirror-" + MODEL.length)),
                "nothing cached");
    }

    /**
     * A mirror that names a file by an ETag that is no hash (a weak one, as a plain web server sends), for a file whose
     * sha256 Tempered does not know: nothing could check the bytes, so they are not fetched and nothing is kept.
     */
    @Test
    void aFileNamedByNoHashIsRefusedBeforeItsBytesAreFetched() {
        hub.file("Xenova/gpt2", ModelSpec.GPT2_INT8.file(), MODEL);
        hub.withoutSha256 = true;
        hub.headers.put("ETag", "W/\"1a2b-5f3c\"");
        DownloadException e = assertThrows(
                DownloadException.class, () -> downloader(1).download(ModelSpec.GPT2_INT8, DownloadProgress.NONE));
        assertEquals(
                hub.endpoint() + " names Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx by the ETag '1a2b-5f3c',"
                        + " which is not a hash, and Tempered knows no sha256 for it, so its bytes could not be checked;"
                        + " nothing was downloaded. Use a hub that names files by their sha256, as https://huggingface.co"
                        + " does (unset HF_ENDPOINT, or set it to such a mirror), then run: java -jar target/tempered.jar"
                        + " download --variant int8",
                e.getMessage());
        assertEquals(
                0, hub.requests.stream().filter(r -> r.method().equals("GET")).count(), "no byte was fetched");
        assertFalse(Files.exists(cacheRoot.resolve("models--Xenova--gpt2/blobs/1a2b-5f3c")));
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2_INT8).isEmpty());
    }

    /**
     * A cached file named by no hash (Python kept it from such a mirror, or an older Tempered did) is reported as
     * unverified, never passed as intact; downloading again from a hub that names its hash replaces it.
     */
    @Test
    void aCachedFileNamedByNoHashIsReportedUnverifiedAndFetchedAgain() throws IOException {
        Path repository = cacheRoot.resolve("models--Xenova--gpt2");
        Path blob = Files.createDirectories(repository.resolve("blobs")).resolve("1a2b-5f3c");
        byte[] altered = MODEL.clone();
        altered[5] ^= 1;
        Files.write(blob, altered);
        Path pointer = repository.resolve("snapshots").resolve(FakeHub.COMMIT).resolve(ModelSpec.GPT2_INT8.file());
        Files.createDirectories(pointer.getParent());
        Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
        Files.createDirectories(repository.resolve("refs"));
        Files.writeString(repository.resolve("refs/main"), FakeHub.COMMIT);
        HubCache cache = new HubCache(cacheRoot);
        assertEquals(
                Optional.of("the cached Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (" + blob + ") is"
                        + " unverified: its blob is named '1a2b-5f3c', which is not a hash, and Tempered knows no sha256"
                        + " for it"),
                cache.damage(ModelSpec.GPT2_INT8));
        hub.file("Xenova/gpt2", ModelSpec.GPT2_INT8.file(), MODEL);
        Path file = downloader(1).download(ModelSpec.GPT2_INT8, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(FakeHub.sha256(MODEL), file.toRealPath().getFileName().toString());
        assertEquals(Optional.empty(), cache.damage(ModelSpec.GPT2_INT8));
    }

    @Test
    void hashesAreTheHubsNames() throws IOException {
        Path file = cacheRoot.resolve("file");
        Files.write(file, MODEL);
        assertEquals(FakeHub.sha256(MODEL), Hashes.sha256(file));
        assertEquals(FakeHub.gitSha1(MODEL), Hashes.gitBlobSha1(file));
    }

    @Test
    void missingFilesAndServerErrorsNameTheRepositoryAndFile() {
        ModelSpec missing = ModelSpec.GPT2.withFile("onnx/nope.onnx");
        DownloadException notFound =
                assertThrows(DownloadException.class, () -> downloader(1).download(missing, DownloadProgress.NONE));
        assertTrue(
                notFound.getMessage().startsWith("the hub has no openai-community/gpt2/onnx/nope.onnx"),
                notFound.getMessage());
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        hub.status = 500;
        DownloadException broken = downloadFails(1);
        assertEquals(
                "the hub answered HTTP 500 for openai-community/gpt2/onnx/decoder_model_merged.onnx; try again later, or set HF_ENDPOINT to a mirror",
                broken.getMessage());
        hub.status = 401;
        DownloadException gated = downloadFails(1);
        assertTrue(
                gated.getMessage()
                        .contains("needs a token allowed to read it, in HF_TOKEN or saved by 'hf auth login'"),
                gated.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void offlineFailsAtOnceSayingWhatIsMissingWhereItLookedAndTheCommand() {
        HubDownloader offline = HubDownloader.fromEnvironment(Map.of(
                "HF_HUB_OFFLINE",
                "1",
                "HF_HUB_CACHE",
                cacheRoot.toString(),
                "TEMPERED_CACHE",
                records.toString(),
                "HF_ENDPOINT",
                hub.endpoint()));
        ModelNotFoundException e = assertThrows(
                ModelNotFoundException.class, () -> offline.download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertEquals(
                "HF_HUB_OFFLINE is set and openai-community/gpt2/onnx/decoder_model_merged.onnx is not in the Hugging Face cache at "
                        + cacheRoot.resolve("models--openai-community--gpt2")
                        + ". On a connected machine run: java -jar target/tempered.jar download"
                        + " (then copy " + cacheRoot + " here), or unset HF_HUB_OFFLINE",
                e.getMessage());
        assertEquals(0, hub.requests.size());
    }

    @Test
    void noNetworkSaysSoWithTheCommandToRunElsewhere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HubDownloader unreachable = new HubDownloader(
                new HubCache(cacheRoot), "http://127.0.0.1:" + closedPort, null, false, Duration.ofSeconds(2), 1);
        DownloadException e = assertThrows(
                DownloadException.class, () -> unreachable.download(ModelSpec.variant("int8"), DownloadProgress.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith("could not reach http://127.0.0.1:" + closedPort
                                + " to fetch Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (ConnectException"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "On a connected machine run: java -jar target/tempered.jar download --variant int8, or set HF_ENDPOINT to a mirror"),
                e.getMessage());
    }

    /** A size that is not a number is the mirror's fault, said so: not "could not reach" a hub that answered. */
    @Test
    void aMalformedSizeIsReportedAsMalformedNotAsAnUnreachableHub() {
        for (String size : List.of("12abc", "-5", "99999999999999999999")) {
            hub.headers.put("X-Linked-Size", size);
            DownloadException e = downloadFails(1);
            assertEquals(
                    hub.endpoint() + " sent a malformed X-Linked-Size '" + size + "' for " + REPO + "/" + FILE
                            + " (a size is a whole number of bytes); is HF_ENDPOINT a Hugging Face hub or mirror?",
                    e.getMessage());
        }
        assertEquals(List.of(), leftovers());
    }

    /** A commit header that is there but not a commit is called malformed; only a missing one is called missing. */
    @Test
    void aMalformedCommitIsReportedAsMalformedNotAsMissing() {
        hub.headers.put("X-Repo-Commit", "../../etc");
        DownloadException malformed = downloadFails(1);
        assertEquals(
                hub.endpoint() + " sent a malformed X-Repo-Commit '../../etc' for main of " + REPO
                        + " (a commit is 40 lowercase hex digits); is HF_ENDPOINT a Hugging Face hub or mirror?",
                malformed.getMessage());
        hub.headers.put("X-Repo-Commit", "");
        DownloadException missing = downloadFails(1);
        assertEquals(
                hub.endpoint() + " did not say which commit main of " + REPO
                        + " is (no X-Repo-Commit header); is HF_ENDPOINT a Hugging Face hub or mirror?",
                missing.getMessage());
    }

    /** A user name and password written into HF_ENDPOINT never appear in a message. */
    @Test
    void credentialsInTheEndpointAreNeverEchoed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<String> messages = new ArrayList<>();
        String unreachable = "http://ada:s3cret@127.0.0.1:" + closedPort;
        messages.add(assertThrows(
                        DownloadException.class,
                        () -> HubDownloader.fromEnvironment(Map.of(
                                        "HF_ENDPOINT",
                                        unreachable,
                                        "HF_HUB_CACHE",
                                        cacheRoot.toString(),
                                        "TEMPERED_CACHE",
                                        records.toString()))
                                .download(ModelSpec.GPT2, DownloadProgress.NONE))
                .getMessage());
        assertTrue(
                messages.get(0).startsWith("could not reach http://***@127.0.0.1:" + closedPort + " to fetch "),
                messages.get(0));
        String withCredentials = hub.endpoint().replace("http://", "http://ada:s3cret@");
        HubDownloader hubWithCredentials = HubDownloader.fromEnvironment(Map.of(
                "HF_ENDPOINT",
                withCredentials,
                "HF_HUB_CACHE",
                cacheRoot.toString(),
                "TEMPERED_CACHE",
                records.toString()));
        messages.add(assertThrows(
                        DownloadException.class,
                        () -> hubWithCredentials.download(
                                ModelSpec.GPT2.withFile("onnx/nope.onnx"), DownloadProgress.NONE))
                .getMessage());
        hub.headers.put("X-Repo-Commit", "xyz");
        messages.add(assertThrows(
                        DownloadException.class,
                        () -> hubWithCredentials.download(ModelSpec.GPT2, DownloadProgress.NONE))
                .getMessage());
        messages.add(assertThrows(
                        IllegalArgumentException.class,
                        () -> HubDownloader.fromEnvironment(
                                Map.of("HF_ENDPOINT", "ftp://ada:s3cret@mirror.example.org")))
                .getMessage());
        for (String message : messages) {
            assertFalse(message.contains("s3cret") || message.contains("ada"), message);
            assertTrue(message.contains("://***@"), message);
        }
    }

    /** A body longer than the size the hub announced is read only to that size, then checked. */
    @Test
    void aBodyIsReadOnlyToItsAnnouncedSize() throws IOException {
        hub.padding = 200L << 20;
        List<Long> seen = new CopyOnWriteArrayList<>();
        Path file = downloader(1).download(ModelSpec.GPT2, (name, done, total, rate, finished) -> {
            if (name.equals("config.json")) {
                seen.add(done);
            }
        });
        assertArrayEquals(
                CONFIG, Files.readAllBytes(file.getParent().getParent().resolve("config.json")));
        assertEquals(
                (long) CONFIG.length,
                seen.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    /** A config.json of no announced size that never ends is cut at a cap far above any real one; nothing is kept. */
    @Test
    void aSmallFileOfUnknownSizeIsCutAtACap() {
        hub.headWithoutSize = true;
        hub.padding = 40L << 20;
        DownloadException e = downloadFails(1);
        assertEquals(
                hub.endpoint() + " sent more than 16 MB of " + REPO + "/config.json without announcing its size,"
                        + " far more than such a file holds; nothing was kept. Run the command again; if it"
                        + " repeats, is HF_ENDPOINT a Hugging Face hub or mirror?",
                e.getMessage());
        assertEquals(List.of(), leftovers());
        assertFalse(Files.exists(cacheRoot
                .resolve("models--openai-community--gpt2/snapshots")
                .resolve(FakeHub.COMMIT)
                .resolve("config.json")));
    }

    /** Found by the sweep: server faults that were reported as "run again to resume", or as a full disk. */
    @Test
    void theSweepsHubFaultsAreNamedForWhatTheyAre(@TempDir Path file) throws IOException {
        hub.headers.put("X-Linked-Etag", "\"" + "a".repeat(300) + "\"");
        assertEquals(
                hub.endpoint() + " gave no usable ETag for " + REPO + "/" + FILE
                        + "; is HF_ENDPOINT a Hugging Face hub or mirror?",
                downloadFails(1).getMessage(),
                "an ETag too long to name a file is not a file system error");
        hub.headers.clear();
        hub.headers.put("Location", "file:///etc/passwd");
        assertEquals(
                hub.endpoint() + " sent " + REPO + "/" + FILE + " on to where Tempered does not follow (refusing to"
                        + " follow file:///etc/passwd: not an http(s) address); nothing was downloaded. Is HF_ENDPOINT a"
                        + " Hugging Face hub or mirror?",
                downloadFails(3).getMessage(),
                "no run would follow it: never 'run again to resume'");
        hub.headers.clear();
        Path notAFolder = Files.writeString(file.resolve("hub"), "a file");
        String message = assertThrows(
                        DownloadException.class,
                        () -> new HubDownloader(
                                        new HubCache(notAFolder), hub.endpoint(), null, false, Duration.ofSeconds(5), 1)
                                .download(ModelSpec.GPT2, DownloadProgress.NONE))
                .getMessage();
        assertTrue(message.contains("FileSystemException: " + notAFolder + ": not a folder"), message);
    }

    /** A resume answered from the wrong byte starts again from the first byte, within the same call's attempts. */
    @Test
    void aResumeFromTheWrongByteStartsAgainInTheSameCall() throws IOException {
        hub.cuts.set(1);
        downloadFails(1);
        hub.wrongRanges.set(5);
        Path file = downloader(2).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
    }

    /** A ref that holds a path instead of a commit leads nowhere: never to a file outside the cache. */
    @Test
    void aRefHoldingAPathIsNotFollowedOutOfTheCache(@TempDir Path elsewhere) throws IOException {
        downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path outside = Files.createDirectories(elsewhere.resolve("outside/onnx"));
        Files.write(outside.resolve("decoder_model_merged.onnx"), MODEL);
        Path ref = cacheRoot.resolve("models--openai-community--gpt2/refs/main");
        Path snapshots = cacheRoot.resolve("models--openai-community--gpt2/snapshots");
        Files.writeString(
                ref, snapshots.relativize(elsewhere.resolve("outside")).toString());
        assertTrue(Files.isRegularFile(snapshots.resolve(Files.readString(ref)).resolve(FILE)), "the ref leads there");
        assertEquals(Optional.empty(), new HubCache(cacheRoot).commit(REPO, "main"));
        assertThrows(ModelNotFoundException.class, () -> locateInTheseCaches());
    }

    @Test
    void theEnvironmentChoosesTheCacheFolderAsHuggingfaceHubDoes() {
        assertEquals(
                Path.of("/a"),
                HubCache.fromEnvironment(Map.of("HF_HUB_CACHE", "/a", "HF_HOME", "/b"))
                        .root());
        assertEquals(
                Path.of("/b/hub"),
                HubCache.fromEnvironment(Map.of("HF_HOME", "/b")).root());
        assertEquals(
                Path.of(System.getProperty("user.home"), ".cache/huggingface/hub"),
                HubCache.fromEnvironment(Map.of()).root());
    }

    @Test
    void specsAreValidatedWithMessagesThatTeach() {
        assertEquals(
                "model repository 'gpt2' must look like ORG/NAME, for example openai-community/gpt2",
                assertThrows(IllegalArgumentException.class, () -> ModelSpec.ofRepo("gpt2"))
                        .getMessage());
        assertEquals(
                "unknown variant 'fp16'; use one of [fp32, int8]",
                assertThrows(IllegalArgumentException.class, () -> ModelSpec.variant("fp16"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.GPT2.withFile("../../etc/passwd.onnx"));
        assertEquals(
                "java -jar target/tempered.jar download --model Xenova/gpt2",
                ModelSpec.ofRepo("Xenova/gpt2").withFile(FILE).downloadCommand());
        assertFalse(spec().downloadCommand().contains("--"));
    }

    @Test
    void progressReadsAsBytesRateAndTimeLeft() {
        assertEquals(
                "onnx/model.onnx  312.4 MB of 655.0 MB (47%)  24.1 MB/s  14 s left",
                DownloadProgress.describe("onnx/model.onnx", 312_400_000L, 655_000_000L, 24_100_000));
        assertEquals(
                "onnx/model.onnx  655.0 MB of 655.0 MB (100%)  24.1 MB/s",
                DownloadProgress.describe("onnx/model.onnx", 655_000_000L, 655_000_000L, 24_100_000));
    }

    @Test
    void inANotebookProgressIsALineAtEachTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DownloadProgress progress = DownloadProgress.lines(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        for (long done = 0; done <= 1000; done += 10) {
            progress.update("onnx/model.onnx", done, 1000, 100, done == 1000);
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("onnx/model.onnx  0.0 MB of 0.0 MB (0%)"), lines[0]);
        assertTrue(lines[10].contains("(100%)"), lines[10]);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"), "no carriage returns in a notebook cell");
    }

    /** Two downloads of the same file at once: one transfer, and both end with the verified file. */
    @Test
    void twoDownloadsOfTheSameFileTransferItOnce() throws Exception {
        hub.stallMillis = 2;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE)));
            }
            for (Future<Path> result : results) {
                assertArrayEquals(MODEL, Files.readAllBytes(result.get()));
                assertTrue(Files.isSymbolicLink(result.get()), "a link, not a 300 KB copy, when both finish together");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                1,
                hub.requests.stream().filter(r -> r.path().startsWith("/cdn/")).count());
        assertEquals(List.of(), leftovers());
        assertEquals(0, FileLocks.inUse());
    }

    /** A download that must wait for another of the same file says so at once, and for what, instead of going quiet. */
    @Test
    void aDownloadThatWaitsForAnotherSaysSoAndForWhat() throws Exception {
        Path lock = Files.createDirectories(cacheRoot.resolve(".locks/models--openai-community--gpt2"))
                .resolve(FakeHub.sha256(MODEL) + ".lock");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DownloadProgress lines = DownloadProgress.lines(new PrintStream(printed, true, StandardCharsets.UTF_8));
        List<String> said = new CopyOnWriteArrayList<>();
        DownloadProgress progress = new DownloadProgress() {
            @Override
            public void waiting(String message) {
                said.add(message);
                lines.waiting(message);
            }

            @Override
            public void update(String file, long done, long total, double rate, boolean finished) {}
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Path> result;
        FileLocks.Held held = FileLocks.acquire(lock);
        try {
            result = pool.submit(() -> downloader(1).download(ModelSpec.GPT2, progress));
            for (int i = 0; i < 200 && said.isEmpty(); i++) {
                Thread.sleep(50);
            }
        } finally {
            held.close();
            pool.shutdown();
        }
        assertArrayEquals(MODEL, Files.readAllBytes(result.get()));
        String message = "waiting for another download of " + REPO + "/" + FILE + " into " + cacheRoot
                + " to finish (another Tempered process or terminal holds " + lock + "); this one then uses its file";
        assertEquals(List.of(message), said);
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith(message + "\n"), printed.toString());
    }

    /** A corrupt model in the cache: the loader names it and says how to refetch, and refetching replaces it. */
    @Test
    void aCorruptCachedModelIsNamedAndRefetchingReplacesIt() throws IOException {
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path blob = file.toRealPath();
        Files.write(blob, Arrays.copyOf(MODEL, 1000));
        ModelNotFoundException broken = assertThrows(ModelNotFoundException.class, () -> Gpt2Model.open(file));
        assertTrue(broken.getMessage().startsWith("could not load " + file.toAbsolutePath()), broken.getMessage());
        assertTrue(
                broken.getMessage()
                        .endsWith("delete it and fetch it again with: java -jar target/tempered.jar download"),
                broken.getMessage());
        Files.delete(file);
        Path again = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(again));
    }

    @Test
    void aStalledServerTimesOutWithAClearErrorAfterProgressKeptComing() {
        hub.stallMillis = 400;
        List<Long> seen = new CopyOnWriteArrayList<>();
        HubDownloader impatient =
                new HubDownloader(new HubCache(cacheRoot), hub.endpoint(), null, false, Duration.ofMillis(150), 1);
        // The server sends 4 KB, then waits 400 ms before each next piece: longer than the 150 ms time-out.
        DownloadException e = assertThrows(
                DownloadException.class,
                () -> impatient.download(ModelSpec.GPT2, (name, done, total, rate, finished) -> seen.add(done)));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "the download of openai-community/gpt2/onnx/decoder_model_merged.onnx stopped at 4,096 of 300,000 bytes (SocketTimeoutException"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("run the same command again to resume where it stopped"), e.getMessage());
        assertEquals(List.of(4096L), seen, "progress was reported for the bytes that came");
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty());
    }

    @Test
    void aFullDiskLeavesNothingWhereTheLoaderLooks() throws IOException {
        HubDownloader downloader = new HubDownloader(
                new HubCache(cacheRoot),
                hub.endpoint(),
                null,
                false,
                Duration.ofSeconds(5),
                1,
                (file, append) -> new FilterOutputStream(Files.newOutputStream(file)) {
                    private long written;

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        written += length;
                        if (written > 100_000) {
                            throw new IOException("No space left on device");
                        }
                        out.write(bytes, offset, length);
                    }
                });
        DownloadException e =
                assertThrows(DownloadException.class, () -> downloader.download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith("could not write openai-community/gpt2/onnx/decoder_model_merged.onnx into "
                                + cacheRoot + ": IOException: No space left on device; check the free space"),
                e.getMessage());
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty(), "no model where the loader looks");
        assertFalse(Files.exists(
                cacheRoot.resolve("models--openai-community--gpt2/blobs").resolve(FakeHub.sha256(MODEL))));
        // With space again, the next run resumes and verifies the whole file.
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertEquals(FakeHub.sha256(MODEL), Hashes.sha256(file));
    }

    /**
     * A cached model whose bytes changed after the download (4 bytes zeroed, the size kept) is named before it runs,
     * with the command for its own variant; so is one whose modification time was set back (its change time was
     * not). An unchanged one is found again without hashing, from this user's record.
     */
    @Test
    void aModelChangedAfterItsDownloadIsNamedBeforeItRuns(@TempDir Path tempered) throws IOException {
        hub.file("Xenova/gpt2", ModelSpec.GPT2_INT8.file(), MODEL).file("Xenova/gpt2", "config.json", CONFIG);
        Map<String, String> settings = Map.of(
                "HF_HUB_CACHE",
                cacheRoot.toString(),
                "TEMPERED_CACHE",
                tempered.toString(),
                "HF_ENDPOINT",
                hub.endpoint());
        Path file = HubDownloader.fromEnvironment(settings).download(ModelSpec.GPT2_INT8, DownloadProgress.NONE);
        assertEquals(file, Models.locate(null, null, null, settings), "int8 is taken when it is the one here");
        try (Stream<Path> records = Files.list(tempered.resolve("verified"))) {
            assertEquals(2, records.count(), "the model and config.json, recorded as they were checked");
        }
        Path blob = file.toRealPath();
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(blob);
        byte[] zeroed = MODEL.clone();
        Arrays.fill(zeroed, 1000, 1004, (byte) 0);
        Files.write(blob, zeroed);
        DamagedModelException damaged =
                assertThrows(DamagedModelException.class, () -> Models.locate(null, null, null, settings));
        assertTrue(
                damaged.getMessage()
                        .startsWith("the cached Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (" + blob
                                + ") has sha256 "),
                damaged.getMessage());
        assertTrue(
                damaged.getMessage()
                        .endsWith(", so Tempered does not run it; fetch it again with:"
                                + " java -jar target/tempered.jar download --variant int8"),
                damaged.getMessage());
        Files.setLastModifiedTime(blob, modified);
        assertThrows(
                DamagedModelException.class,
                () -> Models.locate("Xenova/gpt2", null, null, settings),
                "the same modification time, but a new change time");
        // A whole file back in place: intact again, and found.
        Files.write(blob, MODEL);
        assertEquals(file, Models.locate(null, null, null, settings));
    }

    /** The fast path trusts this user's record alone: a record that matches the file's state is not hashed again. */
    @Test
    void aRecordThatMatchesTheFilesStateSparesTheHash(@TempDir Path records) throws IOException {
        HubCache cache = new HubCache(cacheRoot, records);
        Path file = new HubDownloader(cache, hub.endpoint(), null, false, Duration.ofSeconds(5), 1)
                .download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path blob = file.toRealPath();
        byte[] altered = MODEL.clone();
        altered[3] ^= 1;
        Files.write(blob, altered);
        assertTrue(cache.damageSinceVerified(ModelSpec.GPT2).isPresent(), "changed: hashed, and found damaged");
        // Only a record written for the altered state (as no run of Tempered writes one) makes it pass unhashed.
        new VerifiedFiles(records).remember(blob, FakeHub.sha256(MODEL), VerifiedFiles.state(blob));
        assertEquals(Optional.empty(), cache.damageSinceVerified(ModelSpec.GPT2), "vouched for: not hashed");
        assertTrue(cache.damage(ModelSpec.GPT2).isPresent(), "download --check hashes whatever the records say");
        assertTrue(
                new HubCache(cacheRoot).damageSinceVerified(ModelSpec.GPT2).isPresent(),
                "without records, every check hashes");
    }

    /** What download --check relies on: a truncated or altered blob is named, and downloading again replaces it. */
    @Test
    void aDamagedBlobIsReportedAndFetchedAgain() throws IOException {
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        HubCache cache = new HubCache(cacheRoot);
        assertEquals(Optional.empty(), cache.damage(ModelSpec.GPT2));
        Path blob = file.toRealPath();
        byte[] altered = MODEL.clone();
        altered[7] ^= 1;
        Files.write(blob, altered);
        String damage = cache.damage(ModelSpec.GPT2).orElseThrow();
        assertTrue(
                damage.startsWith(
                        "the cached openai-community/gpt2/onnx/decoder_model_merged.onnx (" + blob + ") has sha256 "),
                damage);
        assertTrue(damage.endsWith(", but should have " + FakeHub.sha256(MODEL)), damage);
        Files.write(blob, Arrays.copyOf(MODEL, 1000));
        assertTrue(cache.damage(ModelSpec.GPT2).isPresent(), "a truncated blob too");
        long transfers =
                hub.requests.stream().filter(r -> r.path().startsWith("/cdn/")).count();
        assertEquals(file, downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(
                transfers + 1,
                hub.requests.stream().filter(r -> r.path().startsWith("/cdn/")).count(),
                "fetched again");
        assertEquals(Optional.empty(), cache.damage(ModelSpec.GPT2));
        Path config = file.getParent().getParent().resolve("config.json").toRealPath();
        Files.writeString(config, "{}");
        assertTrue(cache.damage(ModelSpec.GPT2).orElseThrow().contains("config.json"), "config.json is checked too");
    }

    /** A repository that has only onnx/model.onnx: found on the hub among the decoders Tempered knows, then in the cache. */
    @Test
    void aRepositoryWithAnyKnownDecoderIsFoundOnTheHubAndThenInTheCache() throws IOException {
        hub.file("someone/tiny-gpt2", "onnx/model.onnx", MODEL).file("someone/tiny-gpt2", "config.json", CONFIG);
        Map<String, String> settings = Map.of(
                "HF_HUB_CACHE",
                cacheRoot.toString(),
                "TEMPERED_CACHE",
                records.toString(),
                "HF_ENDPOINT",
                hub.endpoint());
        Path file = Models.fetch("someone/tiny-gpt2", null, null, settings, DownloadProgress.NONE);
        assertTrue(file.endsWith("onnx/model.onnx"), file.toString());
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertTrue(
                hub.requests.stream().anyMatch(r -> r.path().endsWith("/onnx/decoder_model_merged.onnx")),
                "the preferred one was asked for first");
        long requests = hub.requests.size();
        Map<String, String> offline = Map.of(
                "HF_HUB_CACHE", cacheRoot.toString(), "TEMPERED_CACHE", records.toString(), "HF_HUB_OFFLINE", "1");
        assertEquals(file, Models.locate("someone/tiny-gpt2", null, null, offline));
        assertEquals(file, Models.fetch("someone/tiny-gpt2", null, null, offline, DownloadProgress.NONE));
        assertEquals(file, Models.locate("someone/tiny-gpt2", "onnx/model.onnx", "main", offline));
        assertEquals(requests, hub.requests.size(), "found in the cache, without the network");
        DownloadException none = assertThrows(
                DownloadException.class,
                () -> Models.fetch("someone/empty", null, null, settings, DownloadProgress.NONE));
        assertTrue(
                none.getMessage()
                        .startsWith(
                                "the hub has no GPT-2 decoder in someone/empty at main (HTTP 404 from " + hub.endpoint()
                                        + " for each of onnx/decoder_model_merged.onnx, decoder_model_merged.onnx, onnx/model.onnx, "),
                none.getMessage());
        assertTrue(none.getMessage().endsWith("); name the file with --file PATH"), none.getMessage());
    }

    @Test
    void theTokenSavedByHfAuthLoginIsUsedWhenHfTokenIsUnset(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("token"), "hf_saved\n");
        Map<String, String> environment = Map.of(
                "HF_HOME",
                home.toString(),
                "HF_HUB_CACHE",
                cacheRoot.toString(),
                "TEMPERED_CACHE",
                records.toString(),
                "HF_ENDPOINT",
                hub.endpoint());
        HubDownloader.fromEnvironment(environment).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertEquals("Bearer hf_saved", hub.requests.get(0).authorization());
        assertEquals("hf_env", HubDownloader.token(Map.of("HF_HOME", home.toString(), "HF_TOKEN", "hf_env")));
        Files.writeString(home.resolve("elsewhere"), "hf_path");
        assertEquals(
                "hf_path",
                HubDownloader.token(Map.of(
                        "HF_HOME",
                        home.toString(),
                        "HF_TOKEN_PATH",
                        home.resolve("elsewhere").toString())));
        assertNull(HubDownloader.token(Map.of("HF_HOME", home.resolve("none").toString())));
    }

    @Test
    void anEndpointThatIsNotHttpIsRefusedNamingTheVariable() {
        for (String endpoint :
                List.of("ftp://mirror.example.org", "file:///srv/hub", "mirror.example.org", "https://")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> HubDownloader.fromEnvironment(Map.of("HF_ENDPOINT", endpoint)));
            assertEquals(
                    "HF_ENDPOINT '" + endpoint
                            + "' must be an http:// or https:// address, such as https://huggingface.co or a"
                            + " mirror's; fix it or unset it to use the Hugging Face hub",
                    e.getMessage());
        }
        assertEquals(
                "the hub endpoint 'ftp://x' must be an http:// or https:// address, such as https://huggingface.co or a mirror's",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new HubDownloader(
                                        new HubCache(cacheRoot), "ftp://x", null, false, Duration.ofSeconds(1), 1))
                        .getMessage());
    }

    private List<String> leftovers() {
        Path blobs = cacheRoot.resolve("models--openai-community--gpt2/blobs");
        if (!Files.isDirectory(blobs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(blobs)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".incomplete"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(1).nextBytes(bytes);
        return bytes;
    }
}
