package tempered.sampling;

import java.util.SplittableRandom;

/**
 * Uniform numbers in [0, 1) from a generator seeded explicitly, counted so that a copy can take up where the
 * original is: the random state of every link that draws.
 *
 * <p>The first stream is {@code new SplittableRandom(seed)}, the one {@link RandomPicker} has always drawn from;
 * the second is that generator's {@code split()}, statistically independent of the first, for a link (XTC) that
 * shares the chain's seed without repeating the picker's numbers.
 */
final class Draws {
    private final long seed;
    private final boolean second;
    private SplittableRandom random;
    private long taken;

    Draws(long seed, boolean second) {
        this.seed = seed;
        this.second = second;
        reset();
    }

    double next() {
        taken++;
        return random.nextDouble();
    }

    void reset() {
        SplittableRandom first = new SplittableRandom(seed);
        random = second ? first.split() : first;
        taken = 0;
    }

    /** SplittableRandom has no copy of its state, so a copy takes as many numbers again: one per step so far. */
    Draws copy() {
        Draws copy = new Draws(seed, second);
        for (long i = 0; i < taken; i++) {
            copy.next();
        }
        return copy;
    }
}
