package tempered.exercise;

import java.util.Locale;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.ngram.NGramModel;
import tempered.sampling.SamplerSettings;

/**
 * The checks of notebook 06's exercises, on a language model you train: the blend formula by hand, and a
 * prediction about a model with less context. Each takes the learner's answer and the notebook's model and
 * returns a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * NGramModel model = NGramModel.train(TemperatureNotes.text(), 3, 0.1);
 * ModelYouTrainExercises.risesAfterTheTemperature(2.0 / 18, model);  // "not yet: p(rises | the temperature) is not 0.111111 (it must be within 0.000001 of the answer); try again"
 * }</pre>
 */
public final class ModelYouTrainExercises {
    /** The notebook's measure: this many seeded samples, of this many tokens, per setting. */
    private static final int SEEDS = 20;

    private static final int TOKENS = 100;

    private ModelYouTrainExercises() {}

    /**
     * Exercise 1: p("rises" | "the temperature") under {@code model}, from its counts and the blend formula.
     * Right within 1e-6.
     */
    public static String risesAfterTheTemperature(double probability, NGramModel model) {
        Inputs.present(model, "model");
        int rises = model.tokenizer().encode("rises")[0];
        double expected = model.probabilities(model.tokenizer().encode("the temperature"))[rises];
        return Check.probability("p(rises | the temperature)", probability, expected, 1e-6);
    }

    /**
     * Exercise 2: is the share of new 3-grams of a bigram model trained on the same {@code notes} "higher" or
     * "lower" than {@code model}'s at T = 1? Measured as the notebook's {@code measure} does: 20 samples of 100
     * tokens after {@code prompt}, seeds 0 to 19, temperature first.
     */
    public static String bigramNovelty(String answer, String notes, NGramModel model, String prompt) {
        Inputs.present(model, "model");
        NGramModel bigram = NGramModel.train(Inputs.present(notes, "notes"), 2, model.fallback());
        String expected =
                novelty(bigram, Inputs.present(prompt, "prompt")) > novelty(model, prompt) ? "higher" : "lower";
        if (answer == null) {
            return Check.equal("the comparison", null, expected);
        }
        String given = answer.strip().toLowerCase(Locale.ROOT);
        if (!given.equals("higher") && !given.equals("lower")) {
            return Check.notYet("answer \"higher\" or \"lower\", not \"" + answer + "\"");
        }
        String what = "the bigram model's share of new 3-grams at T = 1 is ";
        return given.equals(expected)
                ? Check.right(what + expected + " than the trigram model's")
                : Check.notYet(what + "not " + given + " than the trigram model's");
    }

    private static double novelty(NGramModel model, String prompt) {
        Generator generator = new Generator(model);
        double total = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            int[] ids = generator
                    .generate(
                            prompt,
                            SamplerSettings.of(1).withSeed(seed).temperatureFirst(),
                            GenerationSettings.of(TOKENS))
                    .sample()
                    .tokenIds();
            total += model.novelty(ids, 3);
        }
        return total / SEEDS;
    }
}
