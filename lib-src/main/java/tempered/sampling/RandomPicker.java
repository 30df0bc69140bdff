package tempered.sampling;

import java.util.OptionalLong;
import tempered.math.SoftmaxPass;

/**
 * Draws a token from the softmax of the logits, with a generator seeded explicitly.
 *
 * <p>Each draw takes exactly one number from the generator, {@code new SplittableRandom(seed)}, so the same
 * seed and the same logits give the same sequence of tokens on every run; {@link #reset()} starts the sequence
 * over. Across JVMs and machines that is not promised: {@link Math#exp} may differ by one unit in the last place
 * between JVMs, and a model's logits differ more than that between CPUs (ONNX Runtime picks different kernels),
 * so a draw that lands within a rounding error of a boundary between two tokens can go either way.
 *
 * <p>It walks the unnormalised weights {@code exp((x_i - max) / T)} up to {@code u} times their sum
 * ({@link SoftmaxPass#draw}), which gives the token that {@code Distribution.sample} gives for the same {@code u}
 * up to rounding at a boundary. Unlike {@link java.util.Random} it is not thread-safe: it reuses buffers between
 * draws, so give each thread its own picker ({@link #copy()} makes one). It leaves out llama.cpp's and
 * transformers' own generators, so a seed here does not reproduce their tokens.
 *
 * <pre>{@code
 * Picker p = new RandomPicker(42);
 * p.pick(new double[] {0, 0});  // 1, the same every run with seed 42
 * }</pre>
 */
public final class RandomPicker implements Picker {
    private final long seed;
    private final Draws draws;
    private final SoftmaxPass pass = new SoftmaxPass();

    public RandomPicker(long seed) {
        this(seed, new Draws(seed, false));
    }

    private RandomPicker(long seed, Draws draws) {
        this.seed = seed;
        this.draws = draws;
    }

    @Override
    public OptionalLong seed() {
        return OptionalLong.of(seed);
    }

    @Override
    public int pick(double[] logits) {
        return draw(logits, 1.0, false);
    }

    /**
     * Draws from the softmax of {@code logits / temperature}: one pass of exponentials into a buffer this picker
     * reuses, one number from the generator, one walk. The pass stays readable ({@link #lastPass()}) until the
     * next draw, for a caller that wants the chosen token's probability, the entropy or the likeliest tokens
     * without a second pass; with {@code atOne} it also holds the softmax of the same logits at T = 1.
     */
    int draw(double[] logits, double temperature, boolean atOne) {
        pass.weigh(logits, temperature, atOne);
        return pass.draw(draws.next());
    }

    /** Weighs {@code logits} at {@code temperature} for the draws {@link #drawWeighed} makes from them. */
    void weigh(double[] logits, double temperature) {
        pass.weigh(logits, temperature, false);
    }

    /** The next draw from the logits last weighed: the token {@link #draw} gives for them, without a second pass. */
    int drawWeighed() {
        return pass.draw(draws.next());
    }

    /** The pass of the last draw. */
    SoftmaxPass lastPass() {
        return pass;
    }

    @Override
    public void reset() {
        draws.reset();
    }

    @Override
    public RandomPicker copy() {
        return new RandomPicker(seed, draws.copy());
    }

    @Override
    public RandomPicker withSeed(long value) {
        return new RandomPicker(value);
    }

    @Override
    public String toString() {
        return "random(seed=" + seed + ")";
    }
}
