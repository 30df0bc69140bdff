package tempered.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tempered.format.Numbers;
import tempered.generate.Sample;
import tempered.generate.Step;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.math.Softmax;
import tempered.text.Gpt2Tokenizer;
import tempered.text.Tokenizer;

/**
 * Tablesaw tables about a model's tokens: the likeliest next tokens at several temperatures, the steps of a
 * generation, a model's facts. Show them with {@link Tables#html} or {@link Tables#text}. Tokens are labelled by the
 * model's {@link Tokenizer} ({@code model.tokenizer()}); without one, by GPT-2's.
 *
 * <p>Probabilities are over the whole vocabulary (GPT-2's 50,257 tokens, SmolLM2's 49,152), not renormalised over
 * the rows shown. Tokens are shown quoted, so a leading space (GPT-2 and SmolLM2 mark word starts with one) is
 * visible. In HTML, a table's
 * probability columns share one shading scale from 0 to its largest probability, so a temperature that flattens
 * the distribution shows as a paler column; logits and entropies, other units, are each shaded on their own
 * ({@link Tables} says why). A probability too small for the decimals shown prints as "3.1e-07", never as 0.
 */
public final class TokenTables {
    private TokenTables() {}

    /**
     * The {@code n} tokens with the largest logits, one column of probabilities per temperature. The rows
     * are the same at every temperature above 0: dividing by T never changes the order, only the mass.
     */
    public static Table nextTokens(float[] logits, int n, double... temperatures) {
        return nextTokens(Gpt2Tokenizer.get(), logits, n, temperatures);
    }

    /**
     * The same for any model: its logits, labelled by its tokenizer, as in
     * {@code nextTokens(model.tokenizer(), logits, 10, 0.5, 1, 2)}.
     */
    public static Table nextTokens(Tokenizer tokenizer, float[] logits, int n, double... temperatures) {
        if (tokenizer == null) {
            throw new IllegalArgumentException(
                    "TokenTables.nextTokens: the tokenizer is null; pass the model's, model.tokenizer()");
        }
        int size = vocabularySize(tokenizer);
        if (logits != null && size > 0 && logits.length != size) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "TokenTables.nextTokens: there are %,d logits, but it labels rows with %s tokens and needs its"
                            + " %,d (one per token); for logits of your own, use Tables.probabilities(labels, logits,"
                            + " temperatures)",
                    logits.length,
                    tokenizer == Gpt2Tokenizer.get() ? "GPT-2's" : "the tokenizer's",
                    size));
        }
        if (n < 1) {
            throw new IllegalArgumentException(
                    "TokenTables.nextTokens: n=" + n + " rows; ask for at least 1, for example 10");
        }
        double[] wide = Logits.requireValid(Logits.toDouble(logits));
        if (temperatures == null || temperatures.length == 0) {
            throw new IllegalArgumentException("give at least one temperature, for example 1.0");
        }
        int[] top = Ranking.top(wide, n);
        Table table = Table.create(
                "next tokens",
                StringColumn.create("token", labels(tokenizer, top)),
                IntColumn.create("id", top),
                fixed(DoubleColumn.create("logit", pick(wide, top)), 3));
        for (double temperature : temperatures) {
            table.addColumns(Tables.probabilityColumn(
                    "T=" + Numbers.format(temperature), pick(Softmax.probs(wide, temperature), top), 5));
        }
        return table;
    }

    /** One row per generated token: its text, its probability under the chain and the raw model, the entropy. */
    public static Table steps(Sample sample) {
        if (sample == null) {
            throw new IllegalArgumentException("TokenTables.steps: the sample is null; pass one of a generation's"
                    + " samples, such as generation.sample()");
        }
        List<Step> steps = sample.steps();
        int[] numbers = new int[steps.size()];
        String[] tokens = new String[steps.size()];
        double[] chain = new double[steps.size()];
        double[] raw = new double[steps.size()];
        double[] entropy = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            numbers[i] = i + 1;
            tokens[i] = Tokenizer.quoted(step.token());
            chain[i] = step.probability();
            raw[i] = step.rawProbability();
            entropy[i] = step.entropy();
        }
        return Table.create(
                "steps",
                IntColumn.create("step", numbers),
                StringColumn.create("token", tokens),
                Tables.probabilityColumn("p (chain)", chain, 4),
                Tables.probabilityColumn("p (T=1)", raw, 4),
                fixed(DoubleColumn.create("entropy (nats)", entropy), 3));
    }

    /** A two-column table of labelled facts, in order. */
    public static Table facts(Map<String, String> facts) {
        if (facts == null) {
            throw new IllegalArgumentException(
                    "TokenTables.facts: the facts are null; pass a map such as Map.of(\"layers\", \"12\")");
        }
        return Table.create(
                "facts",
                StringColumn.create("fact", new ArrayList<>(facts.keySet())),
                StringColumn.create("value", new ArrayList<>(facts.values())));
    }

    /** The quoted text of each GPT-2 token id. */
    public static List<String> labels(int... ids) {
        return labels(Gpt2Tokenizer.get(), ids);
    }

    /** The quoted text of each token id, as {@code tokenizer} writes it. */
    public static List<String> labels(Tokenizer tokenizer, int... ids) {
        if (tokenizer == null) {
            throw new IllegalArgumentException(
                    "TokenTables.labels: the tokenizer is null; pass the model's, model.tokenizer()");
        }
        if (ids == null) {
            throw new IllegalArgumentException("TokenTables.labels: the ids are null; pass token ids, for example"
                    + " the ids of Ranking.top(probs, 10)");
        }
        List<String> labels = new ArrayList<>();
        for (int id : ids) {
            labels.add(Tokenizer.quoted(tokenizer.token(id)));
        }
        return labels;
    }

    /** How many tokens the tokenizer has, or 0 when it does not say (a word list of a notebook's own). */
    private static int vocabularySize(Tokenizer tokenizer) {
        try {
            return tokenizer.vocabularySize();
        } catch (UnsupportedOperationException e) {
            return 0;
        }
    }

    private static double[] pick(double[] values, int[] ids) {
        double[] picked = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            picked[i] = values[ids[i]];
        }
        return picked;
    }

    private static DoubleColumn fixed(DoubleColumn column, int decimals) {
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(decimals));
        return column;
    }
}
