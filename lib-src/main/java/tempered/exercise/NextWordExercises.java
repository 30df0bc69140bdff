package tempered.exercise;

import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.TemperatureSolver;
import tempered.model.LanguageModel;
import tempered.text.Gpt2Tokenizer;

/**
 * The checks of notebook 07's exercises, on GPT-2's next word: perplexity against temperature, the tokens that
 * hold most of the mass, and asking the model about another prompt. Each takes the learner's answer and the
 * notebook's logits or model and returns a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * // not run: needs GPT-2's logits after "The cat slept on the"
 * NextWordExercises.tokensForNinetyPercent(tokens, logits);   // "right: ..." or "not yet: ..."
 * }</pre>
 */
public final class NextWordExercises {
    private NextWordExercises() {}

    /** Exercise 3 (Going further): the temperature at which the perplexity of {@code logits} is 100, within 0.001. */
    public static String perplexityHundred(double temperature, float[] logits) {
        double expected = TemperatureSolver.forPerplexity(Logits.toDouble(Inputs.present(logits, "logits")), 100);
        String invalid = Check.notATemperature("the temperature", temperature);
        return invalid != null ? invalid : Check.near("the temperature", temperature, expected, 1e-3);
    }

    /** Exercise 1: how many of the likeliest tokens it takes to hold 90% of the probability at T = 0.72. */
    public static String tokensForNinetyPercent(long tokens, float[] logits) {
        int expected = Distribution.of(Inputs.present(logits, "logits"), 0.72).tokensForMass(0.9);
        return Check.count("the number of tokens", tokens, expected);
    }

    /**
     * Exercise 2: the likeliest token after "The capital of France is", as its text with its leading space. A
     * word without the space GPT-2's tokens carry is reminded of it, whichever word it is.
     */
    public static String capitalOfFrance(String token, LanguageModel gpt2) {
        float[] logits = Inputs.present(gpt2, "gpt2").nextLogits(Gpt2Tokenizer.encode("The capital of France is"));
        String expected = Gpt2Tokenizer.token(Logits.argmax(logits));
        String what = "the likeliest token";
        if (token != null && !token.equals(expected) && expected.startsWith(" ") && !token.startsWith(" ")) {
            return Check.notYet(what + " is not \"" + token + "\": a word that follows another starts with a space"
                    + " in GPT-2's tokens, as in \" slept\"");
        }
        return token == null
                ? Check.equal(what, null, expected)
                : Check.equal(what, "\"" + token + "\"", "\"" + expected + "\"");
    }
}
