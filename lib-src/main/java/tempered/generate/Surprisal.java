package tempered.generate;

import tempered.math.Distribution;
import tempered.model.Decoder;
import tempered.model.LanguageModel;

/**
 * How surprising a given text is to a model, token by token: -ln p of each token of {@code text} under the raw model
 * (T = 1), given {@code context} and the tokens of {@code text} before it. The model reads the text instead of
 * writing it (teacher forcing), so any text can be scored, a person's as well as a sample's.
 *
 * <p>The context and the text are tokenized separately and joined, as a prompt and the tokens sampled after it
 * are; tokenizing them together could merge a token across the join. The first token of the context is never
 * scored. Holtzman et al. 2020 score human text this way to show that it is not the text a model finds likeliest.
 *
 * <pre>{@code
 * // not run: needs a model, such as GPT-2 from Models.open()
 * double[] nats = Surprisal.of(gpt2, "It is a truth universally acknowledged,", " that a single man");
 * }</pre>
 *
 * @see <a href="https://arxiv.org/abs/1904.09751">Holtzman et al., 2020, The Curious Case of Neural Text
 *     Degeneration</a>
 */
public final class Surprisal {
    private Surprisal() {}

    /** -ln p, in nats, of each token of {@code text} after {@code context}. */
    public static double[] of(LanguageModel model, String context, String text) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null; open GPT-2 with Models.open()");
        }
        if (context == null || context.isEmpty() || text == null || text.isEmpty()) {
            throw new IllegalArgumentException(
                    "the context and the text must not be empty; the model needs something to read first");
        }
        return of(model, model.tokenizer().encode(context), model.tokenizer().encode(text));
    }

    /** -ln p, in nats, of each token of {@code tokens} after the token ids {@code context}. */
    public static double[] of(LanguageModel model, int[] context, int[] tokens) {
        if (model == null || context == null || tokens == null || context.length == 0) {
            throw new IllegalArgumentException(
                    "a model, a context of at least one token and the tokens to score" + " are needed");
        }
        if (context.length + tokens.length > model.contextLength()) {
            throw new IllegalArgumentException("the context and the text are " + (context.length + tokens.length)
                    + " tokens; this model sees at most " + model.contextLength() + ": score a shorter text");
        }
        double[] surprisals = new double[tokens.length];
        try (Decoder decoder = model.newDecoder(1)) {
            float[] logits = decoder.append(new int[][] {context})[0];
            for (int i = 0; i < tokens.length; i++) {
                surprisals[i] = -Distribution.of(logits, 1.0).logProb(tokens[i]);
                if (i + 1 < tokens.length) {
                    logits = decoder.append(new int[][] {{tokens[i]}})[0];
                }
            }
        }
        return surprisals;
    }

    /** The mean of {@link #of(LanguageModel, String, String)}: nats per token. */
    public static double mean(LanguageModel model, String context, String text) {
        double[] surprisals = of(model, context, text);
        double sum = 0;
        for (double s : surprisals) {
            sum += s;
        }
        return surprisals.length == 0 ? 0 : sum / surprisals.length;
    }
}
