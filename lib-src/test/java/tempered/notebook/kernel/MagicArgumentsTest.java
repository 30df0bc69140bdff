package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JJava's argument splitting, hand-checked against its state machine (jjava-jupyter's MagicsResolver.split). */
class MagicArgumentsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "../target/tempered.jar                 | [../target/tempered.jar]",
                "'  a.jar \t b.jar  '                   | [a.jar, b.jar]",
                "'\"a b/x.jar\" c.jar'                  | [a b/x.jar, c.jar]",
                "'x\"a b\"'                             | [xa b]",
                "'\"\" a'                               | [, a]",
                "'a\\\"b'                               | [a\"b]",
                "'a\\\\b'                               | [a\\b]",
                "'a\\b\\c'                              | [ab\\c]",
                "'\"unclosed quote'                     | [unclosed quote]"
            })
    void splitsOnBlanksOutsideQuotes(String text, String expected) {
        assertEquals(expected, MagicArguments.split(text).toString());
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void blankTextHasNoArguments(String text) {
        assertEquals(List.of(), MagicArguments.split(text));
    }
}
