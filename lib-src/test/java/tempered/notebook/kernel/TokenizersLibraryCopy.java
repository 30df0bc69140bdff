package tempered.notebook.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A copy of the Hugging Face tokenizers library's native code for one executor. The JVM lets one class loader load a
 * native library file ("Native Library ... already loaded in another classloader"), and each executor has a class
 * loader of its own for what {@code %classpath} adds, where the kernel has one for its whole life: so a second
 * notebook run in the same JVM could not open a model's {@code tokenizer.json}. While an executor runs, DJL is pointed
 * at a copy of the library, a file of its own ({@code RUST_LIBRARY_PATH}, which DJL reads when a class loader first
 * uses the library); closing restores the setting. A variable {@code RUST_LIBRARY_PATH} set by the user is left alone,
 * and so is a platform whose library DJL's jar does not carry.
 */
final class TokenizersLibraryCopy implements AutoCloseable {
    private static final String SETTING = "RUST_LIBRARY_PATH";

    private final String previous;
    private final Path folder;

    TokenizersLibraryCopy() {
        previous = System.getProperty(SETTING);
        folder = System.getenv(SETTING) == null ? copy() : null;
        if (folder != null) {
            // The file itself: DJL 0.38 fails on a folder here when it runs on a CPU (it asks for a CUDA architecture).
            System.setProperty(
                    SETTING, folder.resolve(System.mapLibraryName("tokenizers")).toString());
        }
    }

    /** A new folder holding the library for this platform, as DJL's jar carries it; null when it carries none. */
    private static Path copy() {
        String name = System.mapLibraryName("tokenizers");
        String resource = "native/lib/" + platform() + "/cpu/" + name;
        try (InputStream library = ClassLoader.getSystemResourceAsStream(resource)) {
            if (library == null) {
                return null;
            }
            Path folder = Files.createTempDirectory("tempered-tokenizers-");
            Files.copy(library, folder.resolve(name));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the tokenizers library for a notebook run", e);
        }
    }

    /** DJL's name for this platform's folder of native code, such as linux-x86_64. */
    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.startsWith("mac") ? "osx" : os.startsWith("win") ? "win" : "linux";
        return system + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch);
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        if (previous == null) {
            System.clearProperty(SETTING);
        } else {
            System.setProperty(SETTING, previous);
        }
        // A loaded library's file can go on Linux and macOS; where it cannot (Windows), the temporary folder stays.
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
