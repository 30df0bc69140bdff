package tempered.ngram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tempered.format.Numbers;
import tempered.model.LanguageModel;

/**
 * A language model that counts: after reading a text, it gives the next word the probability with which that word
 * followed the last {@code order - 1} words in the text, blended with what shorter contexts say.
 *
 * <p>The blend is interpolation with one fixed share (Jelinek and Mercer's smoothing with equal weights at every
 * level): a context of k words keeps {@code 1 - fallback} of the probability for its own counts and passes
 * {@code fallback} down to the context of k - 1 words, and so on down to no context at all, which spreads its
 * share evenly over the vocabulary. A context the text never had passes everything down. So every word of the
 * vocabulary gets some probability after any context, which is what lets a high temperature write word orders
 * the text never had. For a trigram model with fallback 0.1, after a context the text had, the counts of the
 * two-word context weigh 0.9, of the last word 0.09, of the words alone 0.009, and the even share 0.001.
 *
 * <p>It leaves out what makes n-gram models good at scale (Kneser-Ney discounting, weights tuned on held-out
 * text); it is small enough to compute by hand. Its logits are the natural logs of these probabilities, so at
 * T = 1 a sampler draws from exactly them.
 *
 * <pre>{@code
 * NGramModel model = NGramModel.train("a b a c a b", 2, 0.1);
 * // "a" was followed by b twice and c once; b is 2 of the 6 words; the vocabulary has 3 words:
 * // p(b | a) = 0.9 * 2/3 + 0.1 * (0.9 * 2/6 + 0.1 * 1/3) = 0.63333
 * model.probabilities(model.tokenizer().encode("a"))[1];   // 0.63333...
 * }</pre>
 *
 * @see <a href="https://aclanthology.org/P96-1041/">Chen and Goodman, 1996, An empirical study of smoothing
 *     techniques for language modeling</a>
 */
public final class NGramModel implements LanguageModel {
    private final WordTokenizer tokenizer;
    private final int order;
    private final double fallback;
    private final int[] training;
    /** For each context length k from 0 to order - 1: context (the last k words) to the counts of the word after it. */
    private final List<Map<List<Integer>, Map<Integer, Integer>>> counts;

    private final Map<Integer, Set<List<Integer>>> trainingNGrams = new ConcurrentHashMap<>();

    private NGramModel(
            WordTokenizer tokenizer,
            int order,
            double fallback,
            int[] training,
            List<Map<List<Integer>, Map<Integer, Integer>>> counts) {
        this.tokenizer = tokenizer;
        this.order = order;
        this.fallback = fallback;
        this.training = training;
        this.counts = counts;
    }

    /**
     * Reads {@code text} once and counts, for every context of 0 to {@code order - 1} words, which word came next.
     *
     * @param order 1 counts words alone, 2 pairs (a bigram model), 3 triples (a trigram model), up to 6
     * @param fallback the share each context passes down to the next shorter one, in (0, 1)
     */
    public static NGramModel train(String text, int order, double fallback) {
        if (order < 1 || order > 6) {
            throw new IllegalArgumentException(
                    "order=" + order + " must be from 1 to 6 (3 is a trigram model: two words of context)");
        }
        if (!(fallback > 0 && fallback < 1)) {
            throw new IllegalArgumentException("fallback=" + fallback + " must be in (0, 1); 0.1 passes a tenth of each"
                    + " context's probability down to the shorter context");
        }
        WordTokenizer tokenizer = WordTokenizer.fit(text);
        int[] training = tokenizer.encode(text);
        List<Map<List<Integer>, Map<Integer, Integer>>> counts = new ArrayList<>();
        for (int k = 0; k < order; k++) {
            Map<List<Integer>, Map<Integer, Integer>> byContext = new HashMap<>();
            for (int i = k; i < training.length; i++) {
                List<Integer> context = slice(training, i - k, i);
                byContext.computeIfAbsent(context, c -> new HashMap<>()).merge(training[i], 1, Integer::sum);
            }
            counts.add(byContext);
        }
        return new NGramModel(tokenizer, order, fallback, training, counts);
    }

    /** How many words it reads: 3 for a trigram model, which looks at the last two words. */
    public int order() {
        return order;
    }

    public double fallback() {
        return fallback;
    }

    @Override
    public WordTokenizer tokenizer() {
        return tokenizer;
    }

    /** The training text as token ids. */
    public int[] trainingTokens() {
        return training.clone();
    }

    /**
     * How often each word followed {@code context} in the training text (the raw counts behind the
     * probabilities, by word); empty if the text never had that context. Only its last {@code order - 1} words count.
     */
    public Map<String, Integer> followers(int... context) {
        List<Integer> key = lastWords(context, order - 1);
        Map<Integer, Integer> found = counts.get(key.size()).getOrDefault(key, Map.of());
        Map<String, Integer> byWord = new LinkedHashMap<>();
        found.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> byWord.put(tokenizer.token(e.getKey()), e.getValue()));
        return byWord;
    }

    /** The probability of every word after {@code tokens}, by id; they sum to 1 and none is 0. */
    public double[] probabilities(int... tokens) {
        if (tokens == null) {
            throw new IllegalArgumentException("tokens must not be null; pass an empty array for no context");
        }
        for (int id : tokens) {
            tokenizer.token(id);
        }
        int size = tokenizer.size();
        double[] probs = new double[size];
        Arrays.fill(probs, 1.0 / size);
        for (int k = 0; k < order; k++) {
            if (tokens.length < k) {
                break;
            }
            Map<Integer, Integer> next = counts.get(k).get(lastWords(tokens, k));
            if (next == null) {
                // The text never had this context, so nothing longer can be known either.
                break;
            }
            double total = next.values().stream().mapToInt(Integer::intValue).sum();
            for (int w = 0; w < size; w++) {
                probs[w] *= fallback;
            }
            for (Map.Entry<Integer, Integer> e : next.entrySet()) {
                probs[e.getKey()] += (1 - fallback) * e.getValue() / total;
            }
        }
        return probs;
    }

    /** The natural logs of {@link #probabilities}: at T = 1 the softmax gives the probabilities back. */
    @Override
    public float[] nextLogits(int... tokens) {
        double[] probs = probabilities(tokens);
        float[] logits = new float[probs.length];
        for (int i = 0; i < probs.length; i++) {
            logits[i] = (float) Math.log(probs[i]);
        }
        return logits;
    }

    /** No limit: the model reads only the last {@code order - 1} words, however long the text. */
    @Override
    public int contextLength() {
        return Integer.MAX_VALUE;
    }

    /**
     * The share of the n-grams of {@code tokens} that never occur in the training text: 0 for a text that only
     * recites, 1 for one whose every n words are a new order. 0 when the text has no n-gram.
     */
    public double novelty(int[] tokens, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n=" + n + " must be at least 1 (3 compares word triples)");
        }
        if (tokens == null) {
            throw new IllegalArgumentException("tokens must not be null");
        }
        int count = tokens.length - n + 1;
        if (count <= 0) {
            return 0;
        }
        Set<List<Integer>> seen = trainingNGrams.computeIfAbsent(n, size -> {
            Set<List<Integer>> all = new HashSet<>();
            for (int i = 0; i + size <= training.length; i++) {
                all.add(slice(training, i, i + size));
            }
            return all;
        });
        int unseen = 0;
        for (int i = 0; i < count; i++) {
            if (!seen.contains(slice(tokens, i, i + n))) {
                unseen++;
            }
        }
        return (double) unseen / count;
    }

    private static List<Integer> lastWords(int[] tokens, int k) {
        int length = Math.min(k, tokens.length);
        return slice(tokens, tokens.length - length, tokens.length);
    }

    private static List<Integer> slice(int[] tokens, int from, int to) {
        return Arrays.stream(tokens, from, to).boxed().toList();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "NGramModel(order %d, fallback %s, %d words read, vocabulary of %d)",
                order,
                Numbers.format(fallback),
                training.length,
                tokenizer.size());
    }
}
