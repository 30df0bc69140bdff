package tempered.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tempered and Python's huggingface_hub downloading the same file into the same cache. */
class PythonCoexistenceTest {
    private static final String REPO = "openai-community/gpt2";
    private static final byte[] MODEL = new byte[300_000];

    static {
        new SplittableRandom(7).nextBytes(MODEL);
    }

    @TempDir
    Path work;

    Path cacheRoot;
    Path repository;
    Path blobs;
    String etag;
    FakeHub hub;

    @BeforeEach
    void start() throws IOException {
        cacheRoot = work.resolve("hub");
        repository = new HubCache(cacheRoot).repository(REPO);
        blobs = repository.resolve("blobs");
        etag = FakeHub.sha256(MODEL);
        hub = new FakeHub().file(REPO, ModelSpec.GPT2.file(), MODEL);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Path download() {
        return new HubDownloader(new HubCache(cacheRoot), hub.endpoint(), null, false, Duration.ofSeconds(10), 1)
                .download(ModelSpec.GPT2, DownloadProgress.NONE);
    }

    private List<String> transfers() {
        return hub.requests.stream()
                .filter(r -> r.path().startsWith("/cdn/"))
                .map(r -> String.valueOf(r.range()))
                .toList();
    }

    /**
     * Python holds its lock and is halfway through writing blobs/ETAG.incomplete when Tempered asks for the same file:
     * Tempered resumes from a copy of Python's bytes, and both end with the whole, verified file.
     */
    @Test
    void aPythonDownloadAtTheSameTimeNeitherFailsNorCorrupts() throws Exception {
        PythonDownloader.requirePython();
        Path data = Files.write(work.resolve("data"), MODEL);
        Path ready = work.resolve("ready");
        Process python = PythonDownloader.start(cacheRoot, repository, etag, data, ready, 10_000, 0.03, 50_000);
        PythonDownloader.awaitFile(ready, python);
        assertTrue(python.isAlive(), "Python is still downloading when Tempered starts");

        Path file = download();
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertTrue(transfers().get(0).startsWith("bytes="), "resumed from Python's bytes: " + transfers());
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "Python finished");
        assertEquals(0, python.exitValue(), "Python's download neither failed nor was corrupted: " + pythonErrors());
        assertArrayEquals(MODEL, Files.readAllBytes(blobs.resolve(etag)));
        assertArrayEquals(
                MODEL, Files.readAllBytes(file), "the snapshot still reads the whole file after Python's rename");
        assertFalse(Files.exists(blobs.resolve(etag + ".incomplete")));
        assertFalse(Files.exists(blobs.resolve(etag + ".tempered.incomplete")));
    }

    /** Tempered has the file; Python, asked for it afterwards, finds the blob and is done at once. */
    @Test
    void pythonAfterTemperedFindsTheBlob() throws Exception {
        PythonDownloader.requirePython();
        download();
        Process python = PythonDownloader.start(
                cacheRoot,
                repository,
                etag,
                Files.write(work.resolve("data"), new byte[1]),
                work.resolve("ready"),
                1,
                0,
                1);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), pythonErrors());
        assertArrayEquals(MODEL, Files.readAllBytes(blobs.resolve(etag)));
    }

    /** A partial file an interrupted Python download left: resumed with a Range request, then cleared away. */
    @Test
    void aPartialFilePythonLeftIsResumedAndThenRemoved() throws IOException {
        Files.createDirectories(blobs);
        Files.write(blobs.resolve(etag + ".incomplete"), Arrays.copyOf(MODEL, 120_000));
        Path file = download();
        assertArrayEquals(MODEL, Files.readAllBytes(file));
        assertEquals(List.of("bytes=120000-"), transfers());
        assertFalse(
                Files.exists(blobs.resolve(etag + ".incomplete")),
                "nobody holds Python's lock, so its partial file is gone");
    }

    /** A partial file with wrong bytes costs one more transfer from the first byte, not a failed download. */
    @Test
    void aDamagedPartialFileCostsARetryNotAFailure() throws IOException {
        Files.createDirectories(blobs);
        byte[] wrong = Arrays.copyOf(MODEL, 120_000);
        wrong[10] ^= 1;
        Files.write(blobs.resolve(etag + ".incomplete"), wrong);
        assertArrayEquals(MODEL, Files.readAllBytes(download()));
        assertEquals(List.of("bytes=120000-", "null"), transfers());
    }

    /** The lock probe sees Python's flock, and sees it go. */
    @Test
    void pythonsFlockIsSeenInProcLocks() throws Exception {
        PythonDownloader.requirePython();
        Path data = Files.write(work.resolve("data"), MODEL);
        Path ready = work.resolve("ready");
        Path lock =
                cacheRoot.resolve(".locks").resolve(repository.getFileName()).resolve(etag + ".lock");
        Process python = PythonDownloader.start(cacheRoot, repository, etag, data, ready, 10_000, 0.05, 10_000);
        PythonDownloader.awaitFile(ready, python);
        assertTrue(python.isAlive());
        assertFalse(PythonLocks.knownFree(lock), "Python holds the lock");
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertTrue(PythonLocks.knownFree(lock) || !Files.isReadable(Path.of("/proc/locks")), "released");
        assertFalse(PythonLocks.knownFree(lock, work.resolve("no-proc-locks")), "unknown is not free");
    }

    private String pythonErrors() throws IOException {
        Path errors = work.resolve("python.err");
        return Files.exists(errors) ? Files.readString(errors) : "";
    }
}
