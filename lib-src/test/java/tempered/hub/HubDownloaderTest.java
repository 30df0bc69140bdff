package tempered.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import tempered.model.Gpt2Model;
import tempered.model.ModelNotFoundException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubDownloaderTest {
    private static final String REPO = "openai-community/gpt2";
    private static final String FILE = "onnx/decoder_model_merged.onnx";
    private static final byte[] MODEL = randomBytes(300_000);
    private static final byte[] CONFIG = "{\"n_layer\": 2, \"n_positions\": 64}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cacheRoot;
    FakeHub hub;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub().file(REPO, FILE, MODEL).file(REPO, "config.json", CONFIG);
    }

    @AfterEach
    void stop() {
        hub.close();
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
        assertEquals(file, Models.locate(List.of(ModelSpec.GPT2), Map.of("HF_HUB_CACHE", cacheRoot.toString())));
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
        ModelNotFoundException cut = assertThrows(ModelNotFoundException.class, () -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertTrue(cut.getMessage().startsWith("the download of openai-community/gpt2/onnx/decoder_model_merged.onnx stopped at 150,000 of 300,000 bytes"),
                cut.getMessage());
        assertTrue(cut.getMessage().endsWith("run the same command again to resume where it stopped"), cut.getMessage());
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty(), "nothing where the loader looks");
        assertEquals(List.of(FakeHub.sha256(MODEL) + ".incomplete"), leftovers());

        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        List<FakeHub.Request> transfers = hub.requests.stream().filter(r -> r.path().startsWith("/cdn/")).toList();
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

    @Test
    void aServerThatIgnoresRangeStartsCleanlyFromTheBeginning() throws IOException {
        hub.cuts.set(1);
        assertThrows(ModelNotFoundException.class, () -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        hub.ignoreRange = true;
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(file));
    }

    @Test
    void aBodyWithTheWrongHashIsDeletedAndNothingIsCached() {
        hub.corrupt = true;
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertTrue(e.getMessage().startsWith("the downloaded openai-community/gpt2/onnx/decoder_model_merged.onnx has sha256 "), e.getMessage());
        assertTrue(e.getMessage().contains(", but should have " + FakeHub.sha256(MODEL) + ";"), e.getMessage());
        assertTrue(e.getMessage().contains("deleted it, nothing was cached"), e.getMessage());
        assertEquals(List.of(), leftovers());
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty());
    }

    @Test
    void theKnownSha256IsCheckedWhenTheServerNamesNone() throws IOException {
        Path incomplete = cacheRoot.resolve("file");
        Files.write(incomplete, MODEL);
        assertEquals(FakeHub.sha256(MODEL), HubDownloader.sha256(incomplete));
        assertEquals(FakeHub.gitSha1(MODEL), HubDownloader.gitBlobSha1(incomplete, MODEL.length));
    }

    @Test
    void missingFilesAndServerErrorsNameTheRepositoryAndFile() {
        ModelSpec missing = ModelSpec.GPT2.withFile("onnx/nope.onnx");
        ModelNotFoundException notFound = assertThrows(ModelNotFoundException.class, () -> downloader(1).download(missing, DownloadProgress.NONE));
        assertTrue(notFound.getMessage().startsWith("the hub has no openai-community/gpt2/onnx/nope.onnx"), notFound.getMessage());
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        hub.status = 500;
        ModelNotFoundException broken = assertThrows(ModelNotFoundException.class, () -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertEquals("the hub answered HTTP 500 for openai-community/gpt2/onnx/decoder_model_merged.onnx; try again later, or set HF_ENDPOINT to a mirror",
                broken.getMessage());
        hub.status = 401;
        ModelNotFoundException gated = assertThrows(ModelNotFoundException.class, () -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertTrue(gated.getMessage().contains("needs HF_TOKEN"), gated.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void offlineFailsAtOnceSayingWhatIsMissingWhereItLookedAndTheCommand() {
        HubDownloader offline = HubDownloader.fromEnvironment(Map.of("HF_HUB_OFFLINE", "1", "HF_HUB_CACHE", cacheRoot.toString(),
                "HF_ENDPOINT", hub.endpoint()));
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> offline.download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertEquals("HF_HUB_OFFLINE is set and openai-community/gpt2/onnx/decoder_model_merged.onnx is not in the Hugging Face cache at "
                + cacheRoot.resolve("models--openai-community--gpt2") + ". On a connected machine run: java -jar target/tempered.jar download"
                + " (then copy " + cacheRoot + " here), or unset HF_HUB_OFFLINE", e.getMessage());
        assertEquals(0, hub.requests.size());
    }

    @Test
    void noNetworkSaysSoWithTheCommandToRunElsewhere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HubDownloader unreachable = new HubDownloader(new HubCache(cacheRoot), "http://127.0.0.1:" + closedPort, null, false, Duration.ofSeconds(2), 1);
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> unreachable.download(ModelSpec.variant("int8"), DownloadProgress.NONE));
        assertTrue(e.getMessage().startsWith("could not reach http://127.0.0.1:" + closedPort + " to fetch Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (ConnectException"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("On a connected machine run: java -jar target/tempered.jar download --variant int8, or set HF_ENDPOINT to a mirror"),
                e.getMessage());
    }

    @Test
    void theEnvironmentChoosesTheCacheFolderAsHuggingfaceHubDoes() {
        assertEquals(Path.of("/a"), HubCache.fromEnvironment(Map.of("HF_HUB_CACHE", "/a", "HF_HOME", "/b")).root());
        assertEquals(Path.of("/b/hub"), HubCache.fromEnvironment(Map.of("HF_HOME", "/b")).root());
        assertEquals(Path.of(System.getProperty("user.home"), ".cache/huggingface/hub"), HubCache.fromEnvironment(Map.of()).root());
    }

    @Test
    void specsAreValidatedWithMessagesThatTeach() {
        assertEquals("model repository 'gpt2' must look like ORG/NAME, for example openai-community/gpt2",
                assertThrows(IllegalArgumentException.class, () -> ModelSpec.ofRepo("gpt2")).getMessage());
        assertEquals("unknown variant 'fp16'; use one of [fp32, int8]",
                assertThrows(IllegalArgumentException.class, () -> ModelSpec.variant("fp16")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.GPT2.withFile("../../etc/passwd.onnx"));
        assertEquals("java -jar target/tempered.jar download --model Xenova/gpt2", ModelSpec.ofRepo("Xenova/gpt2").withFile(FILE).downloadCommand());
        assertFalse(spec().downloadCommand().contains("--"));
    }

    @Test
    void progressReadsAsBytesRateAndTimeLeft() {
        assertEquals("onnx/model.onnx  312.4 MB of 655.0 MB (47%)  24.1 MB/s  14 s left",
                DownloadProgress.describe("onnx/model.onnx", 312_400_000L, 655_000_000L, 24_100_000));
        assertEquals("onnx/model.onnx  655.0 MB of 655.0 MB (100%)  24.1 MB/s",
                DownloadProgress.describe("onnx/model.onnx", 655_000_000L, 655_000_000L, 24_100_000));
    }

    @Test
    void inANotebookProgressIsALineAtEachTenth() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DownloadProgress progress = DownloadProgress.lines(new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8));
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
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE)));
            }
            for (java.util.concurrent.Future<Path> result : results) {
                assertArrayEquals(MODEL, Files.readAllBytes(result.get()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, hub.requests.stream().filter(r -> r.path().startsWith("/cdn/")).count());
        assertEquals(List.of(), leftovers());
    }

    /** A corrupt model in the cache: the loader names it and says how to refetch, and refetching replaces it. */
    @Test
    void aCorruptCachedModelIsNamedAndRefetchingReplacesIt() throws IOException {
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        Path blob = file.toRealPath();
        Files.write(blob, java.util.Arrays.copyOf(MODEL, 1000));
        ModelNotFoundException broken = assertThrows(ModelNotFoundException.class, () -> Gpt2Model.open(file));
        assertTrue(broken.getMessage().startsWith("could not load " + file.toAbsolutePath()), broken.getMessage());
        assertTrue(broken.getMessage().endsWith("delete it and fetch it again with: java -jar target/tempered.jar download"), broken.getMessage());
        Files.delete(file);
        Path again = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertArrayEquals(MODEL, Files.readAllBytes(again));
    }

    @Test
    void aStalledServerTimesOutWithAClearErrorAfterProgressKeptComing() {
        hub.stallMillis = 400;
        List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HubDownloader impatient = new HubDownloader(new HubCache(cacheRoot), hub.endpoint(), null, false, Duration.ofMillis(150), 1);
        // The server sends 4 KB, then waits 400 ms before each next piece: longer than the 150 ms time-out.
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> impatient.download(ModelSpec.GPT2,
                (name, done, total, rate, finished) -> seen.add(done)));
        assertTrue(e.getMessage().startsWith("the download of openai-community/gpt2/onnx/decoder_model_merged.onnx stopped at 4,096 of 300,000 bytes (SocketTimeoutException"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("run the same command again to resume where it stopped"), e.getMessage());
        assertEquals(List.of(4096L), seen, "progress was reported for the bytes that came");
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty());
    }

    @Test
    void aFullDiskLeavesNothingWhereTheLoaderLooks() {
        HubDownloader downloader = downloader(1);
        downloader.opener = (file, append) -> new java.io.FilterOutputStream(Files.newOutputStream(file)) {
            private long written;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > 100_000) {
                    throw new IOException("No space left on device");
                }
                out.write(bytes, offset, length);
            }
        };
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> downloader.download(ModelSpec.GPT2, DownloadProgress.NONE));
        assertTrue(e.getMessage().startsWith("could not write openai-community/gpt2/onnx/decoder_model_merged.onnx into " + cacheRoot
                + ": No space left on device; check the free space"), e.getMessage());
        assertTrue(new HubCache(cacheRoot).find(ModelSpec.GPT2).isEmpty(), "no model where the loader looks");
        assertFalse(Files.exists(cacheRoot.resolve("models--openai-community--gpt2/blobs").resolve(FakeHub.sha256(MODEL))));
        // With space again, the next run resumes and verifies the whole file.
        Path file = downloader(1).download(ModelSpec.GPT2, DownloadProgress.NONE);
        assertEquals(FakeHub.sha256(MODEL), new HubCache(cacheRoot).find(ModelSpec.GPT2).map(p -> {
            try {
                return HubDownloader.sha256(p);
            } catch (IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        }).orElseThrow());
        assertTrue(Files.isRegularFile(file));
    }

    private List<String> leftovers() {
        Path blobs = cacheRoot.resolve("models--openai-community--gpt2/blobs");
        if (!Files.isDirectory(blobs)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(blobs)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".incomplete")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(1).nextBytes(bytes);
        return bytes;
    }
}
