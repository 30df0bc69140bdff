package tempered.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.playground.Chromium;

/**
 * Handouts of every notebook, made by the packaged jar from nbconvert-like pages ({@link NbconvertLikePage}),
 * opened in headless Chromium with every network request sent to a closed port: each formula is typeset by
 * the MathJax the page carries, and no {@code $} is left in the notebook's text.
 *
 * <p>Needs Chromium ({@code apt-get install chromium}); CI installs it. Elsewhere, without it, the test is
 * skipped with that hint.
 */
class HandoutBrowserIT {
    private static final Path NOTEBOOKS =
            Path.of(System.getProperty("tempered.notebooks", "notebooks")).toAbsolutePath();
    private static final Path JAR =
            Path.of(System.getProperty("tempered.jar", "target/tempered.jar")).toAbsolutePath();

    @TempDir
    Path folder;

    @Test
    void everyNotebooksMathIsTypesetOfflineAndNoPathOfThisMachineIsLeft() throws Exception {
        Path chromium = chromium();
        Path project = NOTEBOOKS.getParent();
        Path handouts = Files.createDirectories(folder.resolve("handouts"));
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.ipynb"))
                    .sorted()
                    .toList();
        }
        for (Path notebook : notebooks) {
            Files.writeString(
                    handouts.resolve(notebook.getFileName().toString().replace(".ipynb", ".html")),
                    NbconvertLikePage.of(notebook, "%load " + project.resolve("notebooks/setup.jsh")));
        }
        assertEquals(
                0,
                run(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        JAR.toString(),
                        "tempered.handout.Handouts",
                        handouts.toString(),
                        project.toString())),
                "the jar's post-processor");

        int formulas = 0;
        for (Path notebook : notebooks) {
            Path page = handouts.resolve(notebook.getFileName().toString().replace(".ipynb", ".html"));
            String html = Files.readString(page);
            assertFalse(html.contains(project.toString()), page + " holds this machine's project path");
            assertFalse(html.contains(NbconvertLikePage.CDN_MATHJAX), page + " still loads MathJax from a CDN");
            Document shown = Jsoup.parse(dumpDom(chromium, page));
            assertTrue(
                    shown.select("[data-mjx-error], mjx-merror").isEmpty(),
                    page + ": MathJax could not read a formula");
            int typeset = shown.select("mjx-container").size();
            assertTrue(typeset > 0, page + " shows no typeset math");
            formulas += typeset;
            for (Element markdown : shown.select(".jp-RenderedMarkdown")) {
                markdown.select("mjx-container").remove();
                assertFalse(markdown.text().contains("$"), page + " shows raw TeX: " + markdown.text());
            }
        }
        assertTrue(formulas > 100, "all notebooks together show " + formulas + " formulas");
    }

    /** The page as Chromium shows it after its scripts ran, with the network off. */
    private String dumpDom(Path chromium, Path page) throws Exception {
        Path profile = Files.createTempDirectory(folder, "chromium-profile");
        Path dom = folder.resolve("dom.html");
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(Chromium.quietHeadless(profile));
        command.addAll(List.of(
                "--proxy-server=127.0.0.1:9",
                "--proxy-bypass-list=<-loopback>",
                "--virtual-time-budget=10000",
                "--dump-dom",
                page.toUri().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dom.toFile())
                .redirectError(folder.resolve("chromium.log").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "Chromium did not finish with " + page);
        assertEquals(
                0,
                process.exitValue(),
                "Chromium failed on " + page + ": " + Files.readString(folder.resolve("chromium.log")));
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    private static Path chromium() {
        Path found = Stream.concat(
                        Stream.of(Path.of("/usr/bin/chromium")),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                                .map(dir -> Path.of(dir, "chromium")))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        if (found == null && System.getenv("CI") != null) {
            throw new AssertionError("Chromium is missing on CI: .ci/run should install it (apt-get install chromium)");
        }
        assumeTrue(found != null, "Chromium is not installed: apt-get install chromium, to run this test");
        return found;
    }
}
