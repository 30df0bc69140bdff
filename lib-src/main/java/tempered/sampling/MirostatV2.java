package tempered.sampling;

import java.util.Arrays;
import java.util.OptionalLong;
import tempered.format.Numbers;
import tempered.math.Logits;
import tempered.math.SoftmaxPass;

/**
 * Mirostat 2.0: a picker that steers the surprise of the text towards a target. It keeps a cut, mu (in bits),
 * drops every token whose surprise {@code -log2 p} is above it, draws from the rest, and after each accepted
 * token moves mu by how far that token's surprise was from the target tau: {@code mu -= eta (surprise - tau)}.
 *
 * <p>mu starts at {@code 2 tau}; a surprising token lowers it (a tighter cut next time), an unsurprising one
 * raises it. The likeliest token always survives the cut. The probabilities it cuts and draws from are the
 * softmax of the logits it is given, so a temperature before it counts. Basu et al., "Mirostat: a neural text
 * decoding algorithm that directly controls perplexity", https://arxiv.org/abs/2007.14966.
 *
 * <p>As llama.cpp's {@code llama_sampler_init_mirostat_v2}, checked against its code on hand-made logits (the
 * tests hold its figures), with three differences: mu moves when the chain accepts the token, where llama.cpp
 * moves it inside the same call that draws (the same number, since a chain accepts what it drew); the draw uses
 * this library's generator ({@link RandomPicker}'s, one number per draw), so a seed does not reproduce
 * llama.cpp's tokens; and llama.cpp computes in float, this in double. llama.cpp's {@code --mirostat 2} also
 * leaves every other sampler but the temperature out of the chain; here the processors before it run.
 *
 * <pre>{@code
 * MirostatV2 m = new MirostatV2(3, 0.1, 7);
 * m.mu();                                          // 6.0
 * m.pick(new double[] {2, 4, 3, -1, 0.5, 3.5});    // 1
 * m.accept(1);
 * m.mu();                                          // 6.1922931...: the token's surprise was 1.077 bits, below tau
 * }</pre>
 */
public final class MirostatV2 implements Picker {
    private final double tau;
    private final double eta;
    private final long seed;
    private final Draws draws;
    private final SoftmaxPass pass;
    private double mu;
    // The last draw, until its token is accepted: which token ids the pass's entries are (null: entry i is id i).
    private boolean drawn;
    private int[] ids;

    /**
     * @param tau the target surprise, in bits per token (llama.cpp's default is 5)
     * @param eta how far each token moves mu (llama.cpp's default is 0.1)
     * @param seed the seed of its draws
     */
    public MirostatV2(double tau, double eta, long seed) {
        this(tau, eta, seed, new Draws(seed, false), 2 * tau, new SoftmaxPass());
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("mirostat-v2 tau=" + tau + " must be a finite number of bits > 0;"
                    + " llama.cpp's default is 5 (mu, the cut, starts at 2 tau)");
        }
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("mirostat-v2 eta=" + eta + " must be a finite number >= 0;"
                    + " llama.cpp's default is 0.1, and 0 keeps the cut at 2 tau");
        }
    }

    private MirostatV2(double tau, double eta, long seed, Draws draws, double mu, SoftmaxPass pass) {
        this.pass = pass;
        this.tau = tau;
        this.eta = eta;
        this.seed = seed;
        this.draws = draws;
        this.mu = mu;
    }

    public double tau() {
        return tau;
    }

    public double eta() {
        return eta;
    }

    /** The cut now, in bits: tokens more surprising than this are left out of the next draw. */
    public double mu() {
        return mu;
    }

    @Override
    public OptionalLong seed() {
        return OptionalLong.of(seed);
    }

    @Override
    public int pick(double[] logits) {
        return draw(logits, 1.0, null);
    }

    /**
     * Cuts the softmax of {@code logits / temperature} at mu and draws from what is left; {@code ids} names the
     * token of each entry when the logits are a chain's candidates (null: entry i is token i).
     */
    int draw(double[] logits, double temperature, int[] ids) {
        cut(pass, logits, temperature);
        int index = pass.draw(draws.next());
        this.ids = ids;
        this.drawn = true;
        return index;
    }

    /** The pass of the last draw, cut at mu. */
    SoftmaxPass lastPass() {
        return pass;
    }

    /** The logits with the tokens that mu cuts now masked: what the next draw draws from. Moves nothing. */
    double[] cut(double[] logits, double temperature) {
        SoftmaxPass own = new SoftmaxPass();
        cut(own, logits, temperature);
        double[] out = Logits.masked(logits.length);
        for (int i = 0; i < logits.length; i++) {
            if (own.weight(i) > 0) {
                out[i] = logits[i];
            }
        }
        return out;
    }

    private void cut(SoftmaxPass into, double[] logits, double temperature) {
        // -log2 p <= mu is p >= 2^-mu.
        into.weigh(logits, temperature).keepAtLeast(Math.pow(2, -mu));
    }

    /**
     * Moves mu by the surprise of {@code token} in the distribution of the last draw, as llama.cpp does with the
     * token it draws; a replay may accept another token that draw left possible. Without a draw since the last
     * accepted token (a prompt's tokens, a token accepted twice) mu stays: llama.cpp's mirostat moves only when
     * it draws.
     */
    @Override
    public void accept(int token) {
        if (!drawn) {
            return;
        }
        int index = ids == null ? token : Arrays.binarySearch(ids, token);
        if (index < 0 || index >= pass.size() || pass.weight(index) == 0) {
            throw new IllegalArgumentException("token " + token + " was cut by mirostat-v2's last draw (its surprise"
                    + " was above mu=" + mu + "), so it cannot be accepted; accept the token the chain chose");
        }
        double surprise = -Math.log(pass.probability(index)) / Math.log(2);
        mu -= eta * (surprise - tau);
        drawn = false;
    }

    @Override
    public void reset() {
        draws.reset();
        mu = 2 * tau;
        drawn = false;
    }

    @Override
    public MirostatV2 copy() {
        // A draw not yet accepted comes along, so the copy can accept its token too.
        MirostatV2 copy = new MirostatV2(tau, eta, seed, draws.copy(), mu, drawn ? pass.copy() : new SoftmaxPass());
        copy.drawn = drawn;
        copy.ids = ids;
        return copy;
    }

    @Override
    public MirostatV2 withSeed(long value) {
        return new MirostatV2(tau, eta, value);
    }

    @Override
    public String toString() {
        return "mirostat-v2(tau=" + Numbers.format(tau) + ", eta=" + Numbers.format(eta) + ", seed=" + seed + ")";
    }
}
