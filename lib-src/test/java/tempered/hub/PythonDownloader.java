package tempered.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second process that downloads into the Hugging Face cache the way {@code huggingface_hub} 0.36 does: it
 * takes a {@code flock} on {@code .locks/models--ORG--NAME/<etag>.lock}, skips the file when the blob is
 * there, appends the missing bytes to {@code blobs/<etag>.incomplete} (resuming what is there), checks the
 * size, and renames the file to {@code blobs/<etag>}. It also checks the sha256, which huggingface_hub does
 * not, so that a corrupted file shows as a failure (exit 4). Python's standard library only.
 */
final class PythonDownloader {
    private static final String SCRIPT = String.join(
            "\n",
            "import fcntl, hashlib, os, sys, time",
            "lock_path, blob, incomplete, data_path, ready = sys.argv[1:6]",
            "chunk, delay, ready_at = int(sys.argv[6]), float(sys.argv[7]), int(sys.argv[8])",
            "os.makedirs(os.path.dirname(lock_path), exist_ok=True)",
            "with open(lock_path, 'w') as lock:",
            "    fcntl.flock(lock, fcntl.LOCK_EX)",
            "    if os.path.exists(blob):",
            "        sys.exit(0)",
            "    data = open(data_path, 'rb').read()",
            "    position = os.path.getsize(incomplete) if os.path.exists(incomplete) else 0",
            "    with open(incomplete, 'ab') as out:",
            "        while position < len(data):",
            "            out.write(data[position:position + chunk])",
            "            out.flush()",
            "            position += chunk",
            "            if position >= ready_at and not os.path.exists(ready):",
            "                open(ready, 'w').close()",
            "            time.sleep(delay)",
            "    if os.path.getsize(incomplete) != len(data):",
            "        print('Consistency check failed: size', os.path.getsize(incomplete), file=sys.stderr)",
            "        sys.exit(3)",
            "    if hashlib.sha256(open(incomplete, 'rb').read()).digest() != hashlib.sha256(data).digest():",
            "        print('corrupted', file=sys.stderr)",
            "        sys.exit(4)",
            "    os.replace(incomplete, blob)",
            "    fcntl.flock(lock, fcntl.LOCK_UN)",
            "");

    private PythonDownloader() {}

    /** Skips the calling test, saying why, where there is no python3 with fcntl (Windows, or no Python). */
    static void requirePython() {
        boolean works;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import fcntl")
                    .redirectErrorStream(true)
                    .start();
            works = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            works = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            works = false;
        }
        Assumptions.assumeTrue(works, "needs python3 with fcntl to act as huggingface_hub in a second process");
    }

    /**
     * Starts downloading {@code data} as the blob {@code etag} of {@code repository}, {@code chunk} bytes every
     * {@code delaySeconds}; {@code ready} appears once {@code readyAt} bytes are in the partial file.
     */
    static Process start(
            Path cacheRoot,
            Path repository,
            String etag,
            Path data,
            Path ready,
            int chunk,
            double delaySeconds,
            int readyAt)
            throws IOException {
        Path script = Files.createTempFile(cacheRoot.getParent(), "hf-download", ".py");
        Files.writeString(script, SCRIPT);
        Path lock =
                cacheRoot.resolve(".locks").resolve(repository.getFileName()).resolve(etag + ".lock");
        Path blobs = repository.resolve("blobs");
        Files.createDirectories(blobs);
        return new ProcessBuilder(List.of(
                        "python3",
                        script.toString(),
                        lock.toString(),
                        blobs.resolve(etag).toString(),
                        blobs.resolve(etag + ".incomplete").toString(),
                        data.toString(),
                        ready.toString(),
                        Integer.toString(chunk),
                        Double.toString(delaySeconds),
                        Integer.toString(readyAt)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(cacheRoot.getParent().resolve("python.err").toFile())
                .start();
    }

    /** Waits (at most a minute, so a broken test cannot hang the build) for a file to appear. */
    static void awaitFile(Path file, Process process) throws InterruptedException {
        for (int i = 0; i < 1200 && !Files.exists(file) && process.isAlive(); i++) {
            Thread.sleep(50);
        }
    }
}
