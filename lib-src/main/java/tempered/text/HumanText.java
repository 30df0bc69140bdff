package tempered.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Text a person wrote, to measure beside text a model sampled: the opening of Jane Austen's <i>Pride and
 * Prejudice</i> (1813, chapter 1, its first nine paragraphs; in the public domain), as Project Gutenberg's eBook
 * #1342 prints it.
 *
 * <p>Holtzman et al. found that human text is not the likeliest text under a model: its surprisal per token is
 * higher than greedy or low-temperature output, and varies more (<a href="https://arxiv.org/abs/1904.09751">The
 * Curious Case of Neural Text Degeneration</a>, 2020). So a surprisal above the greedy text's is not by itself a
 * sign of worse writing, and this passage gives a notebook a human line to draw beside the samples. It is one
 * passage by one writer, from 1813: what it shows about "human text" in general is an illustration, not a
 * measurement.
 *
 * <pre>{@code
 * HumanText.prideAndPrejudice().startsWith("It is a truth universally acknowledged");   // true
 * }</pre>
 */
public final class HumanText {
    private static final String RESOURCE = "/tempered/text/pride-and-prejudice.txt";

    private HumanText() {}

    /** The passage, paragraphs separated by blank lines. */
    public static String prideAndPrejudice() {
        try (InputStream in = HumanText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the library's jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
