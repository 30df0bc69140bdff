package tempered.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.math.SoftmaxPass;
import tempered.math.SoftmaxSummary;
import tempered.math.TokenProbability;

/**
 * Logits processors applied in order, then exactly one picker: how every serious inference engine samples
 * (this is llama.cpp's shape).
 *
 * <p>The order is explicit and it matters: Hugging Face transformers and vLLM divide by the temperature
 * before top-k, top-p and min-p, llama.cpp after them. {@link SamplerSettings} builds either convention in
 * one call. The chain can return the distribution it would draw from ({@link #distribution}), for charts, as
 * well as the token ({@link #next}). Its {@code toString()} names it and doubles as a chart legend.
 *
 * <p>A chain has llama.cpp's lifecycle ({@link Sampler}): {@link #next} draws and then accepts the token, which
 * moves the state of every link that has one (a random picker's generator, XTC's, mirostat's mu); {@link #reset}
 * starts them over and {@link #copy} makes an independent twin. {@link #distribution} and {@link #process} move
 * nothing: the links with state run on copies, so they show what the next draw would draw from. A chain reuses
 * buffers between steps, so it is not thread-safe: give each thread its own {@link #copy}.
 *
 * <pre>{@code
 * SamplerChain chain = SamplerChain.builder().topK(50).temperature(0.8).random(42);
 * chain;                                   // top-k(50) -> temperature(0.8) -> random(seed=42)
 * chain.next(logits, history);             // a token id, the same every run
 * }</pre>
 */
public final class SamplerChain {
    private final List<LogitsProcessor> processors;
    private final Picker picker;
    // Buffers a step reuses: the float logits widened to double, and the raw model's own pass.
    private double[] widened = new double[0];
    private final SoftmaxPass rawPass = new SoftmaxPass();

    public SamplerChain(List<LogitsProcessor> processors, Picker picker) {
        if (processors == null || processors.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("processors must be a list without nulls; pass List.of() for none");
        }
        if (picker == null) {
            throw new IllegalArgumentException(
                    "a chain ends in exactly one picker; use new Greedy() or new RandomPicker(seed)");
        }
        this.processors = List.copyOf(processors);
        this.picker = picker;
    }

    /** Starts a chain; add processors in the order they should run, then end with a picker. */
    public static Builder builder() {
        return new Builder();
    }

    public List<LogitsProcessor> processors() {
        return processors;
    }

    public Picker picker() {
        return picker;
    }

    /** The logits after every processor, in order. The input is not changed, nor is the state of any link. */
    public double[] process(double[] logits, int[] history) {
        return run(logits, history, false);
    }

    /** Every processor in order; {@code live} lets the links with state move, else they run on copies. */
    private double[] run(double[] logits, int[] history, boolean live) {
        double[] current = Logits.requireValid(logits).clone();
        History.require(history);
        for (LogitsProcessor processor : processors) {
            current = (live ? processor : processor.copy()).apply(current, history);
        }
        return current;
    }

    /** The logits after every processor, for a fresh sequence. */
    public double[] process(double[] logits) {
        return process(logits, new int[0]);
    }

    /**
     * The distribution the picker chooses from next: the softmax of the processed logits (greedy: one-hot;
     * mirostat: cut at its mu). It moves no state.
     */
    public Distribution distribution(double[] logits, int[] history) {
        if (picker instanceof Greedy) {
            return Distribution.of(process(logits, history), 0.0);
        }
        Prepared prepared = prepare(logits, history, false);
        double[] full = prepared.full(logits.length);
        if (picker instanceof MirostatV2 mirostat) {
            full = mirostat.cut(full, prepared.temperature);
        }
        return Distribution.of(full, prepared.temperature);
    }

    /** The same for a fresh sequence. */
    public Distribution distribution(double[] logits) {
        return distribution(logits, new int[0]);
    }

    /** The distribution for float logits, as a model emits them. */
    public Distribution distribution(float[] logits, int[] history) {
        return distribution(Logits.toDouble(logits), history);
    }

    /** The next token id; the chain then accepts it ({@link #accept}), as llama.cpp's {@code llama_sampler_sample}. */
    public int next(double[] logits, int[] history) {
        int id = choose(logits, history, 0, false).id();
        accept(id);
        return id;
    }

    /** The next token id for a fresh sequence. */
    public int next(double[] logits) {
        return next(logits, new int[0]);
    }

    /**
     * The next {@code count} token ids from the same logits and history, each accepted: exactly what {@code count}
     * calls of {@link #next} give. A chain whose only state is its picker's generator (a random picker after
     * processors without state) weighs the logits once and walks them {@code count} times, so a thousand draws
     * cost one softmax, not a thousand; a greedy chain without state chooses once; a chain with more state (XTC,
     * mirostat) takes {@code count} steps.
     */
    public int[] next(double[] logits, int[] history, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count=" + count + " must be >= 0: the number of tokens to draw");
        }
        int[] ids = new int[count];
        boolean stateless = processors.stream().allMatch(p -> p.copy() == p);
        if (count > 0 && stateless && picker instanceof Greedy) {
            Arrays.fill(ids, next(logits, history));
            for (int i = 1; i < count; i++) {
                accept(ids[i]);
            }
            return ids;
        }
        if (count == 0 || !stateless || !(picker instanceof RandomPicker random)) {
            for (int i = 0; i < count; i++) {
                ids[i] = next(logits, history);
            }
            return ids;
        }
        Prepared prepared = prepare(logits, history, true);
        random.weigh(prepared.logits, prepared.temperature);
        for (int i = 0; i < count; i++) {
            ids[i] = prepared.id(random.drawWeighed());
            accept(ids[i]);
        }
        return ids;
    }

    /** The next token id for float logits, as a model emits them. */
    public int next(float[] logits, int[] history) {
        return next(widen(logits), history);
    }

    /**
     * What a generation step records, from the draw's own pass over the logits: the next token, its probability
     * and the entropy of the distribution it was drawn from ({@link #next} and {@link #distribution} in one), the
     * {@code alternatives} likeliest tokens under the chain (those it leaves possible, ties to the lower id; none
     * when 0), and with {@code raw} the softmax of the logits as given (T = 1, nothing cut), summarised. A chain
     * that does not change the logits (a temperature alone) takes that softmax in the draw's own loop. Unlike
     * {@link #next} it does not accept the token: the caller does, once it keeps it.
     */
    public Choice choose(float[] logits, int[] history, int alternatives, boolean raw) {
        return choose(widen(logits), history, alternatives, raw);
    }

    private Choice choose(double[] logits, int[] history, int alternatives, boolean raw) {
        if (alternatives < 0) {
            throw new IllegalArgumentException("alternatives=" + alternatives + " must be >= 0; use 0 for none");
        }
        if (picker instanceof Greedy) {
            int id = picker.pick(run(logits, history, true));
            return new Choice(
                    id,
                    1.0,
                    0.0,
                    alternatives > 0 ? List.of(new TokenProbability(id, 1.0, 0.0)) : List.of(),
                    raw ? Optional.of(summary(logits)) : Optional.empty());
        }
        Prepared prepared = prepare(logits, history, true);
        // Processors return new arrays, so the same array means nothing changed the logits.
        boolean asGiven = raw && prepared.logits == logits;
        int index;
        SoftmaxPass pass;
        if (picker instanceof MirostatV2 mirostat) {
            index = mirostat.draw(prepared.logits, prepared.temperature, prepared.ids);
            pass = mirostat.lastPass();
        } else {
            RandomPicker random = (RandomPicker) picker;
            index = random.draw(prepared.logits, prepared.temperature, asGiven);
            pass = random.lastPass();
        }
        List<TokenProbability> top = new ArrayList<>();
        if (alternatives > 0) {
            for (int i : Ranking.top(prepared.logits, alternatives)) {
                if (pass.weight(i) > 0) {
                    top.add(new TokenProbability(prepared.id(i), pass.probability(i), pass.logProbability(i)));
                }
            }
        }
        SoftmaxSummary unprocessed = asGiven ? pass.atOne() : null;
        return new Choice(
                prepared.id(index),
                pass.probability(index),
                pass.entropy(),
                top,
                raw ? Optional.of(unprocessed != null ? unprocessed : summary(logits)) : Optional.empty());
    }

    /** The softmax of the logits as given, summarised, from a pass of its own into a buffer this chain reuses. */
    private SoftmaxSummary summary(double[] logits) {
        return rawPass.weigh(logits, 1.0).summary();
    }

    /** The logits in double precision, in a buffer this chain reuses: a step allocates no copy of the vocabulary. */
    private double[] widen(float[] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null; pass one score per token");
        }
        if (widened.length != logits.length) {
            widened = new double[logits.length];
        }
        for (int i = 0; i < logits.length; i++) {
            widened[i] = logits[i];
        }
        return widened;
    }

    /**
     * A chosen token id, its probability under the chain, the entropy in nats of the distribution it was drawn
     * from (0 for greedy), the likeliest tokens under the chain, and the softmax of the logits as given when it was
     * asked for.
     */
    public record Choice(
            int id, double probability, double entropy, List<TokenProbability> top, Optional<SoftmaxSummary> raw) {
        public Choice {
            top = List.copyOf(top);
            Objects.requireNonNull(raw, "raw: use Optional.empty()");
        }
    }

    /**
     * The logits a drawing picker draws from, and the temperature to draw at: a temperature that ends the
     * chain is applied inside the softmax, as (x - max) / T, rather than as a pass of its own (T = 0 too, which
     * the softmax takes as greedy). The probabilities are the same; the division by T happens once, where the
     * exponentials are taken.
     */
    private record Prepared(double[] logits, double temperature, int[] ids) {
        /** The logits over the whole vocabulary, masked tokens at -Infinity. */
        double[] full(int size) {
            if (ids == null) {
                return logits;
            }
            double[] out = Logits.masked(size);
            for (int j = 0; j < ids.length; j++) {
                out[ids[j]] = logits[j];
            }
            return out;
        }

        int id(int index) {
            return ids == null ? index : ids[index];
        }
    }

    /**
     * Applies the processors, except a final temperature; {@code live} lets the links with state move, else they
     * run on copies. After a top-k with a small k, the rest of the chain works on just the k candidates, in
     * ascending id order (as llama.cpp keeps a candidate list): the processors that allow it give the same
     * values on them as on the whole vocabulary with -Infinity elsewhere, and a draw scans them in the same
     * order, so the token is the same, for the price of k entries instead of 50,257.
     */
    private Prepared prepare(double[] logits, int[] history, boolean live) {
        int count = processors.size();
        double temperature = 1.0;
        if (count > 0 && processors.get(count - 1) instanceof Temperature last) {
            temperature = last.value();
            count--;
        }
        History.require(history);
        if (count > 0) {
            Logits.requireValid(logits);
        }
        // With no processor left to run, the draw's own pass over the logits checks them.
        double[] current = logits;
        int compactAt = compactionPoint(count, current.length);
        int[] ids = null;
        for (int i = 0; i < count; i++) {
            if (i == compactAt) {
                ids = Ranking.top(current, ((TopK) processors.get(i)).k());
                Arrays.sort(ids);
                double[] candidates = new double[ids.length];
                for (int j = 0; j < ids.length; j++) {
                    candidates[j] = current[ids[j]];
                }
                current = candidates;
            } else {
                LogitsProcessor processor = processors.get(i);
                current = (live ? processor : processor.copy()).apply(current, history);
            }
        }
        return new Prepared(current, temperature, ids);
    }

    /** The index of a top-k after which every processor can work on candidates alone, or -1. */
    private int compactionPoint(int count, int size) {
        for (int i = 0; i < count; i++) {
            if (processors.get(i) instanceof TopK topK && topK.k() > 0 && topK.k() <= 1024 && topK.k() < size / 4) {
                for (int j = i + 1; j < count; j++) {
                    if (!worksOnCandidates(processors.get(j))) {
                        return -1;
                    }
                }
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a processor gives the same values on a list of candidates as on the whole vocabulary with the rest
     * masked: true of those that read only the tokens still possible. A penalty reads token ids, so it is not.
     */
    private static boolean worksOnCandidates(LogitsProcessor processor) {
        return processor instanceof TopK
                || processor instanceof TopP
                || processor instanceof MinP
                || processor instanceof Temperature
                || processor instanceof DynamicTemperature
                || processor instanceof TopNSigma
                || processor instanceof TypicalP
                || processor instanceof Xtc;
    }

    /** Tells every link the token the chain chose: what moves a link with state on to the next step. */
    public void accept(int token) {
        for (LogitsProcessor processor : processors) {
            processor.accept(token);
        }
        picker.accept(token);
    }

    /** Starts every link over: the same draws again, mirostat's mu back at its start. */
    public void reset() {
        for (LogitsProcessor processor : processors) {
            processor.reset();
        }
        picker.reset();
    }

    /** An independent chain in the same state: it draws what this one would draw next, and neither moves the other. */
    public SamplerChain copy() {
        return new SamplerChain(processors.stream().map(LogitsProcessor::copy).toList(), picker.copy());
    }

    /** A copy started over: a random picker repeats its draws from the beginning. This chain is not touched. */
    public SamplerChain fresh() {
        SamplerChain fresh = copy();
        fresh.reset();
        return fresh;
    }

    /**
     * The same chain with every link that draws seeded anew, in its initial state; a chain that draws nothing is
     * returned as it is. Generation uses it to give sample {@code i} of a batch the seed {@code seed + i}.
     */
    public SamplerChain withSeed(long seed) {
        if (seed().isEmpty()) {
            return this;
        }
        return new SamplerChain(processors.stream().map(p -> p.withSeed(seed)).toList(), picker.withSeed(seed));
    }

    /** The seed of the picker, else of the first processor that draws; empty for a chain that draws nothing. */
    public OptionalLong seed() {
        if (picker.seed().isPresent()) {
            return picker.seed();
        }
        return processors.stream()
                .map(Sampler::seed)
                .filter(OptionalLong::isPresent)
                .findFirst()
                .orElse(OptionalLong.empty());
    }

    @Override
    public String toString() {
        List<String> links = processors.stream().map(Object::toString).collect(Collectors.toCollection(ArrayList::new));
        links.add(picker.toString());
        return String.join(" -> ", links);
    }

    /** Adds processors in order; {@link #greedy()}, {@link #random(long)} or {@link #mirostatV2} ends the chain. */
    public static final class Builder {
        private final List<LogitsProcessor> processors = new ArrayList<>();

        private Builder() {}

        public Builder add(LogitsProcessor processor) {
            if (processor == null) {
                throw new IllegalArgumentException("processor must not be null; leave it out of the chain to skip it");
            }
            processors.add(processor);
            return this;
        }

        public Builder temperature(double temperature) {
            return add(new Temperature(temperature));
        }

        public Builder topK(int k) {
            return add(new TopK(k));
        }

        public Builder topP(double p) {
            return add(new TopP(p));
        }

        public Builder minP(double p) {
            return add(new MinP(p));
        }

        public SamplerChain greedy() {
            return new SamplerChain(processors, new Greedy());
        }

        public SamplerChain random(long seed) {
            return new SamplerChain(processors, new RandomPicker(seed));
        }

        /** Ends the chain in mirostat v2: a cut at a surprise it steers towards tau, then a seeded draw. */
        public SamplerChain mirostatV2(double tau, double eta, long seed) {
            return new SamplerChain(processors, new MirostatV2(tau, eta, seed));
        }
    }
}
