package tempered.notebook.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a {@code %classpath} argument names, as JJava's glob resolves them: the path is split at
 * {@code /}, and any segment, not only the last, may hold {@code *} (any run of characters within the
 * segment) or {@code ?} (one character); {@code \*} and {@code \?} are literal. So
 * {@code ../target/tempered*.jar}, {@code lib/* /x.jar} (without the space) and {@code ../tar?et/tempered.jar}
 * all work. A relative path starts at the working directory, which for a kernel is the notebook's folder.
 *
 * <p>A path that matches nothing, with or without wildcards, adds nothing and is no error, as in JJava: a
 * mistyped {@code %classpath} shows only later, as a class that cannot be found. Matches are sorted by
 * name (JJava keeps the directory's order, which differs between machines).
 */
final class Glob {
    private static final Pattern WILDCARD = Pattern.compile("(?<!\\\\)[*?]");

    private Glob() {}

    static List<Path> resolve(String glob, Path workingDirectory) {
        List<String> segments =
                Stream.of(glob.split("/+")).filter(s -> !s.isEmpty()).toList();
        List<Path> matches = List.of(glob.startsWith("/") ? workingDirectory.getRoot() : workingDirectory);
        for (int i = 0; i < segments.size(); i++) {
            matches = step(matches, segments.get(i), i == segments.size() - 1);
        }
        return matches.stream()
                .filter(Files::exists)
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
    }

    private static List<Path> step(List<Path> folders, String segment, boolean last) {
        if (!WILDCARD.matcher(segment).find()) {
            String literal = segment.replace("\\*", "*").replace("\\?", "?");
            return folders.stream()
                    .map(f -> f.resolve(literal))
                    .filter(p -> last || Files.isDirectory(p))
                    .toList();
        }
        Pattern pattern = Pattern.compile(regex(segment));
        List<Path> matches = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                    folder,
                    p -> pattern.matcher(p.getFileName().toString()).matches() && (last || Files.isDirectory(p)))) {
                entries.forEach(matches::add);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "could not list " + folder + " for the glob segment '" + segment + "'", e);
            }
        }
        return matches.stream().sorted().toList();
    }

    private static String regex(String segment) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\'
                    && i + 1 < segment.length()
                    && (segment.charAt(i + 1) == '*' || segment.charAt(i + 1) == '?')) {
                regex.append(Pattern.quote(String.valueOf(segment.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
