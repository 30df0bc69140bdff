package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
    private static final String WORDS = "--logits=-49.82,-46.40,-45.25,-47.30,-48.32";

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void softmaxPrintsATableWithBarsAndEntropy() {
        Run run = run("softmax", WORDS, "--labels", "ceiling,floor,mat,car,grass", "--temperatures", "1,100");
        assertEquals(0, run.status(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].matches("token\\s+logit\\s+T=1\\s+T=100"), lines[0]);
        assertTrue(
                lines[3].startsWith("mat") && lines[3].contains("0.66571") && lines[3].contains("0.20436"), lines[3]);
        assertTrue(lines[6].contains("0.95138") && lines[6].contains("1.60931"), lines[6]);
        assertEquals("", run.err());
    }

    @Test
    void softmaxJsonHasTheDocumentedShape() throws Exception {
        Run run = run("softmax", WORDS, "--labels", "ceiling,floor,mat,car,grass", "--temperatures", "1,100", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(-45.25, json.get("logits").get(2).asDouble());
        assertEquals("mat", json.get("labels").get(2).asText());
        assertEquals(1.0, json.get("results").get(0).get("temperature").asDouble());
        assertEquals(0.66571, json.get("results").get(0).get("probs").get(2).asDouble(), 1e-5);
        assertEquals(0.20436, json.get("results").get(1).get("probs").get(2).asDouble(), 1e-5);
        assertEquals(0.95138, json.get("results").get(0).get("entropy").asDouble(), 1e-5);
    }

    @Test
    void jsonWritesMaskedLogitsAsNullAndNoLabelsAsNull() throws Exception {
        JsonNode json = new ObjectMapper()
                .readTree(run("softmax", "--logits", "0,-inf", "--json").out());
        assertTrue(json.get("logits").get(1).isNull());
        assertTrue(json.get("labels").isNull());
        assertEquals(0.0, json.get("results").get(0).get("probs").get(1).asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "softmax --logits 1,x                 | tempered softmax: --logits: 'x' (item 2) is not a finite number",
                "softmax --logits 1,,2                | tempered softmax: --logits: '' (item 2) is not a finite number",
                "softmax --logits 1,nan               | tempered softmax: --logits: 'nan' (item 2) is not a finite number",
                "softmax                              | tempered softmax: --logits is required, for example --logits 1,2,3",
                "softmax --logits                     | tempered softmax: --logits needs a value",
                "softmax --logits 1,2 --temperatures -1 | tempered softmax: temperature T=-1.0 must be >= 0",
                "softmax --logits 1,2 --temperatures inf | tempered softmax: --temperatures: 'inf' (item 1) is not a finite number",
                "softmax --logits -inf,-inf           | tempered softmax: all 2 logits are -Infinity",
                "softmax --logits 1,2 --labels a      | tempered softmax: --labels has 1 labels for 2 logits",
                "softmax --logits 1,2 --colour        | tempered softmax: unknown option '--colour' for 'softmax'",
                "frobnicate                           | tempered frobnicate: unknown command 'frobnicate'"
            })
    void badInputExitsTwoWithOneClearLine(String args, String message) {
        Run run = run(args.trim().split("\\s+"));
        assertEquals(2, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith(message), run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
    }

    @Test
    void helpDescribesEveryCommand() {
        Run help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("softmax") && help.out().contains("Usage"));
        Run softmaxHelp = run("softmax", "--help");
        assertEquals(0, softmaxHelp.status());
        assertTrue(softmaxHelp.out().contains("--temperatures")
                && softmaxHelp.out().contains("--json"));
        for (String command : new String[] {"softmax", "next", "generate", "download", "bench"}) {
            Run byHelp = run("help", command);
            assertEquals(0, byHelp.status(), command);
            assertEquals(run(command, "--help").out(), byHelp.out(), "help " + command + " describes " + command);
            assertTrue(byHelp.out().startsWith("Usage: java -jar target/tempered.jar " + command), byHelp.out());
        }
        Run unknown = run("help", "frobnicate");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("tempered frobnicate: unknown command 'frobnicate'"), unknown.err());
    }

    /** 'help help' (and 'help --help') is a question about help: the answer is the overview, not an error. */
    @Test
    void helpHelpShowsTheOverview() {
        String overview = run("--help").out();
        for (String second : new String[] {"help", "--help", "-h"}) {
            Run run = run("help", second);
            assertEquals(0, run.status(), "help " + second + ": " + run.err());
            assertEquals(overview, run.out(), "help " + second);
            assertEquals("", run.err());
        }
    }

    /** Usage lines and examples name the command a user types, never a bare 'tempered' that is not installed. */
    @Test
    void usageLinesNameTheCommandAUserTypes() {
        String help = run("--help").out();
        assertTrue(help.contains("Usage: java -jar target/tempered.jar COMMAND [options]"), help);
        assertTrue(help.contains("\n  java -jar target/tempered.jar softmax --logits 1,2"), help);
        assertFalse(help.contains(" tempered softmax"), help);
        assertTrue(run("next", "--help").out().contains("\n  java -jar target/tempered.jar next --prompt"));
        assertEquals(
                "tempered softmax: unknown option '--colour' for 'softmax'; see 'java -jar target/tempered.jar softmax --help'\n",
                run("softmax", "--logits", "1", "--colour").err());
    }

    @Test
    void exitStatusesAreDocumentedOneMeaningEach() {
        String help = run("--help").out();
        for (String line : new String[] {
            "0  done",
            "1  bench: a performance target was missed",
            "2  bad input",
            "3  the model or the recorded data is missing or damaged",
            "4  a download or the network failed",
            "5  an internal error"
        }) {
            assertTrue(help.contains("\n  " + line), line + " in:\n" + help);
        }
        assertEquals(2, Main.BAD_INPUT);
        assertEquals(3, Main.MISSING_MODEL);
        assertEquals(4, Main.DOWNLOAD_FAILED);
        assertEquals(5, Main.INTERNAL_ERROR);
    }

    /** Hints show values the option accepts: a temperature hint never suggests a negative temperature. */
    @Test
    void hintsNeverSuggestInvalidValues() {
        assertTrue(run("softmax", "--logits", "1,2", "--temperatures", "1,x")
                .err()
                .endsWith("e.g. --temperatures 0.5,1,2\n"));
        assertTrue(run("softmax", "--logits", "1,x").err().endsWith("e.g. --logits 1,2.5,-3 (-inf masks a token)\n"));
        assertEquals(
                0,
                run("softmax", "--logits", "1,2", "--temperatures", "0.5,1,2").status(),
                "the hint's own value works");
        assertEquals(0, run("softmax", "--logits", "1,2.5,-3").status(), "the hint's own value works");
    }

    @Test
    void barsUseEighthsAndFallBackToHashes() {
        assertEquals("██████████", Bars.bar(0.5, 20, true));
        assertEquals("█▌", Bars.bar(0.075, 20, true));
        assertEquals("#####", Bars.bar(0.25, 20, false));
        assertEquals("", Bars.bar(0, 20, true));
    }
}
