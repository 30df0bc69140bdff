package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.hub.FakeHub;
import tempered.hub.ModelSpec;

/** {@code download} and {@code download --check} against a hub on loopback and a cache the test fills. */
class DownloadCommandTest {
    private static final byte[] MODEL = new byte[100_000];

    static {
        new SplittableRandom(3).nextBytes(MODEL);
    }

    @TempDir
    Path cache;

    @TempDir
    Path tempered;

    record Run(int status, String out, String err) {}

    private Run download(Map<String, String> settings, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DownloadCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                settings);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A cached int8 file named by no hash, as an older Tempered or Python kept it from a mirror with weak ETags. */
    private Path plantUnverified() throws IOException {
        Path repository = cache.resolve("models--Xenova--gpt2");
        Path blob = Files.createDirectories(repository.resolve("blobs")).resolve("1a2b-5f3c");
        Files.write(blob, MODEL);
        Path pointer = repository.resolve("snapshots").resolve(FakeHub.COMMIT).resolve(ModelSpec.GPT2_INT8.file());
        Files.createDirectories(pointer.getParent());
        Files.createSymbolicLink(pointer, pointer.getParent().relativize(blob));
        Files.createDirectories(repository.resolve("refs"));
        Files.writeString(repository.resolve("refs/main"), FakeHub.COMMIT);
        return blob;
    }

    @Test
    void checkReportsAnUnverifiedFileWithTheCommandForItsVariant() throws IOException {
        Path blob = plantUnverified();
        Run check = download(
                Map.of("HF_HUB_CACHE", cache.toString(), "TEMPERED_CACHE", tempered.toString()),
                "--variant",
                "int8",
                "--check");
        assertEquals(3, check.status(), check.err());
        assertEquals(
                "the cached Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (" + blob + ") is unverified: its"
                        + " blob is named '1a2b-5f3c', which is not a hash, and Tempered knows no sha256 for it;"
                        + " fetch it again with: java -jar target/tempered.jar download --variant int8\n",
                check.out());
    }

    @Test
    void downloadFetchesAnUnverifiedFileAgainInsteadOfCallingItIntact() throws IOException {
        plantUnverified();
        try (FakeHub hub = new FakeHub()) {
            hub.file("Xenova/gpt2", ModelSpec.GPT2_INT8.file(), MODEL);
            Map<String, String> settings = Map.of(
                    "HF_HUB_CACHE",
                    cache.toString(),
                    "TEMPERED_CACHE",
                    tempered.toString(),
                    "HF_ENDPOINT",
                    hub.endpoint());
            Run run = download(settings, "--variant", "int8");
            assertEquals(0, run.status(), run.err());
            assertTrue(run.err().contains("is unverified: its blob is named '1a2b-5f3c'"), run.err());
            assertTrue(run.err().contains("; fetching it again"), run.err());
            Path file = Path.of(run.out().strip());
            assertEquals(FakeHub.sha256(MODEL), file.toRealPath().getFileName().toString());
            assertArrayEquals(MODEL, Files.readAllBytes(file));
            Run check = download(settings, "--variant", "int8", "--check");
            assertEquals(0, check.status(), check.out());
        }
    }
}
