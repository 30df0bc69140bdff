package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.Examples;
import tempered.math.Softmax;
import tempered.stats.MeanInterval;

/**
 * Every kind of chart, drawn from the notebooks' own examples and written to {@code target/chart-gallery/} as PNG:
 * the pictures to look at after changing how charts are drawn. Each must be as wide as a chart and not blank.
 */
class ChartGalleryTest {
    private static final Path GALLERY = Path.of("target", "chart-gallery");

    @Test
    void everyKindOfChartIsDrawn() throws IOException {
        Files.createDirectories(GALLERY);
        Map<String, double[]> byTemperature = new LinkedHashMap<>();
        for (double t : new double[] {0.5, 1, 2, 5}) {
            byTemperature.put("T=" + tempered.format.Numbers.format(t), Softmax.probs(Examples.GREETING_LOGITS, t));
        }
        save("bars-temperatures", Charts.bars("Next greeting at four temperatures", Examples.GREETINGS, byTemperature));
        BarChart tail = BarChart.of("The same, on a log scale: the tail at T = 0.5", Examples.GREETINGS);
        byTemperature.forEach(tail::bars);
        save("bars-log", tail.logY().image());
        save(
                "bars-expected",
                Charts.countsAgainstProbs(
                        "1,000 draws at T = 1",
                        Examples.GREETINGS,
                        Softmax.probs(Examples.GREETING_LOGITS, 1),
                        Map.of("library", new int[] {20, 15, 25, 40, 870, 30})));

        double[] t = Charts.logRange(0.01, 1000, 200);
        double[] entropy = Arrays.stream(t)
                .map(x -> Distribution.of(Examples.WORD_LOGITS, x).entropy())
                .toArray();
        double[] mat = Arrays.stream(t)
                .map(x -> Softmax.probs(Examples.WORD_LOGITS, x)[2])
                .toArray();
        save(
                "lines-reference-crossing",
                LineChart.of(
                                "Entropy rises and the favourite fades as T grows",
                                "temperature T (log scale)",
                                "nats, or probability",
                                t)
                        .line("entropy (nats)", entropy)
                        .line("p(mat)", mat)
                        .reference("ln 5", Math.log(5))
                        .markCrossing("entropy (nats)", "p(mat)", "they cross at T = {x}")
                        .logX()
                        .image());
        double[] grid = Charts.logRange(0.1, 10, 201);
        double[] model = Softmax.probs(Examples.WORD_LOGITS, 1);
        double[] loss = Arrays.stream(grid)
                .map(g -> {
                    double[] logQ = Distribution.of(Examples.WORD_LOGITS, g).logProbs();
                    double sum = 0;
                    for (int i = 0; i < logQ.length; i++) {
                        sum -= model[i] * logQ[i];
                    }
                    return sum;
                })
                .toArray();
        save(
                "lines-minimum",
                LineChart.of(
                                "Cross-entropy of the data under the tempered model",
                                "temperature T (log scale)",
                                "nats",
                                grid)
                        .line("words follow the model's T = 1", loss)
                        .markMinimum("words follow the model's T = 1", "lowest at T = {x}")
                        .logX()
                        .image());
        double[] kept = Arrays.stream(t)
                .map(x -> Distribution.of(Examples.WORD_LOGITS, x).tokensForMass(0.999999))
                .toArray();
        save(
                "lines-log-y-longest-title",
                LineChart.of(
                                "Tokens surviving top-p 0.95 and min-p 0.05 after \"Once upon a time, in a distant galaxy,"
                                        + " there was a spaceship called Voyager.\"",
                                "temperature T (log scale)",
                                "words needed for all but 1e-6 of the mass",
                                t)
                        .line("five words", kept)
                        .logX()
                        .logY()
                        .image());
        double[] x = Charts.range(-4, 1, 51);
        Map<String, double[]> slopes = new LinkedHashMap<>();
        for (double temperature : new double[] {0.5, 1, 2}) {
            slopes.put(
                    "T = " + temperature + " (slope " + 1 / temperature + ")",
                    Arrays.stream(x).map(v -> v / temperature).toArray());
        }
        save(
                "lines-temperatures",
                Charts.lines(
                        "The log of the height is a line of slope 1/T", "x (logit)", "ln of the height", x, slopes));
        double[] ts = {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.5};
        save(
                "lines-error-bars",
                IntervalChart.lines(
                        "Repetition in GPT-2's story, 8 texts of 100 tokens per temperature",
                        "temperature T",
                        "share",
                        ts,
                        Map.of(
                                "repeated 3-grams",
                                Arrays.stream(ts)
                                        .mapToObj(v -> MeanInterval.of(0.5 - 0.3 * v, 0.45 - 0.3 * v, 0.55 - 0.28 * v))
                                        .toArray(MeanInterval[]::new))));
        Map<String, double[]> probabilities = new LinkedHashMap<>();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (double temperature : new double[] {0.5, 1, 2}) {
            double[] p = Softmax.probs(Examples.GREETING_LOGITS, temperature);
            probabilities.put("T=" + tempered.format.Numbers.format(temperature), p);
            counts.put(
                    "T=" + tempered.format.Numbers.format(temperature),
                    Arrays.stream(p).mapToLong(v -> Math.round(1000 * v)).toArray());
        }
        save(
                "scatter-counts",
                Charts.countsScatter(
                        "1,000 draws per temperature, against the probabilities", 1000, probabilities, counts));
        save("dart", Charts.dart(Examples.GREETING_LOGITS, Examples.GREETINGS, 0.62, 0.5, 1, 2));
        try (var files = Files.list(GALLERY)) {
            assertTrue(files.count() >= 10);
        }
    }

    private static void save(String name, BufferedImage image) throws IOException {
        assertEquals(Charts.WIDTH, image.getWidth(), name);
        long colours = Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .distinct()
                .count();
        assertTrue(colours > 10, name + " draws something");
        ImageIO.write(image, "png", GALLERY.resolve(name + ".png").toFile());
    }
}
