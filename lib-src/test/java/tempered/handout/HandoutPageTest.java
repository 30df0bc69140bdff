package tempered.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A handout carries its own MathJax, its notebook's title, and no path of the machine that made it. */
class HandoutPageTest {
    private static final Path PROJECT = Path.of("/home/ada/tempered");
    private static final Path HOME = Path.of("/home/ada");
    private static final String NBCONVERT = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>01-softmax-from-scratch</title>
            <script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>
            <script src="file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"> </script>
            <script type="text/x-mathjax-config">init_mathjax = function() { MathJax.Hub.Config({}); }; init_mathjax();</script>
            <script>var kept = 1;</script>
            </head><body>
            <h1 id="Softmax-from-scratch">Softmax from scratch<a class="anchor-link" href="#Softmax-from-scratch">&#182;</a></h1>
            <p>$p_i = e^{x_i/T} / \\sum_j e^{x_j/T}$</p>
            <pre>%load /home/ada/tempered/notebooks/setup.jsh
            GPT-2 from /home/ada/.cache/huggingface/hub, run in /home/ada/tempered. Not ours: /home/ada2/x /home/adamant</pre>
            </body></html>
            """;

    private final HandoutPage page = HandoutPage.of(NBCONVERT, PROJECT, HOME);

    @Test
    void theTitleIsTheNotebooksHeading() {
        assertEquals("Softmax from scratch", page.title());
        assertTrue(
                page.html().contains("<title>Softmax from scratch</title>"),
                page.html().substring(0, 300));
    }

    @Test
    void mathJaxComesWithThePageAndNothingLoadsFromElsewhere() {
        String html = page.html();
        for (String gone :
                new String[] {"cdnjs", "file:///usr/share", "require.min.js", "text/x-mathjax-config", "init_mathjax"
                }) {
            assertFalse(html.contains(gone), gone);
        }
        assertTrue(html.contains("window.MathJax = {tex: {inlineMath: [['$', '$']"), "the configuration");
        assertTrue(html.contains("<script>/* MathJax 3.2.2 (Apache License 2.0"), "the library, credited");
        assertTrue(html.length() > 2_000_000, "tex-svg-full.js is about 2.3 MB: " + html.length());
        assertTrue(html.contains("<script>var kept = 1;</script>"), "other scripts stay");
        assertTrue(html.contains("$p_i = e^{x_i/T} / \\sum_j e^{x_j/T}$"), "the TeX stays for MathJax");
    }

    @Test
    void theMachinesPathsAreShortened() {
        String html = page.html();
        assertTrue(html.contains("%load notebooks/setup.jsh"), "the project folder becomes relative");
        assertTrue(html.contains("GPT-2 from ~/.cache/huggingface/hub, run in ."), "home is ~, the project alone is .");
        assertTrue(html.contains("/home/ada2/x /home/adamant"), "a folder that merely starts the same stays");
        assertFalse(html.contains("/home/ada/"), "no path under home is left");
    }

    @Test
    void makingAHandoutOfAHandoutChangesNothing() {
        assertEquals(page.html(), HandoutPage.of(page.html(), PROJECT, HOME).html());
    }
}
