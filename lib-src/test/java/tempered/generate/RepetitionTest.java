package tempered.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepetitionTest {

    @ParameterizedTest(name = "{0}, n={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // tokens         | n | repeated | distinct
                "1 2 1 2 1 2      | 2 | 0.6      | 0.4", // bigrams 12 21 12 21 12: three seen before, two distinct
                "1 2 3 4 5        | 2 | 0.0      | 1.0",
                "7 7 7 7          | 1 | 0.75     | 0.25",
                "7 7 7 7          | 3 | 0.5      | 0.5",
                "1 2 3 1 2 4      | 3 | 0.0      | 1.0", // 123 231 312 124: no trigram twice
                "5                | 2 | 0.0      | 0.0", // no bigram at all
            })
    void countsRepeatedAndDistinctNgramsByHand(String tokens, int n, double repeated, double distinct) {
        int[] ids = java.util.Arrays.stream(tokens.trim().split("\\s+"))
                .mapToInt(Integer::parseInt)
                .toArray();
        assertEquals(repeated, Repetition.repeatedShare(ids, n), 1e-12);
        assertEquals(distinct, Repetition.distinct(ids, n), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void nMustBePositive(int n) {
        assertEquals(
                "n=" + n + " must be at least 1 (1 counts single tokens, 2 pairs, ...)",
                assertThrows(IllegalArgumentException.class, () -> Repetition.distinct(new int[] {1}, n))
                        .getMessage());
    }

    /** Every n-gram is either the first of its kind or a repeat, so the two shares always add up to 1. */
    @org.junit.jupiter.api.Test
    void repeatedAndDistinctAreTwoSidesOfOneCount() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int trial = 0; trial < 500; trial++) {
            int[] tokens = random.ints(1 + random.nextInt(200), 0, 1 + random.nextInt(30))
                    .toArray();
            int n = 1 + random.nextInt(4);
            if (tokens.length >= n) {
                assertEquals(1.0, Repetition.repeatedShare(tokens, n) + Repetition.distinct(tokens, n), 1e-12);
            }
        }
    }
}
