package tempered.handout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * MathJax 3, the browser library that typesets the notebooks' {@code $...$} math, as one script a page can
 * carry inside itself: the {@code tex-svg-full} bundle (TeX input with every extension, SVG output with its
 * glyphs built in), so the math shows with no network, no font files and no MathJax on the machine.
 *
 * <p>It comes from the {@code org.webjars.npm:mathjax} jar (Apache License 2.0), packed into
 * {@code target/tempered.jar}. What it leaves out: MathJax's menu (its accessibility explorer would fetch code
 * from the network); the hidden MathML for screen readers stays.
 *
 * <pre>{@code
 * // not run: the value is about 2.3 MB of script
 * String head = MathJax.scripts();   // the configuration, a comment naming MathJax 3.2.2, then MathJax itself
 * }</pre>
 */
public final class MathJax {
    /** The version packed into the jar; the pom's {@code org.webjars.npm:mathjax} dependency must match it. */
    public static final String VERSION = "3.2.2";

    static final String RESOURCE = "META-INF/resources/webjars/mathjax/" + VERSION + "/es5/tex-svg-full.js";
    /** The delimiters and escapes nbconvert's own MathJax configuration uses, so every notebook formula is found. */
    private static final String CONFIG = """
            <script>window.MathJax = {tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], \
            displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']], processEscapes: true, processEnvironments: true}, \
            svg: {fontCache: 'global'}, options: {enableMenu: false}};</script>""";

    private MathJax() {}

    /** The configuration and the library, two {@code <script>} elements for a page's head. */
    public static String scripts() {
        return CONFIG + "\n<script>/* MathJax " + VERSION
                + " (Apache License 2.0, https://www.mathjax.org), embedded so the"
                + " math shows without a network */\n" + library() + "</script>";
    }

    private static String library() {
        try (InputStream in = MathJax.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "MathJax " + VERSION + " is not in this build (" + RESOURCE + " is missing):"
                                + " rebuild the library with 'mvn -B package -DskipTests', then run ./lab handouts again");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE + " from the library's jar", e);
        }
    }
}
