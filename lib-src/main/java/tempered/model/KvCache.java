package tempered.model;

import ai.onnxruntime.OnnxTensor;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keys and values of every token seen so far, kept between generation steps so each new token costs one
 * position, not the whole sequence.
 *
 * <p>It owns the native tensors: the {@code present.*} outputs of one step are fed back as the
 * {@code past_key_values.*} inputs of the next without a copy, which is only safe while the run that made
 * them is still open, so the cache closes each run exactly once, after the next run has returned. Close the
 * cache when done (try-with-resources). With an export that has no past inputs it keeps the token ids
 * instead and recomputes the whole sequence each step, with the same logits. A cache belongs to one thread
 * at a time: concurrent use is refused with an {@link IllegalStateException}.
 *
 * <pre>{@code
 * // not run: needs GPT-2
 * try (KvCache cache = gpt2.newCache(1)) {
 *     float[] logits = cache.append(Gpt2Tokenizer.encode("The cat sat on the"));  // 5 positions
 *     logits = cache.append(Logits.argmax(logits));                              // 1 more
 *     cache.length();                                                            // 6
 * }
 * }</pre>
 */
public final class KvCache implements Decoder {
    private final OnnxModel model;
    private final int batch;
    private final ReentrantLock lock = new ReentrantLock();
    private ForwardPass last;
    private LogitsBuffer logitsBuffer;
    private int[][] history;
    private int length;
    private boolean closed;

    KvCache(OnnxModel model, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch=" + batch + " must be at least 1");
        }
        this.model = model;
        this.batch = batch;
        this.history = new int[batch][0];
    }

    /** Feeds the same tokens to every sequence of a batch of one and returns the next-token logits. */
    public float[] append(int... tokens) {
        if (batch != 1) {
            throw new IllegalArgumentException(
                    "this cache holds " + batch + " sequences; pass one row of tokens per sequence");
        }
        return append(new int[][] {tokens})[0];
    }

    /**
     * Feeds one row of new tokens per sequence (all rows the same length) and returns each row's next-token
     * logits.
     */
    public float[][] append(int[][] tokens) {
        if (!lock.tryLock()) {
            throw new IllegalStateException(
                    "this KvCache is in use by another thread; give each thread its own cache (model.newCache)");
        }
        try {
            requireOpen();
            int added = requireRows(tokens);
            model.requireFits(length, added);
            ModelInfo info = model.info();
            ForwardPass step;
            if (info.style().caches()) {
                if (added == 1 && logitsBuffer == null) {
                    logitsBuffer = model.logitsBuffer(batch);
                }
                step = model.run(
                        tokens,
                        OnnxModel.ones(batch * (length + added)),
                        length + added,
                        OnnxModel.positions(batch, length, added),
                        length > 0,
                        last == null ? null : last.presents(),
                        added == 1 ? logitsBuffer : null);
            } else {
                int[][] all = new int[batch][];
                for (int row = 0; row < batch; row++) {
                    all[row] = Arrays.copyOf(history[row], length + added);
                    System.arraycopy(tokens[row], 0, all[row], length, added);
                }
                step = model.run(
                        all,
                        OnnxModel.ones(batch * (length + added)),
                        length + added,
                        OnnxModel.positions(batch, 0, length + added),
                        false,
                        null);
                history = all;
            }
            // Only now, with the new run returned, may the tensors it read from be freed.
            if (last != null) {
                last.close();
            }
            last = step;
            length += added;
            float[][] logits = new float[batch][];
            for (int row = 0; row < batch; row++) {
                logits[row] = step.lastLogits(row);
            }
            return logits;
        } finally {
            lock.unlock();
        }
    }

    /** Tokens seen so far by each sequence. */
    public int length() {
        return length;
    }

    /**
     * The native memory the keys and values take: 2 x layers x batch x key/value heads x length x head size x 4
     * bytes (with grouped-query attention, fewer heads than the model attends with).
     */
    public long bytes() {
        ModelInfo info = model.info();
        return info.style().caches()
                ? 2L * info.layers() * batch * info.kvHeads() * length * info.headSize() * Float.BYTES
                : 0;
    }

    /** The lock that keeps a cache to one thread at a time; for tests. */
    ReentrantLock lock() {
        return lock;
    }

    /** The present tensors held for the next step (empty before the first step or after closing); for tests. */
    OnnxTensor[] heldTensors() {
        return last == null || !model.info().style().caches() ? new OnnxTensor[0] : last.presents();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                if (last != null) {
                    last.close();
                    last = null;
                }
                if (logitsBuffer != null) {
                    logitsBuffer.close();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "KvCache(batch=" + batch + ", length=" + length + ", " + String.format(Locale.ROOT, "%,d", bytes())
                + " bytes)";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this KvCache is closed; start a new one with model.newCache(batch)");
        }
    }

    private int requireRows(int[][] tokens) {
        if (tokens == null || tokens.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " rows of tokens, one per sequence, got "
                    + (tokens == null ? "null" : tokens.length));
        }
        int added = -1;
        for (int[] row : tokens) {
            model.requireTokens(row, "tokens");
            if (added >= 0 && row.length != added) {
                throw new IllegalArgumentException("every sequence must get the same number of new tokens; got rows of "
                        + added + " and " + row.length);
            }
            added = row.length;
        }
        return added;
    }
}
