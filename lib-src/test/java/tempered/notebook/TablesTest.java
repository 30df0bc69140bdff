package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tempered.generate.Sample;
import tempered.generate.Step;
import tempered.generate.StopReason;
import tempered.math.Examples;

/** Which columns share a shading scale, and how probabilities print: the choices {@link Tables} documents. */
class TablesTest {
    private static final Pattern CELL =
            Pattern.compile("<td style=\"background-color:(#[0-9a-f]{6});[^\"]*\">([^<]*)</td>");

    @Test
    void aProbabilityTooSmallForItsDecimalsPrintsInScientificNotationNeverAsZeros() {
        ProbabilityFormat format = new ProbabilityFormat(5);
        assertEquals("0.86812", format.format(0.868119));
        assertEquals("0.00001", format.format(0.0000051));
        assertEquals("4.9e-06", format.format(0.0000049));
        assertEquals("3.1e-07", format.format(3.1e-7));
        assertEquals("0", format.format(0.0), "an exact 0 (a masked token) is 0");
        assertEquals("", format.format(Double.NaN));
        // The greetings at T = 0.1: every greeting but Hello is below 1e-5.
        String text = Tables.text(Tables.probabilities(Examples.GREETINGS, Examples.GREETING_LOGITS, 0.1, 1));
        assertFalse(text.contains("0.00000"), text);
        assertTrue(text.contains("e-"), text);
    }

    @Test
    void nextTokensPutItsProbabilitiesOnOneScaleAndItsLogitsOnTheirOwn() {
        // GPT-2's vocabulary, as nextTokens needs: five tokens worth showing, the rest far below them.
        float[] logits = new float[50_257];
        Arrays.fill(logits, -100);
        System.arraycopy(new float[] {-1, -2, -3, -30, -31}, 0, logits, 0, 5);
        Table table = TokenTables.nextTokens(logits, 5, 0.5, 5);
        String html = Tables.html(table);
        // The largest probability of the whole table (token 0 at T = 0.5) is the only deep blue probability...
        List<String[]> cells = cells(html);
        assertEquals(5 * 3, cells.size(), "logit, T=0.5 and T=5 are shaded; id is not: " + html);
        long darkest = cells.stream().filter(c -> c[0].equals("#08519c")).count();
        // ...and the logit column has its own deep blue, at its own largest value (-1).
        assertEquals(2, darkest, html);
        // The T=5 column is flatter: its largest cell is paler than the T=0.5 column's.
        String firstAtFive = cells.get(2)[0];
        assertFalse(firstAtFive.equals("#08519c"), html);
        assertTrue(Tables.text(table).contains("e-"), "the tokens at -30 print as e-notation: " + Tables.text(table));
    }

    @Test
    void stepsShareAProbabilityScaleBetweenTheChainAndTheRawModel() {
        Step a = new Step(262, " the", 0.9, Math.log(0.5), 0.1, 2.0, List.of());
        Step b = new Step(27, "<", 0.3, Math.log(0.1), 0.2, 2.5, List.of());
        Table table =
                TokenTables.steps(new Sample(new int[] {262, 27}, " the<", List.of(a, b), StopReason.MAX_NEW_TOKENS));
        List<String[]> cells = cells(Tables.html(table));
        // p (chain) 0.9 and 0.3, p (T=1) 0.5 and 0.1 on one scale from 0 to 0.9; entropy on its own.
        assertEquals(Shading.colour(1), cells.get(0)[0]);
        assertEquals(Shading.colour(0.5 / 0.9), cells.get(1)[0]);
        assertEquals(Shading.colour(0), cells.get(2)[0], "the entropy column's own smallest value, 0.1 nats");
        assertEquals(Shading.colour(0.3 / 0.9), cells.get(3)[0]);
        assertEquals(Shading.colour(0.1 / 0.9), cells.get(4)[0]);
        assertEquals(Shading.colour(1), cells.get(5)[0], "the entropy column's own largest value, 0.2 nats");
    }

    @Test
    void surprisalsShowTheTailInNatsOnOneScale() {
        Table table = Tables.surprisals(Examples.WORDS, Examples.WORD_LOGITS, 1, 100);
        assertEquals(-Math.log(0.66571), table.doubleColumn("T=1").get(2), 1e-4);
        String text = Tables.text(table);
        assertTrue(text.contains("0.407"), text);
        List<String[]> cells = cells(Tables.html(table));
        // The most surprising word (ceiling at T = 1, 4.977 nats) is darkest, the least (mat, 0.407) white.
        assertEquals(1, cells.stream().filter(c -> c[0].equals("#08519c")).count());
        assertEquals(1, cells.stream().filter(c -> c[0].equals("#ffffff")).count());
    }

    @Test
    void aNotebooksOwnTableIsShadedPerColumnUnlessColumnsAreShadedTogether() {
        Table coverage = Table.create(
                "tokens holding 90% of the mass",
                StringColumn.create("prompt", List.of("a", "b")),
                IntColumn.create("T=1", new int[] {295, 2476}),
                IntColumn.create("T=2", new int[] {9000, 19591}));
        assertEquals(0, cells(Tables.html(coverage)).size(), "integer columns are not shaded by default");
        List<String[]> cells = cells(Tables.html(Tables.shadeTogether(coverage, "T=1", "T=2")));
        assertEquals(
                List.of(
                        "#ffffff",
                        Shading.colour((9000 - 295) / (19591.0 - 295)),
                        Shading.colour((2476 - 295) / (19591.0 - 295)),
                        "#08519c"),
                cells.stream().map(c -> c[0]).toList());
        assertEquals(
                "'T=3' is not a numeric column of the table; its columns are [prompt, T=1, T=2]",
                assertThrows(IllegalArgumentException.class, () -> Tables.shadeTogether(coverage, "T=3"))
                        .getMessage());
        // A sorted copy has new columns: each back on its own scale (integer columns: none).
        assertEquals(0, cells(Tables.html(coverage.sortDescendingOn("T=1"))).size());
    }

    /** Each shaded cell's background and text, in the order the HTML lists them (row by row). */
    private static List<String[]> cells(String html) {
        Matcher m = CELL.matcher(html);
        List<String[]> cells = new java.util.ArrayList<>();
        while (m.find()) {
            cells.add(new String[] {m.group(1), m.group(2)});
        }
        return cells;
    }
}
