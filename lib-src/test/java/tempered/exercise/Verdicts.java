package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on a check's verdict: right, or not yet without the expected answer in it. */
final class Verdicts {
    private Verdicts() {}

    static void right(String verdict) {
        assertTrue(verdict.startsWith("right: "), verdict);
    }

    /** Not yet, and none of {@code hidden} (the expected answer, as the learner would read it) appears. */
    static void notYet(String verdict, String... hidden) {
        assertTrue(verdict.startsWith("not yet: "), verdict);
        for (String answer : hidden) {
            assertTrue(!verdict.contains(answer), "the verdict gives the answer " + answer + " away: " + verdict);
        }
    }
}
