package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tempered.hub.Models;
import tempered.math.Distribution;
import tempered.model.Gpt2Model;
import tempered.notebook.kernel.CellOutput;
import tempered.notebook.kernel.NotebookExecutor;
import tempered.text.Gpt2Tokenizer;
import tempered.text.HumanText;

/**
 * The figures and computed sentences of the notebooks on GPT-2 and its recorded logits (04, 05, 07 to 10), each
 * asserted in the cell that shows it, found by the cell's id. The GPT-2 parts run against the GPT-2-shaped test
 * model that {@link NotebooksIT} builds, so their numbers are that model's; the recorded parts are GPT-2's own.
 * Without any model, each GPT-2 notebook's first cell says how to fetch it and every cell that needs it says so
 * in one line.
 */
class Gpt2NotebooksIT {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("tempered.notebooks", "notebooks"));
    private static final String NEEDS_GPT2 =
            "This cell needs GPT-2, which is not loaded (./lab download fetches it; then restart the kernel).";

    // ---- 04 · Real GPT-2 distributions, offline: GPT-2's own figures

    @Test
    void realDistributionsOfflineShowGpt2sOwnFiguresWithTheirReading() {
        String notebook = "04-real-distributions-offline.ipynb";
        assertShows(notebook, "rd-setup", "GPT-2 small, recorded next-token logits for 5 prompts");
        assertShows(
                notebook,
                "rd-prompts",
                "Data visualization empowers users to         \"Data\" \" visualization\" \" em\" \"powers\" \" users\" \" to\"",
                "Tempered's tokenizer gives the recorded ids for all of the 5 prompts.");
        // One table: the first prompt's eight likeliest tokens and a row for the rest, so each column adds up to 1.
        assertEquals(1, count(text(notebook, "rd-tables"), "<table"));
        assertShows(
                notebook,
                "rd-tables",
                "0.65678",
                "0.15784",
                ">the other 50,249 tokens</td>",
                ">0.06129</td>",
                ">0.94498</td>");
        // The leaders: the runner-up by name and the logit gap to it beside the top token's share; the prose reads
        // these rows (" way" and its runner-up " world").
        assertShows(
                notebook,
                "rd-top-share",
                ">\" way\"</td>",
                ">\" world\"</td>",
                ">0.170</td>",
                ">0.574</td>",
                ">1.319</td>",
                ">0.730</td>",
                ">0.243</td>",
                ">0.173</td>",
                "at T = 2 the likeliest token of any prompt holds at most 1.3% of the mass");
        assertTrue(cell(notebook, "rd-bars").has("image/png"));
        assertShows(
                notebook,
                "rd-coverage",
                "T = 0.5 90% of the mass needs from      2 to     27 tokens",
                "T = 1   90% of the mass needs from    295 to  2,476 tokens",
                "T = 2   90% of the mass needs from  5,960 to 19,591 tokens",
                "tabular-nums\">295</td>",
                "tabular-nums\">2,476</td>",
                "tabular-nums\">19,591</td>");
        // Temperature against prompt, computed: 726 to 7,917 times from T = 0.5 to 2; 3 to 14 times at one T.
        assertShows(
                notebook,
                "rd-coverage-curve",
                "\"Artificial Intelligence is transforming the\" needs fewer tokens than \"Data visualization empowers users"
                        + " to\" from T = 0.5 up to T = 0.92");
        assertShows(
                notebook,
                "rd-coverage-compare",
                "from T = 0.5 to T = 2, the temperature multiplies each prompt's count by 726 to 7,917",
                "at one temperature, the prompts' counts differ by 14x at T = 0.5, 13x at T = 0.8, 8x at T = 1, 3x at T = 2");
        assertTrue(cell(notebook, "rd-coverage-curve").has("image/png"));
        // The long tail: the 48,610 tokens below 1 in 100,000 at T = 1 hold 0.9%, 10% and 28% at T = 1, 1.5, 2.
        assertShows(
                notebook,
                "rd-tail",
                "after \"Data visualization empowers users to\", 48,610 of the 50,257 tokens get less than 1 in 100,000"
                        + " each at T = 1",
                "T = 1   over the five prompts, their all but impossible tokens hold  0.9% to  4.5% of the mass",
                "T = 1.5 over the five prompts, their all but impossible tokens hold 10.4% to 23.7% of the mass",
                "T = 2   over the five prompts, their all but impossible tokens hold 27.6% to 43.4% of the mass",
                ">0.0862</td>",
                ">0.3378</td>",
                ">0.5703</td>",
                ">0.0002</td>",
                ">0.0093</td>",
                ">0.1038</td>",
                ">0.2758</td>");
        assertTrue(cell(notebook, "rd-tail-chart").has("image/png"));
        assertShows(
                notebook,
                "rd-playground",
                "tempered-playground",
                "GPT-2 after &quot;Data visualization empowers users to&quot; (recorded)");
        assertShows(
                notebook,
                "rd-top50",
                "the top 50 tokens hold 66.2% of the mass",
                "\" visualize\": 0.15784 over the full vocabulary, 0.2383 renormalised over the top 50");
        assertTrue(cell(notebook, "rd-compare").has("image/png"));
        assertShows(
                notebook,
                "rd-top50-table",
                "At T = 1 the top 50 hold between 39% and 67% of the mass: renormalising inflates every bar 1.5 to 2.5"
                        + " times.",
                "At T = 2 the top 50 hold between 5% and 16% of the mass: renormalising inflates every bar 6.2 to 18.7"
                        + " times.",
                ">39.3%</td>");
    }

    // ---- 05 · Sampling strategies: GPT-2's recorded distribution, and the GPT-2 chart with the test model

    @Test
    void samplingStrategiesAgreeByHandAndShowTheOrderEffect() {
        String notebook = "05-sampling-strategies.ipynb";
        assertShows(notebook, "ss-greedy", "by hand: \" visualize\"   greedy: \" visualize\"");
        // T -> 0: the top token's probability and the gap that decides how fast (p2/p1 = e^(-gap/T)): the deserted
        // planet's gap 0.243 gives T = 0.243 / ln 100 = 0.053, the spaceship's 1.319 gives 0.286.
        assertShows(
                notebook,
                "ss-greedy-limit",
                ">runner-up 100× less likely below T =</th>",
                ">0.243</td>",
                ">0.053</td>",
                ">1.319</td>",
                ">0.286</td>",
                ">0.746</td>",
                ">0.997</td>");
        assertShows(
                notebook,
                "ss-temperature",
                "Distribution.sample and temperature(0.8) -> random(seed=42) drew the same token 1000 times in 1,000");
        assertTrue(cell(notebook, "ss-temperature").has("image/png"));
        // Going further: the same draws judged by notebook 03's two-standard-deviation yardstick.
        assertShows(
                notebook,
                "ss-draws-check",
                "\" visualize\"  0.294       293.9    289    yes (265 to 323)",
                "\" find\"       0.020       20.4     24     yes (11 to 29)",
                "within 2 standard deviations: 8 of the 8 tokens; the smallest 1,000 p is 20.4 (the rule needs at least 5)");
        assertShows(
                notebook,
                "ss-truncation",
                "top-k(5):    keeps  5 by hand,  5 in the library, same: true",
                "top-p(0.5):  keeps 17 by hand, 17 in the library, same: true",
                "min-p(0.1):  keeps  8 by hand,  8 in the library, same: true");
        assertShows(notebook, "ss-words", "\" visualize\"", "\" design\"", ">0.5009</td>");
        assertShows(
                notebook,
                "ss-llama-table",
                "top-k(3)    [0.00000000, 0.22222222, 0.33333333, 0.44444444]",
                "top-p(0.7)  [0.00000000, 0.00000000, 0.42857143, 0.57142857]",
                "min-p(0.26) [0.00000000, 0.22222222, 0.33333333, 0.44444444]");
        // The penalty is not shift-invariant: on GPT-2's raw logits, far below 0, even 1.1 all but bans a token.
        assertShows(
                notebook,
                "ss-penalty",
                "p(token 0): 0.7856 before, 0.6529 after",
                "penalty 1.1 on \" visualize\" (p = 0.158): p after = 2.3e-07 on the recorded logits, 0.114 on the same"
                        + " logits + 140",
                "penalty 1.5 on \" visualize\" (p = 0.158): p after = 5.7e-31 on the recorded logits, 0.046");
        assertShows(
                notebook,
                "ss-order",
                "temperature(0.5) -> top-p(0.8) -> random(seed=0) keeps [0]",
                "top-p(0.8) -> temperature(0.5) -> random(seed=0) keeps [0, 1]");
        // min-p m after T = min-p m^T before T; top-k commutes; top-p has no such rule.
        assertEvery(notebook, "ss-identity", 5, "same tokens: true", "same tokens: false");
        assertShows(
                notebook,
                "ss-identity",
                "T = 3    min-p 0.1 after T keeps   460 tokens; min-p 0.1^T = 0.00100 before T keeps   460",
                "top-k 40 after T = 2 and top-k 40 before it: same tokens: true");
        // Prompt by prompt after T = 2: min-p 0.1 is min-p 0.01 before T, checked on all five; top-p has no such rule.
        assertEvery(notebook, "ss-identity-prompts", 5, ">true</td>", ">false</td>");
        assertShows(
                notebook,
                "ss-identity-prompts",
                ">Data visualization empowers users to</td>",
                ">91</td>",
                ">5960</td>",
                ">0.00063</td>",
                ">0.00356</td>",
                "top-p 0.9 after T = 2 throws away 0.00063 to 0.00356 of the raw distribution: a factor of 5.6 from"
                        + " prompt to prompt");
        assertShows(notebook, "ss-grid", ">19566</td>", ">460</td>", ">0.046</td>", ">9.528</td>");
        assertShows(
                notebook,
                "ss-survivors",
                "T = 0.5  temperature first:    3   temperature last:   19",
                "T = 1    temperature first:   19   temperature last:   19",
                "T = 1.5  temperature first:   81   temperature last:   19");
        assertTrue(cell(notebook, "ss-survivors").has("image/png"));
        // Going further: vLLM's order (min-p before top-p) never keeps more than transformers' (min-p last).
        assertShows(
                notebook,
                "ss-vllm-order",
                "T = 1    transformers' order:   19   vLLM's order:   16",
                "T = 2    transformers' order:  259   vLLM's order:  232",
                "over the 40 temperatures from 0.1 to 5: vLLM's order keeps more tokens at 0 of them, and as few as 67%"
                        + " of transformers' count (at T = 0.41)");
        assertShows(
                notebook,
                "ss-presets",
                "top-k(40) -> top-p(0.95) -> min-p(0.05) -> temperature(0.8) -> random(seed=1)",
                "temperature(1) -> top-k(50) -> random(seed=1)",
                "temperature(0.8) -> min-p(0.05) -> top-p(0.95) -> random(seed=1)",
                "greedy");
    }

    @Test
    void samplingStrategiesGoFurtherWithTopNSigmaMirostatAndDynamicTemperature() {
        String notebook = "05-sampling-strategies.ipynb";
        assertShows(
                notebook,
                "ss-nsigma",
                "by hand: 81 tokens; library top-n-sigma(1): 81 tokens",
                "after T = 3    top-n-sigma(1) keeps 81 tokens");
        assertShows(
                notebook,
                "ss-mirostat",
                "by hand: 142 tokens within mu = 10 bits, drew \" create\" (surprise 3.479 bits), mu moves to 10.1521",
                "drew \" create\", mu moves to 10.1521");
        Matcher settled = Pattern.compile("mean surprise of steps 21 to 60: ([0-9.]+) bits")
                .matcher(text(notebook, "ss-mirostat-steps"));
        assertTrue(settled.find() && Math.abs(Double.parseDouble(settled.group(1)) - 5) < 0.5, settled.toString());
        assertTrue(cell(notebook, "ss-mirostat-steps").has("image/png"));
        assertShows(
                notebook,
                "ss-dynamic",
                "Data visualization empowers users to          4.933, 0.756           19, 2.449, 1.132",
                "IEEE VIS conference highlights the            6.868, 0.934           35, 3.261, 1.217");
        String steps = text(notebook, "ss-dynamic-steps");
        assertTrue(
                cell(notebook, "ss-dynamic-steps").has("image/png"), "the per-step chart, drawn with the test model");
        assertTrue(steps.contains("A stand-in with random weights ran, not GPT-2"), steps);
        assertShows(notebook, "ss-playground", "tempered-playground");
    }

    // ---- 07 · The next word

    @Test
    void theNextWordReadsTheModelAndCrossChecksItsParameterCountAgainstTheFile() {
        String notebook = "07-the-next-word.ipynb";
        assertShows(notebook, "nw-setup", "A stand-in is loaded, NOT GPT-2", "The stand-in: 827,088 parameters, from ");
        assertShows(notebook, "nw-tokens", "   464  \"The\"", " 21256  \" slept\"");
        assertShows(
                notebook,
                "nw-logits",
                "50,257 logits, from -8.54 to 7.85 (mean -0.01); the largest is 7.85, for \" newsletter\"");
        // Going further: the model file.
        assertShows(
                notebook,
                "nw-facts",
                "50,257 tokens",
                "16 dimensions",
                "2 heads × 8 dimensions",
                "1,024 tokens",
                "827,088");
        assertShows(
                notebook,
                "nw-count",
                "token embedding 804,112 + position embedding 16,384 + 2 layers x 3,280 + final layer norm 32 = 827,088 parameters");
        assertShows(
                notebook,
                "nw-stored",
                "The file holds 52 initializers; its 28 float tensors store 827,088 numbers",
                "1 of them holds exactly V x E = 804,112 numbers, the token embedding's size: [transformer.wte.weight [50257, 16]].",
                "As stored, the float tensors store exactly the 827,088 parameters derived from the sizes.");
    }

    @Test
    void theNextWordShowsTheLeadAndThousandDrawsPerTemperatureJudgedByTheirStandardDeviationAndExactChance() {
        String notebook = "07-the-next-word.ipynb";
        String lead = text(notebook, "nw-lead");
        for (String t : List.of("0.1", "0.5", "1", "5", "10", "100")) {
            assertTrue(lead.contains("T = " + t + " "), "a row for T = " + t + ":\n" + lead);
        }
        assertShows(
                notebook,
                "nw-lead",
                "top token \" newsletter\", runner-up \" Anchorage\", logit gap 0.054",
                "T = 0.5   top 0.08037   runner-up 0.07212   lead x1.114       entropy  5.171 nats");
        // The exact two-sided binomial test on a fair coin: 1, 352/1024 and 22/1024.
        assertShows(
                notebook,
                "nw-chance",
                "10 tosses, 5 heads: the chance of a count at least this far from 5 is 1.000",
                "10 tosses, 3 heads: the chance of a count at least this far from 5 is 0.344",
                "10 tosses, 1 head: the chance of a count at least this far from 5 is 0.021");
        // T = 0 is greedy on any model. The core judges each count by notebook 03's standard deviation,
        // sqrt(1000 p (1 - p)), where 1000 p and 1000 (1 - p) are both at least 5: (76 - 80.4) / 8.6 = -0.51.
        assertShows(
                notebook,
                "nw-draws",
                "T = 0       1000    1000.0     0.0         n/a           1        1.0",
                "T = 0.01     997     993.7     2.5    +1.32 sd           3        2.8",
                "T = 0.5       76      80.4     8.6    -0.51 sd         288      293.2",
                "T = 1          3       7.0     2.6    -1.52 sd         850      833.8",
                "T = 100        0       0.0     0.1         n/a         991      990.1",
                "Of the rows the rule applies to, the farthest count is 1.52 standard deviations from 1000 p (T = 1).",
                "Even a uniform distribution over 50,257 tokens gives only 990.1 different tokens in 1,000 draws",
                "At T = 0.5 the top token lost 924 of 1,000 draws");
        Matcher row = Pattern.compile(
                        "(?m)^T = (\\S+) +(\\d+) +([0-9.]+) +([0-9.]+) +(n/a|[-+][0-9.]+ sd) +(\\d+) +([0-9.]+)$")
                .matcher(text(notebook, "nw-draws"));
        int rows = 0;
        while (row.find()) {
            rows++;
            double expectedTop = Double.parseDouble(row.group(3));
            boolean ruleApplies = expectedTop >= 5 && 1000 - expectedTop >= 5;
            assertEquals(ruleApplies, !row.group(5).equals("n/a"), row.group());
            if (ruleApplies) {
                double z = Double.parseDouble(row.group(5).replace(" sd", ""));
                assertTrue(Math.abs(z) < 3, "the draws follow the probabilities: " + row.group());
                assertEquals(
                        (Integer.parseInt(row.group(2)) - expectedTop) / Double.parseDouble(row.group(4)),
                        z,
                        0.05,
                        row.group());
            }
            // Different tokens drawn: never more than the draws, and near the number the probabilities predict.
            double expected = Double.parseDouble(row.group(7));
            int drawn = Integer.parseInt(row.group(6));
            assertTrue(drawn <= 1000 && Math.abs(drawn - expected) <= 5 * Math.sqrt(expected) + 1, row.group());
        }
        assertEquals(8, rows, text(notebook, "nw-draws"));
        // Going further: the exact chance of every row, the same draws; recomputed outside Java (0.684 and 0.179).
        assertShows(
                notebook,
                "nw-draws-exact",
                "T = 0     the top token drawn 1000 times, 1000 p = 1000.0: exact chance 1.000",
                "T = 0.01  the top token drawn  997 times, 1000 p =  993.7: exact chance 0.231",
                "T = 0.5   the top token drawn   76 times, 1000 p =   80.4: exact chance 0.684",
                "T = 1     the top token drawn    3 times, 1000 p =    7.0: exact chance 0.179",
                "T = 100   the top token drawn    0 times, 1000 p =    0.0: exact chance 1.000",
                "The lowest exact chance of the 8 rows is 0.179 (T = 1).");
        assertEquals(8, count(text(notebook, "nw-draws-exact"), ": exact chance "));
        assertTrue(cell(notebook, "nw-draws-chart").has("image/png"));
        assertShows(
                notebook,
                "nw-draws-chart",
                "The top token's count varies by about ±2.6 from run to run (√(1000 p (1 - p))): 38% of its 1000 p = 7.0.");
        assertShows(notebook, "nw-table", "<table", "0.43375", "0.00002");
        // e^(0.864 / T) for T = 0.5, 1 and 5.
        assertShows(
                notebook,
                "nw-bars",
                "T = 0.5 the first bar is 5.63 times the tenth (e^(gap/T), gap = 0.864)",
                "T = 1   the first bar is 2.37 times the tenth",
                "T = 5   the first bar is 1.19 times the tenth");
        assertTrue(cell(notebook, "nw-bars").has("image/png"));
        assertEquals(6, count(text(notebook, "nw-mass"), "90% of it needs the"));
        assertShows(
                notebook,
                "nw-entropy",
                "entropy: 0.998 nats at T = 0.05, 8.890 at T = 1, 10.825 at T = 100 (ln 50257 = 10.825)");
        assertTrue(cell(notebook, "nw-entropy").has("image/png"));
        assertShows(notebook, "nw-playground", "tempered-playground");
    }

    // ---- 08 · Word by word

    @Test
    void wordByWordComparesTheLoopByHandWithTheGeneratorAndGreedyDecoding() {
        String notebook = "08-word-by-word.ipynb";
        assertShows(notebook, "wbw-loop", "T = 0.5, 20 tokens:\nThe cat slept on the");
        assertShows(notebook, "wbw-hot", "T = 10, 20 tokens:\nThe cat slept on the");
        // Generator, same prompt and seed, writes the loop by hand's text (the core uses its runs from here on).
        String byHand = text(notebook, "wbw-loop");
        assertShows(
                notebook,
                "wbw-generate",
                "temperature(0.5) -> random(seed=42), 20 tokens:\n" + byHand.substring(byHand.indexOf('\n') + 1));
        // On the test model no draw falls on a boundary; a difference would be printed, not hidden.
        assertShows(
                notebook,
                "wbw-compare",
                "T = 0.5: the same 20 tokens by hand and through Generator (stopped: max new tokens)",
                "T = 10 : the same 20 tokens by hand and through Generator (stopped: max new tokens)");
        // The stand-in's greedy text is " newsletter" then " rewarded" 59 times: 58 3-grams, 2 distinct.
        assertShows(
                notebook,
                "wbw-greedy",
                "greedy: 60 tokens, 56 of their 58 3-grams repeat an earlier one (the first repeat ends at token 5)\n"
                        + "The cat slept on the newsletter rewarded rewarded",
                "temperature(0.01) -> random(seed=42): 60 tokens, 56 of their 58 3-grams repeat an earlier one",
                "temperature(1) -> random(seed=42): 60 tokens, 0 of their 58 3-grams repeat an earlier one\n",
                "T = 0.01 wrote the same first 60 tokens as greedy decoding.",
                "(The stand-in ran, so these texts are noise.");
        assertTrue(
                text(notebook, "wbw-logit-gap")
                        .matches(
                                "(?s)over 20 steps, the cached and the recomputed logits differ by at most [0-9.]+(e-0\\d)?\\s*"),
                text(notebook, "wbw-logit-gap"));
    }

    @Test
    void wordByWordShowsEachStepsSurprisalAgainstTheEntropy() {
        String notebook = "08-word-by-word.ipynb";
        assertShows(
                notebook,
                "wbw-steps-cool",
                "<table",
                "entropy of the draw (nats)",
                "entropy (T=1, nats)",
                "surprisal (T=1, nats)",
                "mean surprisal of these 20 tokens under the raw model: 5.99 nats; the raw model's entropy at these steps: 8.78 nats on average");
        // No table of zeros at T = 10: tiny probabilities in scientific notation, surprisals readable.
        assertShows(
                notebook,
                "wbw-steps-hot",
                "2.2e-05",
                "mean surprisal of these 20 tokens under the raw model: 12.20 nats; the raw model's entropy at these steps: 8.77 nats on average");
        assertTrue(!text(notebook, "wbw-steps-hot").contains(">0.0000<"), text(notebook, "wbw-steps-hot"));
        // The line's two means are the means of the table's last two columns, both under the raw model.
        for (String id : List.of("wbw-steps-cool", "wbw-steps-hot")) {
            Matcher last = Pattern.compile("<td[^>]*>([0-9.]+)</td>\\s*<td[^>]*>([0-9.]+)</td>\\s*</tr>")
                    .matcher(text(notebook, id));
            double entropy = 0;
            double sum = 0;
            int n = 0;
            while (last.find()) {
                entropy += Double.parseDouble(last.group(1));
                sum += Double.parseDouble(last.group(2));
                n++;
            }
            assertEquals(20, n, id);
            Matcher line = Pattern.compile(
                            "under the raw model: ([0-9.]+) nats; the raw model's entropy at these steps: ([0-9.]+) nats")
                    .matcher(text(notebook, id));
            assertTrue(line.find(), id);
            assertEquals(Double.parseDouble(line.group(1)), sum / n, 0.006, id);
            assertEquals(Double.parseDouble(line.group(2)), entropy / n, 0.006, id);
        }
    }

    @Test
    void wordByWordMeasuresSurprisalOverSixteenTextsBesideAPersonsText() {
        String notebook = "08-word-by-word.ipynb";
        String surprisal = text(notebook, "wbw-surprisal");
        assertEquals(9, count(surprisal, "nats per token\n"), surprisal);
        assertTrue(surprisal.contains("(95% CI ") && surprisal.contains(", n = 16) nats per token"), surprisal);
        assertTrue(
                surprisal.matches(
                        "(?s).*T = 0\\.3 minus T = 0\\.1, text by text \\(same seeds\\): -?[0-9.]+ \\(95% CI -?[0-9.]+ to"
                                + " -?[0-9.]+, n = 16\\) nats per token; the interval (excludes 0, so the difference is larger"
                                + " than chance, for this prompt|includes 0, so 16 texts cannot tell the two apart here)\\.\\s*"),
                surprisal);
        // Going further: the same difference without the pairs, beside the paired interval of the core.
        Matcher paired = Pattern.compile(
                        "text by text \\(same seeds\\): (-?[0-9.]+) \\(95% CI (-?[0-9.]+) to (-?[0-9.]+),")
                .matcher(surprisal);
        assertTrue(paired.find(), surprisal);
        double halfWidth = (Double.parseDouble(paired.group(3)) - Double.parseDouble(paired.group(2))) / 2;
        String pairing = text(notebook, "wbw-pairing");
        Matcher welch = Pattern.compile(
                        "Ignoring the pairs \\(Welch's interval\\): (-?[0-9.]+) ± ([0-9.]+); the paired interval is ±"
                                + " ([0-9.]+), so pairing (made|did not make) the comparison sharper here\\.\n")
                .matcher(pairing);
        assertTrue(welch.find(), pairing);
        assertEquals(Double.parseDouble(paired.group(1)), Double.parseDouble(welch.group(1)), 0.0011, pairing);
        assertEquals(halfWidth, Double.parseDouble(welch.group(3)), 0.0011, pairing);
        assertEquals(
                Double.parseDouble(welch.group(3)) < Double.parseDouble(welch.group(2)),
                welch.group(4).equals("made"),
                pairing);
        // Entropy is the mean surprisal of a draw: at T = 1 the difference, text by text, has an interval around 0.
        Matcher atOne = Pattern.compile(
                        "At T = 1, mean surprisal minus the raw model's mean entropy, text by text: (-?[0-9.]+) \\(95% CI"
                                + " (-?[0-9.]+) to (-?[0-9.]+), n = 16\\) nats per token\\.")
                .matcher(pairing);
        assertTrue(atOne.find(), surprisal);
        assertTrue(Double.parseDouble(atOne.group(2)) < 0 && Double.parseDouble(atOne.group(3)) > 0, atOne.group());
        assertShows(
                notebook,
                "wbw-human",
                "Pride and Prejudice, chapter 1, its first nine paragraphs: 204 tokens",
                "over the first sentence (26 tokens)");
        Matcher human =
                Pattern.compile("mean surprisal ([0-9.]+) nats per token").matcher(text(notebook, "wbw-human"));
        assertTrue(human.find(), text(notebook, "wbw-human"));
        assertEquals(humanSurprisalRecomputed(), Double.parseDouble(human.group(1)), 0.006);
        assertTrue(cell(notebook, "wbw-surprisal-chart").has("image/png"));
        Matcher range = Pattern.compile(
                        "T = 0\\.1 +mean surprisal ([0-9.]+) \\(.*\n(?s:.*)T = 10 +mean surprisal ([0-9.]+) \\(")
                .matcher(surprisal);
        assertTrue(range.find(), surprisal);
        assertShows(
                notebook,
                "wbw-surprisal-chart",
                "greedy text 3.21 nats per token (one text); the 16-text means run from " + range.group(1)
                        + " at T = 0.1 to " + range.group(2) + " at T = 10.",
                "(The stand-in ran: its weights are random");
        assertTrue(
                !text(notebook, "wbw-surprisal-chart").contains("Austen"), "the person's line is under Going further");
        // Going further: the person's passage against the core's means, and the temperature that comes closest.
        Matcher closest = Pattern.compile(
                        "greedy text 3\\.21, Austen " + Pattern.quote(human.group(1))
                                + " nats per token; the generated texts come closest to Austen at T = ([0-9.]+) \\(([0-9.]+)\\)\\.\n")
                .matcher(text(notebook, "wbw-human"));
        assertTrue(closest.find(), text(notebook, "wbw-human"));
        double closestMean = Double.parseDouble(closest.group(2));
        Matcher means = Pattern.compile("mean surprisal ([0-9.]+) \\(").matcher(surprisal);
        int temperatures = 0;
        while (means.find()) {
            temperatures++;
            double mean = Double.parseDouble(means.group(1));
            double humanMean = Double.parseDouble(human.group(1));
            assertTrue(Math.abs(closestMean - humanMean) <= Math.abs(mean - humanMean) + 0.006, mean + " is closer");
        }
        assertEquals(9, temperatures, surprisal);
        assertShows(notebook, "wbw-human", "(The stand-in ran: with random weights it has learned no English");
    }

    /** The Austen passage's mean surprisal under the test model, recomputing the whole text at every token (no cache). */
    private static double humanSurprisalRecomputed() {
        NotebooksIT.run("08-word-by-word.ipynb"); // builds the test model and sets where it is
        try (Gpt2Model model = Gpt2Model.open(Path.of(System.getProperty("tempered.model.dir")))) {
            int[] tokens = Gpt2Tokenizer.encode(HumanText.prideAndPrejudice());
            int[] context = new int[tokens.length + 1];
            context[0] = Gpt2Tokenizer.END_OF_TEXT;
            System.arraycopy(tokens, 0, context, 1, tokens.length);
            double sum = 0;
            for (int i = 0; i < tokens.length; i++) {
                sum -= Distribution.of(model.nextLogits(Arrays.copyOf(context, i + 1)), 1.0)
                        .logProb(tokens[i]);
            }
            return sum / tokens.length;
        }
    }

    @Test
    void wordByWordGoesFurtherIntoTheKvCacheWithMediansOfItsTimings() {
        String notebook = "08-word-by-word.ipynb";
        assertShows(
                notebook,
                "wbw-positions",
                "positions computed for 20 tokens: 290 without the cache, 24 with it (12.1 times fewer)");
        String timing = text(notebook, "wbw-timing");
        for (String steps : List.of("20 steps", "60 steps")) {
            assertTrue(
                    timing.matches(
                            "(?s).*" + steps + ", median of 5 runs: [0-9.]+ ms per step recomputing \\([0-9.]+ to"
                                    + " [0-9.]+\\), [0-9.]+ ms with the cache \\([0-9.]+ to [0-9.]+\\)\n.*"),
                    timing);
        }
        assertTrue(
                timing.matches(
                        "(?s).*the cache was [0-9.]+ times faster \\(the median of the 5 runs' ratios; [0-9.]+ to"
                                + " [0-9.]+\\), and computed 12\\.1 times fewer positions \\(24 against 290\\).*the cache was [0-9.]+"
                                + " times faster \\(the median of the 5 runs' ratios; [0-9.]+ to [0-9.]+\\), and computed 32\\.3 times"
                                + " fewer positions \\(64 against 2,070\\).*"),
                timing);
        assertShows(
                notebook,
                "wbw-memory",
                "256 bytes per position (2 x 2 layers x 2 heads x 8 dimensions x 4 bytes)",
                "a cache holding the whole T = 0.5 text, prompt included (25 positions), keeps 6,400 bytes; a full context of 1,024 positions would take 0.3 MB");
    }

    // ---- 09 · Creative or technical?

    private static final String WHO_REPEATS =
            "(Most repeated 3-grams: T = [0-9.]+(, top-k 50)? \\(0\\.\\d{3}\\)\\.|None of these texts repeats a 3-gram\\.)"
                    + " Most surprising to the model: T = [0-9.]+(, top-k 50)? \\([0-9.]+ nats per token\\)\\.";

    @Test
    void creativeOrTechnicalShowsEachExperimentSideBySideWithItsFigures() {
        String notebook = "09-creative-or-technical.ipynb";
        assertShows(notebook, "ct-helpers", "temperature(0.3) -> top-k(50) -> random(seed=1)");
        assertShows(
                notebook,
                "ct-nfl",
                "tempered-side-by-side",
                "What are some of the best strategies within NFL Fantasy",
                "temperature(0.3) -&gt; top-k(50) -&gt; random(seed=1)",
                "temperature(0.5) -&gt; top-k(50) -&gt; random(seed=1)",
                "temperature(0.9) -&gt; top-k(50) -&gt; random(seed=1)",
                ">190</td>",
                " …</td>",
                "nats per token</td>");
        assertShows(
                notebook,
                "ct-voyager",
                "Once upon a time, in a distant galaxy, there was a spaceship called Voyager.",
                "temperature(0.2) -&gt; top-k(50) -&gt; random(seed=1)");
        assertShows(
                notebook,
                "ct-blockchain",
                "Explain how blockchain works in simple terms.",
                "temperature(0.7) -&gt; top-k(50) -&gt; random(seed=1)");
        assertShows(
                notebook,
                "ct-nepal",
                "Nepal is a beautiful country",
                "temperature(0.5) -&gt; random(seed=3)",
                "temperature(2) -&gt; random(seed=3)",
                "temperature(2) -&gt; top-k(50) -&gt; random(seed=3)",
                ">60</td>");
        for (String id : List.of("ct-nfl", "ct-voyager", "ct-blockchain", "ct-nepal")) {
            assertTrue(
                    Pattern.compile(WHO_REPEATS)
                            .matcher(cell(notebook, id).stdout())
                            .find(),
                    id + ": " + cell(notebook, id).stdout());
            // Repeated 3-grams as a share, as in the measurement table, not as a percentage.
            assertTrue(
                    Pattern.compile("repeated 3-grams</th>(<td[^>]*>[01]\\.\\d{3}</td>)+</tr>")
                            .matcher(text(notebook, id))
                            .find(),
                    id + ": " + text(notebook, id));
        }
    }

    @Test
    void creativeOrTechnicalMeasuresRepetitionAndDriftWithIntervalsGreedyAndAHumanPassage() {
        String notebook = "09-creative-or-technical.ipynb";
        String table = text(notebook, "ct-measure");
        assertTrue(table.contains("left\">0 (greedy)</td>"), table);
        assertTrue(table.matches("(?s).*[0-9.]+ \\(one text: no interval\\).*"), table);
        List<Double> means = new ArrayList<>();
        for (String t : List.of("0.2", "0.4", "0.6", "0.8", "1", "1.2", "1.5")) {
            assertTrue(table.contains("left\">" + t + "</td>"), "a row for T = " + t + ":\n" + table);
        }
        // Every interval is a bootstrap interval around its mean; those on shares stay in [0, 1].
        Matcher interval = Pattern.compile("([0-9.]+) \\(95% CI (-?[0-9.]+) to ([0-9.]+), n = 8\\)")
                .matcher(table);
        int intervals = 0;
        while (interval.find()) {
            double mean = Double.parseDouble(interval.group(1));
            double low = Double.parseDouble(interval.group(2));
            double high = Double.parseDouble(interval.group(3));
            assertTrue(low >= 0 && low <= mean + 5e-4 && mean <= high + 5e-4, interval.group());
            if (mean > 2) {
                means.add(mean); // a mean surprisal, in the table's row order
            } else {
                assertTrue(high <= 1, "a share's interval leaves [0, 1]: " + interval.group());
            }
            intervals++;
        }
        assertEquals(14, intervals + count(table, "(all 8 equal: no spread to resample)"), table);
        assertEquals(7, means.size(), "one mean surprisal per temperature:\n" + table);
        // The count of texts with a repeat is shown as it is (one statistical tool in the core: the bootstrap).
        Matcher counted = Pattern.compile(">(\\d) of 8</td>").matcher(table);
        int shares = 0;
        while (counted.find()) {
            shares++;
        }
        assertEquals(7, shares, table);
        assertTrue(!table.contains("95% CI 0.000 to 0.324"), "no Wilson interval in the core table:\n" + table);

        // The human passage, and the computed sentence naming the temperature closest to it.
        String human = cell(notebook, "ct-human").stdout();
        Matcher scored = Pattern.compile(
                        "The human passage: 100 tokens after \"It is a truth universally acknowledged, .*\n"
                                + "repeated 3-grams ([0-9.]+), mean surprisal ([0-9.]+) nats per token\n"
                                + "Closest in mean surprisal: the texts at T = ([0-9.]+) \\(([0-9.]+) nats per token\\), ([0-9.]+)"
                                + " nats from the passage\\.\n"
                                + "\\(The stand-in ran: .*\\)\n")
                .matcher(human);
        assertTrue(scored.matches(), human);
        double humanNats = Double.parseDouble(scored.group(2));
        double closest = Double.parseDouble(scored.group(4));
        for (double mean : means) {
            assertTrue(
                    Math.abs(closest - humanNats) <= Math.abs(mean - humanNats) + 1e-3, mean + " is closer: " + human);
        }
        assertEquals(Math.abs(closest - humanNats), Double.parseDouble(scored.group(5)), 2e-3, human);
        assertTrue(text(notebook, "ct-ex1").contains("not yet: the temperature is still NaN"));

        assertEquals(
                2,
                cell(notebook, "ct-measure-charts").displays().stream()
                        .filter(d -> d.containsKey("image/png"))
                        .count());
        // The core gives the two verdicts between the ends; the step-by-step table is under Going further.
        assertDifferences(text(notebook, "ct-steps"), 6, 12, 8);
        String verdicts = cell(notebook, "ct-differences").stdout();
        assertTrue(
                verdicts.matches(
                        "Repeated 3-grams, T = 0.2 to T = 1.5, for this opening: [-+][0-9.]+ \\((95% CI [-+][0-9.]+ to"
                                + " [-+][0-9.]+|no interval)\\) on average over 8 pairs of texts; the interval for the difference"
                                + " (leaves out 0: larger than the noise|includes 0: these texts cannot tell the two apart)\\.\n"
                                + "Mean surprisal, T = 0.2 to T = 1.5, for this opening: \\+[0-9.]+ \\(95% CI \\+[0-9.]+ to"
                                + " \\+[0-9.]+\\) on average over 8 pairs of texts; the interval for the difference leaves out 0:"
                                + " larger than the noise\\.\n"),
                verdicts);
    }

    // ---- 10 · Measuring temperature: parts 1 to 4 on GPT-2's recorded logits, 5 and 6 on the test model

    @Test
    void measuringTemperatureSolvesTestsAndEnumeratesOffline() {
        String notebook = "10-measuring-temperature.ipynb";
        assertShows(
                notebook,
                "mt-entropy",
                "H = 3.3e-06 nats at T = 0.05, 4.9333 at T = 1 (perplexity 138.8) and 10.8208 at T = 50; ln 50257 = 10.8249");
        assertTrue(cell(notebook, "mt-entropy").has("image/png"));
        assertShows(
                notebook,
                "mt-slope",
                "T = 1    H =  4.933 nats  perplexity =     138.8  dH/dT: formula 5.470351, numerical 5.470351");
        assertShows(
                notebook,
                "mt-solver",
                "H = 0.9514 nats at T = 1, 1.6093148 at T = 100 (ln 5 = 1.6094379)",
                "H = 0.5 nats at T = 0.5763 (check: 0.500000)",
                "H = 1.0 nats at T = 1.0656 (check: 1.000000)",
                "H = 1.5 nats at T = 3.1593 (check: 1.500000)");
        assertShows(
                notebook,
                "mt-perplexity",
                "perplexity    100 at T = 0.9424 (check: 100.000)",
                "perplexity   1000 at T = 1.4859 (check: 1000.000)");
        // Exercise 1's prediction: the most uncertain prompt at T = 1 is IEEE's, which is not the answer.
        assertShows(
                notebook,
                "mt-prompts",
                "On the deserted planet they discovered a     H = 6.794 nats at T = 1 (perplexity 892.9)",
                "IEEE VIS conference highlights the           H = 6.868 nats at T = 1 (perplexity 960.6)");
        assertTrue(cell(notebook, "mt-crossing").has("image/png"));
        assertShows(
                notebook,
                "mt-chi-square",
                "draws at T = 0.7 against the T = 0.7 distribution: chi-square = 16.10 with 22 degrees of freedom, p = 0.811"
                        + " (smallest expected count 9.1)\n"
                        + "    no evidence of a mismatch (which is not proof of a match)",
                "draws at T = 1 against the T = 0.9 distribution: chi-square = 682.39 with 22 degrees of freedom, p = 4.01e-130"
                        + " (smallest expected count 76.7)\n"
                        + "    rejected: these draws do not follow that distribution");
        assertShows(
                notebook,
                "mt-sequences",
                "aa: 0.6839 tempering each step, 0.7772 tempering the whole sequence; ba: 0.1538 against 0.1066");
        assertShows(
                notebook,
                "mt-beam",
                "whole sequence at T = 0.1: aa 0.191, ab 0.026, ba 0.783, bb 0.000",
                "model: aa 0.330, ab 0.270, ba 0.380, bb 0.020; greedy writes aa, beam search (width 2) finds ba");
    }

    @Test
    void measuringTemperatureRunsMonteCarloWithGreedyAHumanColumnPairedDifferencesAGridAndAHeatmap() {
        String notebook = "10-measuring-temperature.ipynb";
        assertShows(notebook, "mt-load-gpt2", "A stand-in is loaded, NOT GPT-2");
        String table = text(notebook, "mt-monte-carlo");
        assertTrue(!table.contains("distinct-1"), "distinct-2 alone measures distinct n-grams:\n" + table);
        for (String measure : List.of(
                "distinct-2", "repeated 3-grams", "mean surprisal (nats per token)", "texts with a repeated 3-gram")) {
            assertTrue(table.contains("left\">" + measure + "</td>"), measure + ":\n" + table);
        }
        assertShows(
                notebook,
                "mt-monte-carlo",
                "T=0 (greedy, one text)",
                "T=0.5",
                "human (4 windows of 40 tokens)",
                " of 4 windows",
                " (lowest window ",
                "(The stand-in ran: with random weights its texts, its greedy loop and its reading of the passage are noise.");
        assertEquals(15, count(table, ", n = 16)") + count(table, "(all 16 equal: no spread to resample)"), table);
        Matcher interval = Pattern.compile("([0-9.]+) \\(95% CI (-?[0-9.]+) to ([0-9.]+), n = 16\\)")
                .matcher(table);
        while (interval.find()) {
            double mean = Double.parseDouble(interval.group(1));
            double low = Double.parseDouble(interval.group(2));
            double high = Double.parseDouble(interval.group(3));
            assertTrue(low >= 0 && low <= mean + 5e-4 && mean <= high + 5e-4, interval.group());
            assertTrue(mean > 2 || high <= 1, "a share's interval leaves [0, 1]: " + interval.group());
        }
        // The count of texts with a repeat is shown as it is (one statistical tool in the core: the bootstrap).
        assertEquals(
                5, Pattern.compile(">\\d+ of 16</td>").matcher(table).results().count(), table);

        String changes = text(notebook, "mt-differences");
        assertDifferences(changes, 4, 12, 16);
        assertTrue(
                cell(notebook, "mt-differences")
                        .stdout()
                        .matches(
                                "Distinct-2, for this prompt: (from T = [0-9.]+ on, all 16 texts are at its ceiling, 1 .*"
                                        + "|at every temperature measured, some text repeats a pair of tokens.*"
                                        + "|all 16 texts are at its ceiling, 1 \\(no pair of tokens twice\\), at T = [0-9.]+(, [0-9.]+)*,"
                                        + " but at the highest temperature some text repeats a pair by chance.*)\n"
                                        + "Mean surprisal, T = 0.3 to T = 1.5, for this prompt: [-+][0-9.]+ nats per token on average"
                                        + " over 16 pairs of texts; the interval for the difference (leaves out 0: larger than the"
                                        + " noise|includes 0: these texts cannot tell the two apart)\\.\n"),
                changes);
        assertTrue(cell(notebook, "mt-monte-carlo-chart").has("image/png"));
        assertShows(notebook, "mt-grid", ">seed 3</th>", "First tokens the three seeds share: T = 0: 20, T = 0.3: ");
        assertTrue(
                cell(notebook, "mt-grid").stdout().matches("(?s)The T = 0 text repeats \\d+% of its 3-grams\\.\n.*"));
        assertShows(
                notebook,
                "mt-heatmap",
                "tempered-heatmap",
                ">0.000001 or less</span>",
                "of the 30 tokens had less than 1% probability under the raw model; the chain gave ",
                "On part 1's prompt, GPT-2's recorded tokens below 1% at T = 1 hold 0.546 of the mass together.");
    }

    // ---- Without GPT-2

    @ParameterizedTest
    @ValueSource(
            strings = {
                "07-the-next-word.ipynb",
                "08-word-by-word.ipynb",
                "09-creative-or-technical.ipynb",
                "10-measuring-temperature.ipynb"
            })
    void withoutTheModelTheFirstCellSaysHowToFetchItAndEveryGpt2CellSaysSoInOneLine(String notebook) {
        List<CellOutput> cells = runWithoutModel(notebook);
        List<String> sources = codeCells(notebook);
        int loaded = -1;
        for (int i = 0; i < cells.size(); i++) {
            String output = cells.get(i).allText().strip();
            if (sources.get(i).contains("%load gpt2.jsh")) {
                loaded = i;
                assertEquals(
                        "GPT-2 is not on this machine yet. Fetch it once (about 655 MB) with ./lab download in the project folder,\n"
                                + "then restart the kernel and run this notebook again. Until then, each cell that needs GPT-2 says so in one line.",
                        output,
                        notebook + " code cell " + (i + 1));
            } else if (sources.get(i).contains("gpt2Ready()")) {
                assertEquals(NEEDS_GPT2, output, notebook + " code cell " + (i + 1) + ":\n" + sources.get(i));
                assertTrue(
                        cells.get(i).displays().isEmpty() && cells.get(i).result() == null,
                        notebook + " code cell " + (i + 1));
            } else {
                assertTrue(
                        loaded < 0 || !sources.get(i).matches("(?s).*\\b(gpt2|generator)\\b.*"),
                        notebook + " code cell " + (i + 1) + " uses GPT-2 without asking gpt2Ready() first:\n"
                                + sources.get(i));
            }
        }
        assertTrue(loaded >= 0, notebook + " loads gpt2.jsh");
    }

    @Test
    void theRecordedDataNotebooksRunWithoutTheModelAndTheOneGpt2ChartSaysSoInOneLine() {
        assertTrue(runWithoutModel("04-real-distributions-offline.ipynb").stream()
                .noneMatch(c -> c.allText().contains("needs GPT-2")));
        List<CellOutput> cells = runWithoutModel("05-sampling-strategies.ipynb");
        assertEquals(
                "This chart needs GPT-2, which is not on this machine (./lab download fetches it; then restart the kernel).",
                cells.get(codeCellIds("05-sampling-strategies.ipynb").indexOf("ss-dynamic-steps"))
                        .allText()
                        .strip());
    }

    // ---- Helpers

    /** Runs a notebook with no model anywhere Tempered looks (skipped on a machine that has GPT-2 in its cache). */
    static List<CellOutput> runWithoutModel(String notebook) {
        NotebooksIT.run(notebook); // builds the test model and sets where it is, once
        String model = System.clearProperty("tempered.model.dir");
        try {
            assumeFalse(Models.available(), "this machine has GPT-2, so the notebooks cannot be run without it here");
            try (NotebookExecutor executor = new NotebookExecutor()) {
                return executor.run(NOTEBOOKS.resolve(notebook));
            }
        } finally {
            System.setProperty("tempered.model.dir", model);
        }
    }

    /** What the code cell with this id showed, with the test model. */
    static CellOutput cell(String notebook, String id) {
        List<String> ids = codeCellIds(notebook);
        int index = ids.indexOf(id);
        assertTrue(index >= 0, notebook + " has no code cell " + id + "; its code cells are " + ids);
        return NotebooksIT.run(notebook).get(index);
    }

    static String text(String notebook, String id) {
        return cell(notebook, id).allText();
    }

    /** Every figure must appear in the output of that cell; a failure lists what is missing and what the cell showed. */
    static void assertShows(String notebook, String id, String... figures) {
        String shown = text(notebook, id);
        List<String> missing =
                Arrays.stream(figures).filter(f -> !shown.contains(f)).toList();
        assertTrue(missing.isEmpty(), notebook + " cell " + id + " does not show " + missing + "; it shows:\n" + shown);
    }

    /** The cell says {@code yes} {@code times} times and {@code no} never: each of its checks came out so. */
    static void assertEvery(String notebook, String id, int times, String yes, String no) {
        String shown = text(notebook, id);
        assertEquals(times, count(shown, yes));
        assertEquals(0, count(shown, no));
    }

    /**
     * A table of differences between two temperatures: {@code changes} cells of the form "a → b", and a verdict in
     * each of {@code verdicts} cells over that many {@code pairs} of texts.
     */
    static void assertDifferences(String table, int changes, int verdicts, int pairs) {
        assertEquals(
                changes,
                Pattern.compile("[0-9.]+ → [0-9.]+</td>")
                        .matcher(table)
                        .results()
                        .count(),
                table);
        assertEquals(
                verdicts,
                count(table, ": apart</td>")
                        + count(table, ": cannot tell apart</td>")
                        + count(table, ">no change in any of the " + pairs + " pairs</td>"),
                table);
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    static List<String> codeCellIds(String notebook) {
        List<String> ids = new ArrayList<>();
        for (JsonNode cell : cells(notebook)) {
            if ("code".equals(cell.path("cell_type").asText())) {
                ids.add(cell.path("id").asText());
            }
        }
        return ids;
    }

    static List<String> codeCells(String notebook) {
        List<String> sources = new ArrayList<>();
        for (JsonNode cell : cells(notebook)) {
            if ("code".equals(cell.path("cell_type").asText())) {
                sources.add(NotebookExecutor.source(cell.path("source")));
            }
        }
        return sources;
    }

    private static JsonNode cells(String notebook) {
        try {
            return new ObjectMapper()
                    .readTree(NOTEBOOKS.resolve(notebook).toFile())
                    .path("cells");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
