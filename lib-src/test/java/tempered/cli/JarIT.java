package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar runs on its own with {@code java -jar}, from any working directory. */
class JarIT {
    private static final Path JAR = Path.of(System.getProperty("tempered.jar", "target/tempered.jar")).toAbsolutePath();

    @TempDir
    Path elsewhere;

    record Result(int status, String out, String err) {
    }

    Result java(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Result(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void softmaxRunsFromAnotherDirectory() throws Exception {
        Result r = java("softmax", "--logits", "2,4,3", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("0.6652409"), r.out());
        assertEquals("", r.err(), "no logging noise from the dependencies");
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Result r = java("softmax", "--logits", "1,2", "--temperatures", "-3");
        assertEquals(2, r.status());
        assertEquals("tempered softmax: temperature T=-3.0 must be >= 0; use 0 for greedy decoding or a small positive value such as 0.7\n",
                r.err());
    }
}
