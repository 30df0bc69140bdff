package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tempered.math.Examples;
import tempered.math.Softmax;
import tempered.sampling.SamplerChain;

class DrawingATokenExercisesTest {
    private static final double[] LOGITS = Examples.GREETING_LOGITS;

    /** The notebook's drawByHand: the first greeting whose running total passes u. */
    private static int drawByHand(double[] p, double u) {
        double total = 0;
        for (int id = 0; id < p.length; id++) {
            total += p[id];
            if (u < total) {
                return id;
            }
        }
        return p.length - 1;
    }

    @Test
    void dartLandsOn() {
        // The solution: the walk at T = 1.3. Ni Hao's stretch ends at 0.0373, Konnichiwa's at 0.0718.
        String landed = Examples.GREETINGS.get(drawByHand(Softmax.probs(LOGITS, 1.3), 0.05));
        assertEquals("Konnichiwa", landed);
        Verdicts.right(DrawingATokenExercises.dartLandsOn(landed, Examples.GREETINGS, LOGITS));
        Verdicts.right(DrawingATokenExercises.dartLandsOn(" Konnichiwa ", Examples.GREETINGS, LOGITS));
        // Where it lands at the picture's temperatures on either side, and the favourite.
        for (String wrong : new String[] {"Hola", "Ni Hao", "Hello"}) {
            Verdicts.notYet(DrawingATokenExercises.dartLandsOn(wrong, Examples.GREETINGS, LOGITS), "Konnichiwa");
        }
        assertEquals(
                "not yet: \"Bonjour\" is not one of the greetings; type one of [Ni Hao, Konnichiwa, Hola, Namaste,"
                        + " Hello, Ciao]; try again",
                DrawingATokenExercises.dartLandsOn("Bonjour", Examples.GREETINGS, LOGITS));
        String missing = DrawingATokenExercises.dartLandsOn(null, Examples.GREETINGS, LOGITS);
        assertTrue(missing.startsWith("not yet:") && missing.contains("placeholder"), missing);
        Verdicts.notYet(missing, "Konnichiwa");
    }

    @Test
    void dartLeavesHello() {
        double low = 0.5;
        double high = 1;
        for (int step = 0; step < 60; step++) {
            double mid = (low + high) / 2;
            double[] p = Softmax.probs(LOGITS, mid);
            double left = p[0] + p[1] + p[2] + p[3];
            if (left < 0.05) {
                low = mid;
            } else {
                high = mid;
            }
        }
        assertEquals(0.8108, low, 1e-4);
        Verdicts.right(DrawingATokenExercises.dartLeavesHello(low, Examples.GREETINGS, LOGITS));
        // To three decimals, as the exercise asks: 0.811 and 0.810 are both within 0.001.
        Verdicts.right(DrawingATokenExercises.dartLeavesHello(0.811, Examples.GREETINGS, LOGITS));
        Verdicts.right(DrawingATokenExercises.dartLeavesHello(0.81, Examples.GREETINGS, LOGITS));
        // The picture's temperatures, where the dart is on Hello (0.5) or already past it (1), and one decimal.
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(0.5, Examples.GREETINGS, LOGITS), "0.81");
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(1, Examples.GREETINGS, LOGITS), "0.81");
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(0.8, Examples.GREETINGS, LOGITS), "0.81");
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(Double.NaN, Examples.GREETINGS, LOGITS));
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(-1, Examples.GREETINGS, LOGITS));
    }

    @Test
    void hellosInTenThousand() {
        // The solution: 10,000 draws by the running total, u from seed 99; the library's chain draws the same.
        double[] p = Softmax.probs(LOGITS, 1);
        SplittableRandom random = new SplittableRandom(99);
        SamplerChain chain = SamplerChain.builder().temperature(1).random(99);
        int hellos = 0;
        int byChain = 0;
        for (int i = 0; i < 10_000; i++) {
            hellos += drawByHand(p, random.nextDouble()) == 4 ? 1 : 0;
            byChain += chain.next(LOGITS) == 4 ? 1 : 0;
        }
        assertEquals(hellos, byChain);
        Verdicts.right(DrawingATokenExercises.hellosInTenThousand(hellos, Examples.GREETINGS, LOGITS));
        String count = String.format("%,d", hellos);
        // What the probability predicts, 10,000 x 0.868 = 8,681, and the count one off: only the drawn count passes.
        Verdicts.notYet(DrawingATokenExercises.hellosInTenThousand(8681, Examples.GREETINGS, LOGITS), count);
        Verdicts.notYet(DrawingATokenExercises.hellosInTenThousand(hellos + 1, Examples.GREETINGS, LOGITS), count);
        Verdicts.notYet(DrawingATokenExercises.hellosInTenThousand(20_000, Examples.GREETINGS, LOGITS), count);
        Verdicts.notYet(DrawingATokenExercises.hellosInTenThousand(Answer.NONE, Examples.GREETINGS, LOGITS), count);
    }
}
