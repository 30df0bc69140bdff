package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tempered.math.Examples;
import tempered.math.Softmax;

class DartWithTailTest {
    private static final int OTHERS = 50_251;

    /** The greetings, then 50,251 tokens of logit -10: the notebook's toy vocabulary with a long tail. */
    private static double[] vocabulary() {
        double[] logits = new double[Examples.GREETINGS.size() + OTHERS];
        Arrays.fill(logits, -10);
        System.arraycopy(Examples.GREETING_LOGITS, 0, logits, 0, Examples.GREETING_LOGITS.length);
        return logits;
    }

    @Test
    void theTailIsOneGreyStretchThatTheDartLandsInAsTheTemperatureRises() {
        double u = 0.5;
        double[] temperatures = {0.7, 1, 1.5, 2};
        BufferedImage image = DartWithTail.draw(vocabulary(), Examples.GREETINGS, u, temperatures);
        assertEquals(Charts.WIDTH, image.getWidth());
        // Rows start 62 pixels down, 58 apart, 34 high; the line runs from x = 80 to WIDTH - 150.
        int dart = 80 + (int) Math.round(u * (Charts.WIDTH - 80 - 150));
        for (int row = 0; row < temperatures.length; row++) {
            double[] p = Softmax.probs(vocabulary(), temperatures[row]);
            double greetings = 0;
            for (int id = 0; id < Examples.GREETINGS.size(); id++) {
                greetings += p[id];
            }
            boolean inTail = u >= greetings;
            // The tail holds 0.0001, 0.035, 0.75 and 0.96 of the line: the dart at 0.5 is in it from T = 1.5.
            assertEquals(temperatures[row] >= 1.5, inTail, "row T = " + temperatures[row]);
            int colour = image.getRGB(dart - 6, 62 + 58 * row + 5);
            if (inTail) {
                assertTrue(
                        colour == DartChart.TAIL.getRGB()
                                || colour == DartChart.TAIL.darker().getRGB(),
                        "grey tail under the dart at T = " + temperatures[row]);
            } else {
                assertEquals(
                        Palette.QUALITATIVE[4].getRGB(), colour, "Hello under the dart at T = " + temperatures[row]);
            }
        }
    }

    @Test
    void labelsNameOnlyTheFirstTokens() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> DartWithTail.draw(Examples.GREETING_LOGITS, Examples.GREETINGS, 0.5, 1));
        assertTrue(
                e.getMessage().startsWith("give labels for the first tokens only, fewer than the 6 logits"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DartWithTail.draw(vocabulary(), List.of(), 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> DartWithTail.draw(vocabulary(), Examples.GREETINGS, 1.0, 1));
    }

    @Test
    void sixGreetingsAndTheTailFitTheLegendInFewRows() {
        // Charts.dart's six greetings fit one legend row; with "the other 50,251 tokens" the legend takes two at most.
        int oneRow = 62 + 58 * 3 + 24 + 20;
        assertEquals(
                oneRow,
                Charts.dart(Examples.GREETING_LOGITS, Examples.GREETINGS, 0.05, 0.5, 1, 2)
                        .getHeight());
        assertTrue(DartWithTail.draw(vocabulary(), Examples.GREETINGS, 0.5, 0.5, 1, 2)
                        .getHeight()
                <= oneRow + 20);
    }
}
