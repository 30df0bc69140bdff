package tempered.ngram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The training text of the notebooks' own small language model: about 2,000 words of plain notes on logits,
 * temperature and sampling, written for Tempered (no third-party text, nothing to download).
 *
 * <p>It is plain prose without formulas or code, in paragraphs, so that a model that counts words learns
 * sentences rather than markup. "GPT 2" is written with a space, so that "2" is a word of its own.
 *
 * <pre>{@code
 * TemperatureNotes.text().startsWith("A language model writes one token at a time.");   // true
 * }</pre>
 */
public final class TemperatureNotes {
    private static final String RESOURCE = "/tempered/ngram/temperature-notes.txt";

    private TemperatureNotes() {}

    /** The whole text, as written (paragraphs separated by blank lines). */
    public static String text() {
        try (InputStream in = TemperatureNotes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        RESOURCE + " is missing from the library; rebuild it with mvn -B package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}
