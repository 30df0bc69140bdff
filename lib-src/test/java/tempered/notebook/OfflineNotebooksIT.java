package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import tempered.Recordings;
import tempered.recorded.RecordedGpt2;

/**
 * The notebooks that need no download (01, 02, 03 and 06), each figure asserted in the cell that shows it, and the
 * sentences they compute asserted where the prose after them relies on them.
 */
class OfflineNotebooksIT {

    @Test
    void softmaxFromScratch() {
        NotebookCells cells = NotebookCells.of("01-softmax-from-scratch.ipynb");
        cells.shows("setup", "Tempered is loaded");
        cells.shows("logits", "sum of the logits: 6.2", "smallest logit:    0.0 (Konnichiwa)");
        cells.shows("exps", "same length: true, all positive: true, same order: true, sum: 62.8924");
        cells.shows(
                "by-hand",
                "0.86811940",
                "sum = 1.000000000000000",
                "Hello / Namaste = 20.0855, and e^(4 - 1) = 20.0855");
        cells.shows("library", "at most one step of double precision near 1 (2.2e-16): true");
        cells.shows(
                "pair",
                "T = 1  ->  [0.26894142, 0.73105858]",
                "T = 2  ->  [0.37754067, 0.62245933]",
                "T = 5  ->  [0.45016600, 0.54983400]");
        cells.shows(
                "ratio",
                "T =  0.25   p2 / p1 =  54.5982",
                "T =     1   p2 / p1 =   2.7183   e^(1/T) =   2.7183",
                "T =     2   p2 / p1 =   1.6487",
                "T =    50   p2 / p1 =   1.0202");
        assertTrue(Double.parseDouble(
                        cells.matches("ratio", "disagreement: (\\S+)").group(1))
                < 1e-12);

        // Shift invariance: the same probabilities with every logit moved by +50 or -50, to rounding.
        cells.shows(
                "shift",
                "Hello 0.99477781 (as given)  0.99477781 (+50)  0.99477781 (-50)",
                "Hello 0.86811940 (as given)  0.86811940 (+50)  0.86811940 (-50)",
                "Hello 0.53844585 (as given)  0.53844585 (+50)  0.53844585 (-50)");
        Matcher shifted = cells.matches("shift", "over all six: (\\S+)");
        int lines = 0;
        do {
            assertTrue(Double.parseDouble(shifted.group(1)) < 1e-15, shifted.group());
            lines++;
        } while (shifted.find());
        assertEquals(3, lines, "one line per temperature");
        cells.showsImage("log-height");

        // The crowd rule: 50,000 tokens at -8 weigh exactly like one token at -8 + T ln 50,000.
        Matcher crowd = cells.matches(
                "crowd",
                "T = (\\S+) +the 50,000 together: (\\S+) +one token with logit +(\\S+): (\\S+) +Hello: (\\S+)");
        int temperatures = 0;
        do {
            assertEquals(crowd.group(2), crowd.group(4), "the crowd and its stand-in: " + crowd.group());
            temperatures++;
        } while (crowd.find());
        assertEquals(4, temperatures);
        cells.shows(
                "crowd",
                "T = 0.5  the 50,000 together: 0.000002",
                "T = 1    the 50,000 together: 0.210544",
                "T = 2    the 50,000 together: 0.985236",
                "reaches Hello's 4 at T = 12 / ln 50,000 = 1.109");
        // The runner-up Namaste rises up to T = 1 and falls after it: the crowd drains it too.
        Matcher namaste = cells.matches("crowd", "Namaste: (\\S+)");
        List<Double> namasteByT = new ArrayList<>();
        do {
            namasteByT.add(Double.parseDouble(namaste.group(1)));
        } while (namaste.find());
        assertEquals(List.of(0.0025, 0.0341, 0.0074, 0.0018), namasteByT);

        cells.showsTable("greeting-table");
        cells.shows("greeting-table", "0.99478", "0.86812", "0.53845", "0.28904", "0.00033", "0.00247");
        cells.showsImage("greeting-bars");
        // The gains the prose reads: Namaste gains the most of the small five up to T = 2, Konnichiwa from 2 to 5.
        cells.shows(
                "gains",
                "Namaste         +0.0408     +0.0769     +0.0385",
                "Konnichiwa      +0.0156     +0.0570     +0.0570",
                "Ni Hao          +0.0172     +0.0590     +0.0559");
        String[] mostGained = new String[3];
        double[] largest = {-1, -1, -1};
        for (String line : cells.text("gains").lines().skip(1).toList()) {
            String name = line.substring(0, 11).strip();
            String[] gains = line.substring(11).strip().split("\\s+");
            for (int step = 0; step < 3 && !name.equals("Hello"); step++) {
                if (Double.parseDouble(gains[step]) > largest[step]) {
                    largest[step] = Double.parseDouble(gains[step]);
                    mostGained[step] = name;
                }
            }
        }
        assertEquals(List.of("Namaste", "Namaste", "Konnichiwa"), List.of(mostGained));

        cells.shows("one-in-eight", "probability 0.1319, one draw in 7.6", "moves such a count by 10.7 either way");
        Matcher others = cells.matches("one-in-eight", "(\\d+) were something else \\(about 132 expected\\)");
        Matcher miss = cells.matches("one-in-eight", "this one is off by (\\d+)");
        // The prose reads a miss well inside two standard deviations (2 x 10.7) as the luck of 1,000 draws.
        assertTrue(Integer.parseInt(miss.group(1)) < 2 * 10.7 * 0.75, miss.group());
        assertTrue(Math.abs(Integer.parseInt(others.group(1)) - 132) < 2 * 10.7, others.group());
        // The prose names Konnichiwa's count as the largest miss, at about twice its own standard deviation.
        cells.shows(
                "one-in-eight",
                "largest miss: Konnichiwa, 24 drawn against 15.9 expected, 2.05 times its own standard deviation of 4.0");
        cells.shows("playground", "Hello");
        cells.shows(
                "bisection",
                "Hello holds 0.28 at T = 5.335",
                "[0.13479873, 0.13229562, 0.14529379, 0.15956903, 0.28000000, 0.14804282]",
                "adds up to 0.96; the largest gap to ours is 0.012");

        // Going further. The library's softmax within one step of each entry's own size.
        cells.shows(
                "library-ulp",
                "Ni Hao     0.01757239610962456   difference 3.5e-18   one step at this size 3.5e-18",
                "Hello      0.86811940446794330   difference 1.1e-16   one step at this size 1.1e-16",
                "every entry within one step of its own size: true");

        // Going further. Why Konnichiwa gains most from 2 to 5: the weighted average the prose reads, and the rates
        // of gain, nearly equal at T = 2, led by Konnichiwa at T = 3 and 5 with Namaste last.
        cells.shows(
                "gains-why",
                "T = 2    probability-weighted average logit 2.39",
                "T = 5    probability-weighted average logit 1.49",
                "plain mean of the logits: 1.03",
                "Konnichiwa    0.0435   0.0216   0.0077",
                "Namaste       0.0417   0.0140   0.0031");
        for (int column = 1; column <= 2; column++) {
            String leader = null;
            String last = null;
            double most = -1;
            double least = 1;
            for (String line : cells.text("gains-why")
                    .lines()
                    .skip(6)
                    .filter(l -> !l.isBlank())
                    .toList()) {
                double rate = Double.parseDouble(line.substring(11).strip().split("\\s+")[column]);
                if (rate > most) {
                    most = rate;
                    leader = line.substring(0, 11).strip();
                }
                if (rate < least) {
                    least = rate;
                    last = line.substring(0, 11).strip();
                }
            }
            assertEquals(List.of("Konnichiwa", "Namaste"), List.of(leader, last), "column " + column);
        }
        cells.showsImage("popular-curves");
        cells.shows(
                "slopes",
                "x =  -4.000   slope of e^x:  0.0183   slope of e^(x/2):  0.0677   steeper: e^(x/2)",
                "x =  -1.386   slope of e^x:  0.2500   slope of e^(x/2):  0.2500   steeper: neither",
                "x =   0.000   slope of e^x:  1.0000   slope of e^(x/2):  0.5000   steeper: e^x");
        cells.showsImage("slopes");
    }

    @Test
    void temperatureByHand() {
        NotebookCells cells = NotebookCells.of("02-temperature-by-hand.ipynb");
        cells.shows("paper", "sum = 82.07274", "p = [0.09003057, 0.66524096, 0.24472847]");
        cells.shows(
                "measures",
                "probabilities [0.09003057, 0.66524096, 0.24472847]",
                "argmax = token 1",
                "entropy = 0.8324 nats (by hand 0.8324; in bits 1.2009)",
                "perplexity = 2.2988");
        cells.showsTable("words");
        // One colour scale for the table: the T = 100 column, all near 0.2, is pale beside T = 1's 0.666.
        cells.shows("words", "0.66571", "0.20436", "0.19523", "0.00690", "background-color:#08519c");
        cells.showsImage("words-bars");
        cells.shows("playground", "mat");
        cells.shows(
                "entropy-table",
                "T =   0.1   H = 0.00013 nats   perplexity = 1.000",
                "T =     1   H = 0.95138 nats   perplexity = 2.589   top word: mat (0.66571)",
                "T =   100   H = 1.60931 nats   perplexity = 4.999   top word: mat (0.20436)",
                "ln 5 = 1.60944");
        cells.showsImage("entropy-chart");
        cells.shows(
                "fan",
                "temperatures (of 200) at which the words are ranked differently from T = 1: 0",
                "floor rises to 0.2514 near T = 2.05",
                "car rises to 0.2006 near T = 20.73",
                "the mean of the five logits: -47.418");
        // Only the words above the mean logit overshoot 1/5: floor and car, not grass, ceiling or mat.
        assertEquals(
                2,
                cells.text("fan").lines().filter(l -> l.contains(" rises to ")).count());
        cells.showsImage("fan");

        // The tail: 50,252 logits at the quantiles of a bell centred at -63, spread 3, all below the five words.
        cells.shows(
                "tail",
                "50,257 tokens: the five words, then 50,252 tail logits from -75.80 to -50.20",
                "below the smallest word's (ceiling, -49.82): true",
                "at T = 1 the tail holds 0.0527 of the probability, and mat 0.6306");
        cells.shows(
                "tail-table",
                "0.5     0.8935   0.0896   0.0001",
                "1       0.6306   0.1997   0.0527   0.0007",
                "1.5     0.2183   0.1014   0.5860   0.1613",
                "2       0.0419   0.0236   0.9062   0.7584",
                "5       0.0006   0.0005   0.9980",
                "4,473,955   0.39",
                "80.6199   1.46",
                "1.0004   10.64",
                "ln 50,257 = 10.82 nats");
        // The prediction's answer, as the table shows it: the spread tail outweighs the flat crowd at every T.
        // The "tail / flat" column says how many times heavier: more than 1 everywhere, most at the coldest T.
        Matcher row = cells.matches(
                "tail-table", "(?m)^(\\S+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9.]+) +([0-9,.]+) +([0-9.]+)$");
        int rows = 0;
        double heavier = Double.POSITIVE_INFINITY;
        do {
            assertTrue(Double.parseDouble(row.group(4)) > Double.parseDouble(row.group(5)), row.group());
            double ratio = Double.parseDouble(row.group(6).replace(",", ""));
            assertTrue(ratio > 1 && ratio < heavier, row.group());
            heavier = ratio;
            rows++;
        } while (row.find());
        assertEquals(8, rows, "one row per temperature");
        cells.shows(
                "tail-chart",
                "with the tail, floor peaks at 0.2001 near T = 1.03",
                "T = 0.8  the tail holds 0.0077",
                "T = 1    the tail holds 0.0527",
                "T = 2    the tail holds 0.9062");
        cells.showsImage("tail-chart");

        cells.shows(
                "naive",
                "naive, T = 0.05:  [NaN, NaN, NaN, NaN, NaN]",
                "naive, T = 0.1:  [0.00000000, 0.00001013, 0.99998987",
                "naive, logits {30, 29} at T = 0.04:  [NaN, NaN]   (e^(30 / 0.04) = Infinity)");
        cells.shows(
                "naive-edge",
                "first gives NaN at T = 0.0607",
                "largest logit  -45.25: every term is 0 below T = 0.0607 in doubles, below T = 0.4352 in floats",
                "largest logit -100.00: every term is 0 below T = 0.1342 in doubles, below T = 0.9617 in floats");
        cells.shows(
                "stable",
                "stable by hand, T = 0.05: [0.00000000, 0.00000000, 1.00000000, 0.00000000, 0.00000000]",
                "library,        T = 0.05: [0.00000000, 0.00000000, 1.00000000, 0.00000000, 0.00000000]",
                "T = 0.05: ceiling 91.4, floor 23.0, mat 0.0, car 41.0, grass 61.4");
        cells.shows(
                "zero",
                "surprisal in nats: ceiling 457, floor 115, mat 0, car 205, grass 307",
                "T = 0:    [0.00000000, 0.00000000, 1.00000000, 0.00000000, 0.00000000]",
                "a sampler built with T = 0 is: greedy");

        // Going further.
        cells.shows(
                "fruit",
                "by hand, T = 0.5: [0.6579, 0.2368, 0.1053]",
                "library, T = 0.5: [0.65789474, 0.23684211, 0.10526316]");
        cells.showsImage("fruit-bars");
        cells.shows("boltzmann", "T = 1    Boltzmann [0.00689542, 0.21078894, 0.66571213, 0.08570039, 0.03090313]");
        assertTrue(
                cells.text("boltzmann")
                        .lines()
                        .allMatch(line ->
                                line.isBlank() || Double.parseDouble(line.replaceAll(".*softmax: ", "")) < 1e-15),
                cells.text("boltzmann"));
        cells.shows(
                "cross-entropy",
                "words follow the model's T = 1               lowest cross-entropy 0.9514 nats at T = 1.000",
                "(model overconfident)   lowest cross-entropy 1.2272 nats at T = 1.500");
        cells.showsImage("cross-entropy");
    }

    @Test
    void drawingAToken() {
        NotebookCells cells = NotebookCells.of("03-drawing-a-token.ipynb");
        cells.shows(
                "stretches",
                "Ni Hao     p = 0.0176   stretch [0.0000, 0.0176)",
                "Hello      p = 0.8681   stretch [0.1029, 0.9710)",
                "Ciao       p = 0.0290   stretch [0.9710, 1.0000)");
        cells.shows("draw-by-hand", "u = 0.05 lands on Hola", "u = 0.50 lands on Hello", "u = 0.99 lands on Ciao");
        cells.shows(
                "dart-by-hand",
                "T = 0.5 u = 0.05 lands on Hello    its stretch is [0.0041, 0.9989)",
                "T = 1   u = 0.05 lands on Hola     its stretch is [0.0335, 0.0597)",
                "T = 2   u = 0.05 lands on Ni Hao   its stretch is [0.0000, 0.0766)");
        cells.showsImage("dart");
        // Each draw in list order with its u and its stretch; the prose reads draw 2 and "nine Hellos in ten".
        cells.shows(
                "first-draws",
                "draw  1: u = 0.6228 falls in [0.1029, 0.9710): Hello",
                "draw  2: u = 0.0972 falls in [0.0597, 0.1029): Namaste");
        int hellos = cells.text("first-draws").split(": Hello", -1).length - 1;
        assertTrue(hellos == 9, "nine Hellos in ten draws, as the prose says: " + hellos);
        // By hand and through the library: the same token at every one of the 3,000 draws.
        cells.shows(
                "thousand",
                "T = 0.5  temperature(0.5) -> random(seed=2024): the same token in all 1,000 draws: true",
                "T = 1    temperature(1) -> random(seed=2024): the same token in all 1,000 draws: true",
                "T = 2    temperature(2) -> random(seed=2024): the same token in all 1,000 draws: true");
        cells.showsTable("counts-table");
        cells.shows("counts-table", "T=2 expected", "T=2 drawn", ">538.4</td>", ">539</td>");
        // All six count columns share one shading scale, drawn as well as expected: Hello's 539 drawn at T = 2 is
        // shaded, and deeper than Ciao's 29 drawn at T = 1, the count the prose reads against its 28.97.
        Matcher helloDrawn = cells.matches("counts-table", "background-color:#([0-9a-f]{6})[^>]*>539</td>");
        Matcher ciaoDrawn =
                cells.matches("counts-table", ">29</td>\\s*<td style=\"background-color:#([0-9a-f]{6})[^>]*>29</td>");
        assertTrue(
                Integer.parseInt(helloDrawn.group(1).substring(0, 2), 16)
                        < Integer.parseInt(ciaoDrawn.group(1).substring(0, 2), 16),
                "the drawn counts are shaded on the shared scale: " + helloDrawn.group() + " / " + ciaoDrawn.group());
        Matcher notHello =
                cells.matches("counts-table", "at T = 0.5, draws that were not Hello: (\\d+) \\(1,000 x p = 5.2\\)");
        assertTrue(
                Integer.parseInt(notHello.group(1)) > 0,
                "a low temperature does not make Hello certain: " + notHello.group());
        cells.showsImage("counts-chart");
        // The standard deviation at T = 2, where every expected count is above 5: Hello's range, Hola the farthest.
        cells.shows(
                "spread",
                "Hello      expected 538.4, standard deviation 15.8, so usually 507 to 570; drawn 539: +0.04",
                "Hola       expected  93.6, standard deviation  9.2, so usually  75 to 112; drawn  76: -1.91");
        Matcher away = cells.matches("spread", "[-+]\\d\\.\\d\\d standard deviations");
        do {
            assertTrue(
                    Math.abs(Double.parseDouble(away.group().split(" ")[0])) < 2, "all six within 2: " + away.group());
        } while (away.find());
        // The long tail (Going further: after the core's last exercise): 50,251 tokens at logit -10 hold 0.0001,
        // 0.035, 0.75 and 0.96 of the line; the draws follow.
        List<String> codeCells = NotebookCells.codeCellIds(
                Path.of(System.getProperty("tempered.notebooks", "notebooks"), "03-drawing-a-token.ipynb"));
        assertTrue(
                codeCells.indexOf("tail") > codeCells.indexOf("exercise-dart")
                        && codeCells.indexOf("tail") < codeCells.indexOf("tails"),
                "the long tail opens Going further: " + codeCells);
        cells.shows(
                "tail",
                "T = 0.7 one other token: p = 2.0e-09; all 50,251 together: 0.0001 of the line",
                "T = 1   one other token: p = 7.0e-07; all 50,251 together: 0.0350 of the line",
                "T = 1.5 one other token: p = 1.5e-05; all 50,251 together: 0.7502 of the line",
                "T = 2   one other token: p = 1.9e-05; all 50,251 together: 0.9610 of the line");
        Matcher inTail = cells.matches("tail", "T = 1.5 .*draws among them: +(\\d+) of 1,000");
        assertTrue(Math.abs(Integer.parseInt(inTail.group(1)) - 750) < 45, inTail.group());
        cells.showsImage("tail-dart");
        cells.shows("seeds", "seed 2024 again: the same 1,000 tokens: true");
        // Two independent draws at T = 1 differ with probability 1 - sum p^2 = 0.242; the prose says "a quarter".
        cells.shows("seeds", "independent draws differ with probability 0.242, so about 242 expected");
        Matcher differ = cells.matches("seeds", "seed 2025: (\\d+) of 1,000 draws differ");
        assertTrue(Math.abs(Integer.parseInt(differ.group(1)) - 242) < 40, differ.group());
        cells.shows("playground", "Hello");

        // Going further: exact binomial tails where the bell curve does not fit, and "ordinary luck" measured.
        cells.shows(
                "tails",
                "T = 0.5 Namaste    expected   2.5  drawn   6  standard deviations     -  chance this far out 0.040",
                "T = 2   Hola       expected  93.6  drawn  76  standard deviations -1.91  chance this far out 0.029",
                "Namaste at T = 0.5 on the bell curve: +2.25 standard deviations, a chance of 0.012; exactly: 0.040",
                "the most unusual count: Hola at T = 2, with a chance of 0.029");
        int noZ = cells.text("tails").split("standard deviations     -", -1).length - 1;
        assertTrue(noZ == 5, "no standard deviations where n p < 5, for the five small greetings at T = 0.5: " + noZ);
        Matcher luck = cells.matches("luck", "(\\d+) of 1,000 repeats had a count at least as unusual");
        int asUnusual = Integer.parseInt(luck.group(1));
        assertTrue(asUnusual > 350 && asUnusual < 600, "about half the repeats, 'ordinary luck': " + luck.group());
        // The tallies' order: Hello leads at once; the full order needs thousands of draws; the gap needs ~43,000.
        Matcher thirty =
                cells.matches("order", "after +30 draws: Hello leads in ([0-9.]+)%.*all six in order in ([0-9.]+)%");
        Matcher thousand = cells.matches("order", "after +1,000 draws: .*all six in order in ([0-9.]+)%");
        Matcher tenThousand = cells.matches("order", "after 10,000 draws: .*all six in order in ([0-9.]+)%");
        assertTrue(Double.parseDouble(thirty.group(1)) > 95 && Double.parseDouble(thirty.group(2)) < 5, thirty.group());
        assertTrue(
                Double.parseDouble(thousand.group(1)) > 15 && Double.parseDouble(thousand.group(1)) < 35,
                "about a quarter: " + thousand.group());
        assertTrue(
                Double.parseDouble(tenThousand.group(1)) > 60 && Double.parseDouble(tenThousand.group(1)) < 85,
                "about three quarters: " + tenThousand.group());
        cells.shows("order", "about 42,830 draws before their gap is two standard deviations");
    }

    @Test
    void aModelYouTrain() {
        NotebookCells cells = NotebookCells.of("06-a-model-you-train.ipynb");
        cells.shows(
                "notes",
                "26 paragraphs: 21 to train on, 5 held out",
                "training text: 1,803 tokens, 420 of them different; held out: 427 tokens",
                "A language model writes one token at a time.");
        cells.shows("count", "after \"the temperature\" the notes continue 16 times, in 10 different ways:");
        // Going further: why most pairs have a single follower (they occur once).
        cells.shows(
                "sparse",
                "pairs of words followed by one word only: 999 of 1,197 (83%), of which 937 occur only once in the notes",
                "among the 260 pairs seen at least twice, 62 (24%) had a single follower");
        cells.shows(
                "blend",
                "p(is   | the temperature) = 0.176127",
                "p(of   | the temperature) = 0.016816",
                "p(seed | the temperature) = 0.000032",
                "sum over all 420 words: 1.000000");
        cells.shows("library", "NGramModel(order 3, fallback 0.1, 1803 words read, vocabulary of 420)");
        assertTrue(Double.parseDouble(
                        cells.matches("library", "over all 420 words: (\\S+)").group(1))
                < 1e-12);
        cells.showsTable("several");
        cells.shows("several", "left\">greedy</td>", "temperature(3) -&gt; random(seed=1)");
        // Both share columns print three decimals, so they line up: greedy's 0.816 beside T = 3's 1.000.
        cells.shows("several", ">0.816</td>", ">0.020</td>", ">1.000</td>");

        // Going further, why we sample: T -> 0 reaches greedy's loop only at tiny T, because it runs through near-ties.
        cells.shows(
                "greedy-limit",
                "T = 0.1        repeated 3-grams 0.146",
                "T = 0.001      repeated 3-grams 0.498",
                "T = 0.000001   repeated 3-grams 0.816",
                "greedy         repeated 3-grams 0.816");
        cells.shows(
                "near-ties",
                "after \"token is\": \"large\" 0.226689 against \"equally\" 0.226684: ratio 1.000022, decisive (100 to 1) only below T = 4.8e-06");

        // Repetition and novelty over 20 seeds, with bootstrap intervals inside [0, 1], and the held-out reference.
        cells.shows(
                "measure",
                "0.100    0.146 (0.112 to 0.181)       0.000 (0.000 to 0.000)",
                "2.162    0.000 (0.000 to 0.000)       0.919 (0.906 to 0.934)",
                "greedy   0.816 (every seed writes the same text)");
        cells.shows(
                "reference",
                "held-out notes, 4 windows: new 3-grams 0.888 (from 0.847 to 0.929), repeated 3-grams 0.031",
                "training notes, 18 windows: repeated 3-grams 0.041",
                "of the 15 temperatures, the first whose mean novelty reaches the held-out notes' (0.888) is T = 2.16");
        cells.showsImage("crossover-chart");
        // The crossing moves with the sample length: it describes the measurement.
        Matcher short50 = cells.matches("crossing-moves", "samples of  50 tokens: the curves cross near T = ([0-9.]+)");
        Matcher long300 = cells.matches("crossing-moves", "samples of 300 tokens: the curves cross near T = ([0-9.]+)");
        assertTrue(number(long300, 1) > number(short50, 1) + 0.15, short50.group() + " / " + long300.group());
        // Why it moves: at T = 1 the repeated share grows with the length, the new share hardly moves.
        Matcher atOne50 = cells.matches(
                "crossing-moves",
                "samples of  50 tokens: .*; at T = 1, repeated 3-grams ([0-9.]+) \\([0-9.]+ to [0-9.]+\\), new 3-grams"
                        + " ([0-9.]+) \\([0-9.]+ to [0-9.]+\\)");
        Matcher atOne300 = cells.matches(
                "crossing-moves",
                "samples of 300 tokens: .*; at T = 1, repeated 3-grams ([0-9.]+) \\([0-9.]+ to [0-9.]+\\), new 3-grams"
                        + " ([0-9.]+) \\([0-9.]+ to [0-9.]+\\)");
        assertTrue(number(atOne300, 1) > 2 * number(atOne50, 1), atOne50.group() + " / " + atOne300.group());
        assertTrue(
                Math.abs(number(atOne300, 2) - number(atOne50, 2)) < 0.02, atOne50.group() + " / " + atOne300.group());
        // The growth of the repeated share, judged by a paired interval (same seeds at both lengths) above 0.
        Matcher growth = cells.matches(
                "crossing-moves",
                "repeated 3-grams at T = 1, 300 tokens minus 50, seed by seed: ([0-9.]+) \\(([-0-9.]+) to ([-0-9.]+)\\)");
        assertTrue(number(growth, 2) > 0 && number(growth, 1) > 0.03, growth.group());

        // Temperature x truncation: min-p lowest in novelty and diversity above T = 1, top-p close to no cut.
        cells.showsTable("grid");
        cells.shows(
                "grid",
                ">0.880</td>",
                ">0.860 to 0.899</td>",
                ">0.836 to 0.871</td>",
                ">0.128 to 0.152</td>",
                ">0.409 to 0.446</td>",
                "tabular-nums\">245</td>",
                "tabular-nums\">23</td>",
                // grid-after reads min-p's diversity 0.557 and its repeated share 0.029 at T = 1.5 as numbers of
                // triples
                ">0.557</td>",
                ">0.029</td>");
        assertTrue(!cells.text("grid-differences").contains("no clear difference"), cells.text("grid-differences"));
        cells.shows(
                "grid-differences",
                "T = 2    new 3-grams, top-p 0.9 minus min-p 0.1: +0.714 (95% interval +0.695 to +0.734)  min-p lower");
        cells.shows(
                "tail",
                "min-p 0.1 after T = 2 keeps 23 words; min-p 0.1^2 = 0.01 on the raw distribution keeps 23; same words: true",
                "at T = 1, the 397 words outside the 23 that min-p 0.1 keeps at T = 2 hold 0.7% of the probability",
                "at T = 2, the 397 words outside the 23 that min-p 0.1 keeps at T = 2 hold 31.4% of the probability");
        cells.showsTable("samplers");
        cells.shows(
                "temperature-last",
                "temperature last, T = 2: new 3-grams 0.002 (0.000 to 0.003) with top-p 0.9, 0.003 (0.001 to 0.005) with min-p 0.1");
        // Beam search: far likelier than greedy's text, and a recitation of the notes.
        cells.shows(
                "beam",
                "beam search (width 5): ln p of its 100 tokens -39.4, repeated 3-grams 0.000, new 3-grams 0.000",
                "greedy:                ln p of its 100 tokens -87.0, repeated 3-grams 0.816, new 3-grams 0.000");
    }

    private static double number(Matcher matcher, int group) {
        return Double.parseDouble(matcher.group(group));
    }

    /** Notebook 01 says every logit in the GPT-2 distributions notebook 04 loads is negative. */
    @Test
    void everyRecordedGpt2LogitIsNegative() {
        Recordings.folder();
        RecordedGpt2 recorded = RecordedGpt2.load();
        for (RecordedGpt2.Prompt prompt : recorded.prompts()) {
            float[] logits = recorded.nextLogits(prompt.tokenIds());
            float largest = Float.NEGATIVE_INFINITY;
            for (float logit : logits) {
                largest = Math.max(largest, logit);
            }
            assertTrue(largest < 0, "\"" + prompt + "\" has a logit of " + largest);
        }
    }
}
