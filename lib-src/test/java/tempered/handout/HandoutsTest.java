package tempered.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handouts folder: every page rewritten in place, and an index of titles. */
class HandoutsTest {
    @TempDir
    Path folder;

    @Test
    void everyPageBecomesAHandoutAndTheIndexListsThemByTitle() throws Exception {
        Files.writeString(
                folder.resolve("02-temperature.html"),
                "<html><head><title>02-temperature</title></head><body><h1>Temperature &amp; heat¶</h1></body></html>");
        Files.writeString(
                folder.resolve("01-softmax.html"),
                "<html><head><title>01-softmax</title></head><body><h1>Softmax</h1></body></html>");
        Files.writeString(folder.resolve("index.html"), "an old index");
        assertEquals(
                List.of("Softmax", "Temperature & heat"),
                Handouts.write(folder, Path.of("/nowhere"), Path.of("/nowhere")));
        String index = Files.readString(folder.resolve("index.html"));
        assertTrue(
                index.contains(
                        "<li><a href=\"01-softmax.html\">Softmax</a></li>\n<li><a href=\"02-temperature.html\">Temperature &amp; heat</a></li>"),
                index);
        assertTrue(Files.readString(folder.resolve("01-softmax.html")).contains("<title>Softmax</title>"));
        try (var files = Files.list(folder)) {
            assertFalse(files.anyMatch(f -> f.toString().endsWith(".partial")), "no temporary file is left");
        }
    }

    /** Pages and the index get the umask (0644 under the usual 022), so a web server can serve them. */
    @Test
    void pagesAreWrittenWithTheUmaskSoAWebServerCanServeThem() throws Exception {
        Files.writeString(folder.resolve("01-softmax.html"), "<html><body><h1>Softmax</h1></body></html>");
        Handouts.write(folder, Path.of("/nowhere"), Path.of("/nowhere"));
        Path probe = folder.resolve("probe");
        Files.newOutputStream(probe).close();
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(probe);
        assertEquals(plain, Files.getPosixFilePermissions(folder.resolve("01-softmax.html")));
        assertEquals(plain, Files.getPosixFilePermissions(folder.resolve("index.html")));
    }

    @Test
    void aFolderWithoutPagesIsRefusedWithWhatToDo() {
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> Handouts.write(folder, folder, folder));
        assertTrue(
                empty.getMessage().startsWith("no nbconvert pages (*.html) in " + folder + ": run the notebooks"),
                empty.getMessage());
    }
}
