package tempered.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankingTest {

    @Test
    void ordersByScoreThenByLowerId() {
        assertArrayEquals(new int[] {1, 3, 0, 2}, Ranking.descending(new double[] {0.2, 0.5, 0.1, 0.5}));
        assertArrayEquals(new int[] {1, 3}, Ranking.top(new double[] {0.2, 0.5, 0.1, 0.5}, 2));
    }

    /** The one-pass selection must agree with the full sort, ties included, for every n. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 10, 64, 65, 200})
    void topIsThePrefixOfTheFullRanking(int n) {
        SplittableRandom random = new SplittableRandom(n);
        for (int trial = 0; trial < 20; trial++) {
            double[] scores = new double[1 + random.nextInt(300)];
            for (int i = 0; i < scores.length; i++) {
                // Few distinct values, so ties are common.
                scores[i] = random.nextInt(7) / 7.0;
            }
            int[] full = Ranking.descending(scores);
            assertArrayEquals(Arrays.copyOf(full, Math.min(n, scores.length)), Ranking.top(scores, n));
        }
    }

    /** The one-pass argmax is the head of the full ranking, ties to the lowest index. */
    @Test
    void firstIsTheHeadOfTheFullRanking() {
        assertEquals(1, Ranking.first(new double[] {0.2, 0.5, 0.1, 0.5}));
        assertEquals(0, Ranking.first(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            double[] scores = new double[1 + random.nextInt(50)];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(5);
            }
            assertEquals(Ranking.descending(scores)[0], Ranking.first(scores));
        }
    }

    @Test
    void negativeCountsAreRefused() {
        assertEquals(
                "top n=-1 must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> Ranking.top(new double[] {1}, -1))
                        .getMessage());
    }
}
