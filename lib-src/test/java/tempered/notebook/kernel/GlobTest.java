package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A %classpath glob, as JJava's GlobResolver reads it: wildcards in any segment, no match adds nothing. */
class GlobTest {
    @TempDir
    Path root;

    @BeforeEach
    void files() throws Exception {
        for (String file : List.of(
                "libs/v1/a.jar",
                "libs/v2/a.jar",
                "libs/v2/b.jar",
                "libs/v10/a.jar",
                "libs/docs/a.txt",
                "star*/x.jar")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "");
        }
    }

    private List<String> resolve(String glob) {
        return Glob.resolve(glob, root).stream()
                .map(p -> root.relativize(p).toString())
                .toList();
    }

    @Test
    void wildcardsMatchWithinOneSegmentAnywhereInThePath() {
        assertEquals(List.of("libs/v1/a.jar", "libs/v10/a.jar", "libs/v2/a.jar"), resolve("libs/v*/a.jar"));
        assertEquals(List.of("libs/v1/a.jar", "libs/v2/a.jar", "libs/v2/b.jar"), resolve("libs/v?/*.jar"));
        assertEquals(List.of("libs/docs/a.txt"), resolve("libs/*/*.txt"));
        assertEquals(
                List.of("libs/v1", "libs/v10", "libs/v2"), resolve("libs/v*/"), "a trailing slash matches the folders");
    }

    @Test
    void plainAndEscapedPathsAreTakenLiterally() {
        assertEquals(List.of("libs/v2/b.jar"), resolve("libs//v2/./b.jar"));
        assertEquals(List.of("star*/x.jar"), resolve("star\\*/x.jar"));
        assertEquals(
                List.of(root.resolve("libs/v1/a.jar").toString()),
                Glob.resolve(root + "/libs/v1/a*", Path.of("/elsewhere")).stream()
                        .map(Path::toString)
                        .toList(),
                "absolute");
    }

    @Test
    void aPathThatMatchesNothingAddsNothing() {
        assertEquals(List.of(), resolve("libs/v3/a.jar"));
        assertEquals(List.of(), resolve("libs/x*/a.jar"));
        assertEquals(List.of(), resolve("libs/v1/a.jar/*"));
    }
}
