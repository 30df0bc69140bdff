package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.tablesaw.api.Table;
import tempered.text.Gpt2Tokenizer;

/**
 * What a learner may pass by mistake to the charts and tables: each is refused with an IllegalArgumentException
 * that says what was wrong and what to do, never a NullPointerException, XChart's own error, an out-of-memory
 * error or a minute of drawing.
 */
class NotebookInputsTest {
    private static final List<String> TWO = List.of("a", "b");
    private static final double[] HALVES = {0.5, 0.5};

    private static void refused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void nullsAreNamed() {
        refused(
                "Charts.bars: the title is null; pass \"\" for a chart without one",
                () -> Charts.bars(null, TWO, HALVES));
        refused(
                "Charts.lines: the y axis title is null; pass \"\" for an axis without one",
                () -> Charts.lines("t", "x", null, HALVES, Map.of("y", HALVES)));
        refused(
                "Charts.bars: the labels are null; pass one label per bar, for example List.of(\"a\", \"b\")",
                () -> Charts.bars("t", null, HALVES));
        refused(
                "Charts.bars: label 1 is null; give every bar a label (\"\" for none)",
                () -> Charts.bars("t", Arrays.asList("a", null), HALVES));
        refused(
                "Charts.bars: the values are null; pass one value per label",
                () -> Charts.bars("t", TWO, (double[]) null));
        refused(
                "Charts.lines: the x values are null; pass one x value per point, for example Charts.range(0, 1, 50)",
                () -> Charts.lines("t", "x", "y", null, Map.of("y", HALVES)));
        Map<String, double[]> unnamed = new LinkedHashMap<>();
        unnamed.put(null, HALVES);
        refused(
                "a series has no name (null); name each series, for example \"T=1\"",
                () -> Charts.bars("t", TWO, unnamed));
        refused(
                "Tables.html: the table is null; build one first, for example with Tables.probabilities(labels, logits, 1.0)",
                () -> Tables.html(null));
        refused(
                "Tables.text: the table is null; build one first, for example with Tables.probabilities(labels, logits, 1.0)",
                () -> Tables.text(null));
        refused(
                "TokenTables.facts: the facts are null; pass a map such as Map.of(\"layers\", \"12\")",
                () -> TokenTables.facts(null));
        refused(
                "TokenTables.steps: the sample is null; pass one of a generation's samples, such as generation.sample()",
                () -> TokenTables.steps(null));
    }

    @Test
    void emptyDataIsRefusedBeforeXChartSeesIt() {
        refused(
                "Charts.bars: there are no labels, so there is nothing to draw; pass at least one label and value",
                () -> Charts.bars("t", List.of(), new double[0]));
        refused(
                "Charts.lines: there are no x values, so there is nothing to draw; pass at least one point",
                () -> Charts.lines("t", "x", "y", new double[0], Map.of("y", new double[0])));
        refused(
                "Charts.countsScatter: series 'T=1' has no probabilities, so there is nothing to draw; pass at least one"
                        + " token's",
                () -> Charts.countsScatter("t", 10, Map.of("T=1", new double[0]), Map.of("T=1", new long[0])));
    }

    @Test
    void countsThatCannotBeCountsAreRefused() {
        refused(
                "Charts.countsScatter: draws=0 must be at least 1: the counts are out of that many draws",
                () -> Charts.countsScatter("t", 0, Map.of("T=1", HALVES), Map.of("T=1", new long[] {0, 0})));
        refused(
                "Charts.countsScatter: series 'T=1' count 1 is -3; a count of draws is never negative",
                () -> Charts.countsScatter("t", 10, Map.of("T=1", HALVES), Map.of("T=1", new long[] {3, -3})));
        refused(
                "Charts.countsScatter: series 'T=1' count 0 is 11, more than the 10 draws",
                () -> Charts.countsScatter("t", 10, Map.of("T=1", HALVES), Map.of("T=1", new long[] {11, 0})));
        refused(
                "Charts.countsScatter: series 'T=1' counts add up to 15, more than the 10 draws",
                () -> Charts.countsScatter("t", 10, Map.of("T=1", HALVES), Map.of("T=1", new long[] {8, 7})));
        refused(
                "Charts.countsScatter: series 'T=1' probability 0 is 1.5; a probability is a number from 0 to 1",
                () -> Charts.countsScatter(
                        "t", 10, Map.of("T=1", new double[] {1.5, 0.5}), Map.of("T=1", new long[] {5, 5})));
    }

    /** Found by the sweep: each was a NullPointerException, a NumberFormatException or a NaN drawn silently. */
    @Test
    void theSweepsFindingsAreRefusedToo() {
        refused(
                "Tables.probabilities: the logits are null; pass one logit per label",
                () -> Tables.probabilities(TWO, null, 1.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Tables.probabilities(TWO, HALVES, Double.NaN))
                .getMessage()
                .startsWith("temperature T=NaN is not a number"));
        refused(
                "Tables.rows: column 1's name is null; name every column, for example \"T\"",
                () -> Tables.rows("a", null));
        refused(
                "TokenTables.labels: the ids are null; pass token ids, for example the ids of Ranking.top(probs, 10)",
                () -> TokenTables.labels((int[]) null));
        Map<String, long[]> noCounts = new java.util.HashMap<>();
        noCounts.put("T=1", null);
        refused(
                "Charts.countsScatter: series 'T=1' has no counts (null); give one count per token",
                () -> Charts.countsScatter("t", 10, Map.of("T=1", HALVES), noCounts));
        refused(
                "Charts.lines: x value 0 is NaN; a chart can only show finite numbers",
                () -> Charts.lines("t", "x", "y", new double[] {Double.NaN, 1}, Map.of("y", HALVES)));
        refused(
                "Charts.countsAgainstProbs: probability 0 is -0.5; a probability is a number from 0 to 1",
                () -> Charts.countsAgainstProbs("t", TWO, new double[] {-0.5, 1.5}, Map.of("x", new int[] {1, 2})));
        double[] ranks = new double[Gpt2Tokenizer.VOCABULARY_SIZE];
        refused(
                "Charts.lines: 50,257 points are more than a chart 720 pixels wide can show (at most 10,000, which take"
                        + " seconds to draw); plot every k-th point, or the likeliest 1,000 by rank",
                () -> Charts.lines("t", "rank", "p", ranks, Map.of("p", ranks)));
    }

    @Test
    void sizesNoChartOrMemoryCanHoldAreRefused() {
        refused(
                "Charts.range: count=2147483647 points are more than a chart can show; use at most 10,000 (a chart is"
                        + " 720 pixels wide)",
                () -> Charts.range(0, 1, Integer.MAX_VALUE));
        refused(
                "Charts.range: count=20000 points are more than a chart can show; use at most 10,000 (a chart is 720"
                        + " pixels wide)",
                () -> Charts.logRange(0.1, 10, 20_000));
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < Gpt2Tokenizer.VOCABULARY_SIZE; i++) {
            vocabulary.add("t" + i);
        }
        double[] uniform = new double[vocabulary.size()];
        Arrays.fill(uniform, 1.0 / uniform.length);
        refused(
                "Charts.bars: 50,257 bars do not fit in a chart 720 pixels wide (at most 100); chart the likeliest, for"
                        + " example the ids of Ranking.top(probs, 20) labelled by TokenTables.labels(ids), or draw them"
                        + " all as a line with Charts.lines",
                () -> Charts.bars("t", vocabulary, uniform));
    }

    /** A table of the whole vocabulary shows its first 100 rows, and says so, in well under a second. */
    @Test
    void aTableTooLongToReadShowsItsFirstRowsAndSaysSo() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < Gpt2Tokenizer.VOCABULARY_SIZE; i++) {
            labels.add("t" + i);
        }
        Table table = Tables.probabilities(labels, new double[labels.size()], 1.0);
        String html = Tables.html(table);
        assertEquals(101, html.split("<tr", -1).length - 1, "a header row and 100 rows");
        assertTrue(
                html.endsWith("<p class=\"tempered-table-note\">The first 100 of 50,257 rows. Sort the table first to"
                        + " choose which (table.sortDescendingOn(\"T=1\")), or print them all with Tables.text(table).</p>"
                        + "</div>"),
                html.substring(html.length() - 300));
        assertEquals(table.rowCount(), Gpt2Tokenizer.VOCABULARY_SIZE, "the table itself is not changed");
    }

    @Test
    void nextTokensNeedsGpt2sWholeVocabulary() {
        refused(
                "TokenTables.nextTokens: there are 10 logits, but it labels rows with GPT-2's tokens and needs its"
                        + " 50,257 (one per token); for logits of your own, use Tables.probabilities(labels, logits,"
                        + " temperatures)",
                () -> TokenTables.nextTokens(new float[10], 5, 1.0));
        refused(
                "TokenTables.nextTokens: n=0 rows; ask for at least 1, for example 10",
                () -> TokenTables.nextTokens(new float[Gpt2Tokenizer.VOCABULARY_SIZE], 0, 1.0));
    }
}
