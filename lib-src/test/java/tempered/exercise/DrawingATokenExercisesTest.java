package tempered.exercise;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tempered.math.Examples;
import tempered.math.Softmax;

class DrawingATokenExercisesTest {
    private static final double[] LOGITS = Examples.GREETING_LOGITS;

    @Test
    void dartLeavesHello() {
        double low = 0.5;
        double high = 1;
        for (int step = 0; step < 60; step++) {
            double mid = (low + high) / 2;
            double left = IntStream.range(0, 4)
                    .mapToDouble(i -> Softmax.probs(LOGITS, mid)[i])
                    .sum();
            if (left < 0.05) {
                low = mid;
            } else {
                high = mid;
            }
        }
        Verdicts.right(DrawingATokenExercises.dartLeavesHello(low, Examples.GREETINGS, LOGITS));
        // The temperatures of the dart picture, where the dart is on Hello (0.5) or already past it (1).
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(0.5, Examples.GREETINGS, LOGITS), "0.81");
        Verdicts.notYet(DrawingATokenExercises.dartLeavesHello(1, Examples.GREETINGS, LOGITS), "0.81");
    }

    @Test
    void helloShare() {
        // The solution: 10,000 draws by the running total, u from seed 99.
        double[] p = Softmax.probs(LOGITS, 1);
        SplittableRandom random = new SplittableRandom(99);
        int hellos = 0;
        for (int i = 0; i < 10_000; i++) {
            double u = random.nextDouble();
            double total = 0;
            int token = p.length - 1;
            for (int id = 0; id < p.length; id++) {
                total += p[id];
                if (u < total) {
                    token = id;
                    break;
                }
            }
            hellos += token == 4 ? 1 : 0;
        }
        Verdicts.right(DrawingATokenExercises.helloShare(hellos / 10_000.0, Examples.GREETINGS, LOGITS));
        // A count instead of a share, and the share at T = 2.
        Verdicts.notYet(DrawingATokenExercises.helloShare(hellos, Examples.GREETINGS, LOGITS));
        Verdicts.notYet(
                DrawingATokenExercises.helloShare(Softmax.probs(LOGITS, 2)[4], Examples.GREETINGS, LOGITS), "0.868");
    }
}
