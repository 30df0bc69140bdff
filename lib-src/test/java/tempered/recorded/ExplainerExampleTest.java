package tempered.recorded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example modules' JavaScript object literals, read by a real parser: what it accepts and what it refuses. */
class ExplainerExampleTest {
    private static final String LOGITS = IntStream.range(0, 50257)
            .mapToObj(i -> i % 7 == 0 ? "-1.5e2" : Integer.toString(-i))
            .collect(Collectors.joining(",\n\t\t"));

    /** A module in the example files' own style: tabs, unquoted keys, single quotes, nulls and fields to skip. */
    private static String module(String prompt, String tokens, String ids, String logits) {
        return "export const ex7 = {\n\tprompt: " + prompt + ",\n\ttokens: " + tokens + ",\n\ttokenIds: " + ids
                + ",\n\n\tlogits: [\n\t\t"
                + logits
                + "\n\t],\n\toutputs: { block_0: { data: [[1, 2], [3, 4]] } },\n\tsampled: { tokenId: 787, topKLogit: null,"
                + " token: ' make', },\n};\n";
    }

    private static String good() {
        return module("'Hello world'", "['Hello', ' world']", "[15496, 995]", LOGITS);
    }

    @Test
    void readsThePromptTokensIdsAndEveryLogit() {
        ExplainerExample example = ExplainerExample.parse(good());
        assertEquals("Hello world", example.prompt());
        assertEquals(List.of("Hello", " world"), example.tokens());
        assertArrayEquals(new int[] {15496, 995}, example.tokenIds());
        float[] logits = example.logits();
        assertEquals(50257, logits.length);
        assertEquals(-150f, logits[0]);
        assertEquals(-1f, logits[1]);
        assertEquals(-50256f, logits[50256]);
    }

    @Test
    void quotesAndEscapesAreJavaScripts() {
        ExplainerExample example =
                ExplainerExample.parse(module("\"It's \\u00e9\"", "['It', '\\'s']", "[1026, 338]", LOGITS));
        assertEquals("It's \u00e9", example.prompt());
        assertEquals(List.of("It", "'s"), example.tokens());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no module head      | const ex7 = {}                     | it does not start with 'export const exN = {'",
                "not an object       | export const ex7 = [1];            | the value after '=' is not an object (line 1, column 20)",
                "a string never ends | export const ex7 = { prompt: 'Hi | Unexpected end-of-input: was expecting closing quote for a string value (line 1, column 33)",
                "text after it       | export const ex7 = {} {}           | text after the object (line 1, column 23)",
                "a field lacking     | export const ex7 = { prompt: 'Hi' }; | it lacks one of prompt, tokens, tokenIds and logits",
            })
    void malformedModulesAreRefusedSayingWhatAndWhere(String label, String text, String message) {
        assertEquals(
                message,
                assertThrows(IllegalArgumentException.class, () -> ExplainerExample.parse(text))
                        .getMessage());
    }

    @Test
    void everyFieldIsChecked() {
        assertEquals(
                "2 tokens but 1 token ids",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExplainerExample.parse(module("'Hi'", "['H', 'i']", "[17250]", LOGITS)))
                        .getMessage());
        assertEquals(
                "token id 50257 is not a GPT-2 token id (0 to 50256) (line 4, column 13)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExplainerExample.parse(module("'Hi'", "['Hi']", "[50257]", LOGITS)))
                        .getMessage());
        assertEquals(
                "prompt is not a string (line 2, column 10)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExplainerExample.parse(module("12", "['Hi']", "[17250]", LOGITS)))
                        .getMessage());
        String fewer = LOGITS.substring(0, LOGITS.lastIndexOf(','));
        assertEquals(
                "50256 logits, not GPT-2's 50,257",
                message(module("'Hi'", "['Hi']", "[17250]", fewer)).replaceAll(" \\(line.*", ""));
        assertEquals(
                "more than 50,257 logits",
                message(module("'Hi'", "['Hi']", "[17250]", LOGITS + ", 0")).replaceAll(" \\(line.*", ""));
        assertEquals(
                "logit 1 is NaN; GPT-2's logits are finite",
                message(module("'Hi'", "['Hi']", "[17250]", LOGITS.replaceFirst("-1,", "NaN,")))
                        .replaceAll(" \\(line.*", ""));
        assertEquals(
                "logit 0 is x, not a number",
                message(module("'Hi'", "['Hi']", "[17250]", LOGITS.replaceFirst("-1.5e2", "'x'")))
                        .replaceAll(" \\(line.*", ""));
    }

    @Test
    void aTruncatedFileIsRefusedNotMisread() {
        String whole = good();
        for (int cut : new int[] {40, whole.length() / 2, whole.length() - 40}) {
            String message = message(whole.substring(0, cut));
            assertTrue(message.contains("(line "), cut + ": " + message);
        }
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> ExplainerExample.parse(text))
                .getMessage();
    }

    @Test
    void theLogitsArrayIsReadExactlyAsFloat() {
        assertEquals(
                -146.7777862548828f,
                ExplainerExample.parse(good().replaceFirst("-1.5e2", "-146.7777862548828"))
                        .logits()[0]);
    }
}
