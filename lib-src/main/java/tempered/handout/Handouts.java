package tempered.handout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Entities;
import tempered.hub.AtomicFiles;

/**
 * The handouts folder: every page nbconvert wrote there made into a handout ({@link HandoutPage}), and an
 * {@code index.html} that lists them by title. {@code ./lab handouts} runs it after nbconvert:
 * {@code java -cp target/tempered.jar tempered.handout.Handouts handouts .}
 *
 * <p>Each page is written to a temporary file and moved over the old one, so an interrupted run leaves
 * whole pages. What it leaves out: running the notebooks, which is nbconvert's job with the real kernel.
 */
public final class Handouts {
    private Handouts() {}

    /** {@code Handouts FOLDER PROJECT}: prints where the index is; a problem is one line on stderr and status 1. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println(
                    "usage: java -cp target/tempered.jar tempered.handout.Handouts HANDOUTS_FOLDER PROJECT_FOLDER");
            System.exit(2);
        }
        try {
            List<String> titles = write(Path.of(args[0]), Path.of(args[1]), Path.of(System.getProperty("user.home")));
            System.out.println(titles.size() + " handouts and " + Path.of(args[0], "index.html"));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("handouts: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Rewrites every page in {@code folder} but the index, writes the index, and returns the pages' titles in order. */
    public static List<String> write(Path folder, Path project, Path home) {
        List<Path> pages = pages(folder);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException(
                    "no nbconvert pages (*.html) in " + folder + ": run the notebooks into it first");
        }
        List<String> titles = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Path file : pages) {
            HandoutPage page = HandoutPage.of(read(file), project, home);
            replace(file, page.html());
            titles.add(page.title());
            rows.append("<li><a href=\"")
                    .append(Entities.escape(file.getFileName().toString()))
                    .append("\">")
                    .append(Entities.escape(page.title()))
                    .append("</a></li>\n");
        }
        replace(
                folder.resolve("index.html"),
                "<!doctype html>\n<meta charset=\"utf-8\">\n<title>Tempered handouts</title>\n"
                        + "<h1>Tempered: temperature, measured</h1>\n<ol>\n" + rows + "</ol>\n<p>Generated "
                        + LocalDate.now(ZoneOffset.UTC) + " by ./lab handouts.</p>\n");
        return titles;
    }

    private static List<Path> pages(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".html")
                            && !f.getFileName().toString().equals("index.html"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the handouts folder " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private static void replace(Path file, String html) {
        Path partial = null;
        try {
            // Made with the umask (0644 under the usual 022), not createTempFile's 0600: a web server must read it.
            partial = AtomicFiles.temporary(
                    file.toAbsolutePath().getParent(), file.getFileName().toString(), ".partial");
            Files.writeString(partial, html, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + " (" + e + ")", e);
        } finally {
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException e) {
                // A leftover *.partial is never read as a page; the next run makes its own.
            }
        }
    }
}
