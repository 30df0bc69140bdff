package tempered.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The command a user types to run Tempered, for usage lines and hints: {@code java -jar target/tempered.jar}
 * from the project folder, the jar's own path from anywhere else, or what an installed launcher script names
 * with {@code -Dtempered.launcher=...}.
 */
final class Launcher {
    private static final String DEFAULT = "java -jar target/tempered.jar";

    private Launcher() {}

    static String command() {
        String launcher = System.getProperty("tempered.launcher");
        if (launcher != null && !launcher.isBlank()) {
            return launcher.trim();
        }
        Optional<Path> jar = jar();
        if (jar.isEmpty()) {
            return DEFAULT;
        }
        Path here = Path.of("").toAbsolutePath();
        Path shown = jar.get().startsWith(here) ? here.relativize(jar.get()) : jar.get();
        String text = shown.toString();
        return "java -jar " + (text.contains(" ") ? "\"" + text + "\"" : text);
    }

    /** The jar this code runs from, or nothing when it runs from a classes folder. */
    static Optional<Path> jar() {
        try {
            Path location = Path.of(Launcher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A help text, written with {@code tempered} as the program, with the command that really runs it. */
    static String help(String text) {
        return text.replaceAll("(?m)^(Usage: |\\s{2,})tempered ", "$1" + Matcher.quoteReplacement(command()) + " ");
    }
}
