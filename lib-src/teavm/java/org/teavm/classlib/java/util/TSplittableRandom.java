package org.teavm.classlib.java.util;

/**
 * {@code java.util.SplittableRandom} for the playground's page, which TeaVM's class library (0.16) lacks: the
 * same numbers as the JDK's for the same seed, so the page's seeded draws are the library's.
 *
 * <p>TeaVM compiles it in place of {@code java.util.SplittableRandom} (its classes for {@code java.X.Y} are
 * {@code org.teavm.classlib.java.X.TY}); the JVM never loads it, and the jar leaves it out. It has only what the
 * library calls: the seeded constructor, {@link #nextLong}, {@link #nextDouble} and {@link #split}. The algorithm
 * is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014), as the
 * JDK documents it; {@code TSplittableRandomTest} checks it against the JDK's, number for number.
 */
public final class TSplittableRandom {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private final long gamma;

    public TSplittableRandom(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private TSplittableRandom(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** An odd gamma with enough bit transitions, from a seed (MurmurHash3's finaliser). */
    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    private long nextSeed() {
        seed += gamma;
        return seed;
    }

    public long nextLong() {
        return mix64(nextSeed());
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    public TSplittableRandom split() {
        return new TSplittableRandom(nextLong(), mixGamma(nextSeed()));
    }
}
