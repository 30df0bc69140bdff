package tempered.exercise;

import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.ngram.NGramModel;
import tempered.sampling.SamplerSettings;

/**
 * The checks of notebook 06's exercises, on a language model you train: the blend formula by hand, and a
 * prediction, then a measurement, of a model with less context. Each takes the learner's answer and the notebook's
 * model and returns a verdict that does not contain the expected value.
 *
 * <pre>{@code
 * ModelYouTrainExercises.comesAfterTheTemperature(2.0 / 18, TemperatureNotes.text());  // "not yet: p(comes | the temperature) with a fallback share of 0.2 is not 0.111111 (it must be within 0.000001 of the answer); try again"
 * }</pre>
 */
public final class ModelYouTrainExercises {
    /** The notebook's measure: this many seeded samples, of this many tokens, per setting. */
    private static final int SEEDS = 20;

    private static final int TOKENS = 100;

    private ModelYouTrainExercises() {}

    /**
     * Exercise 1: p("comes" | "the temperature") under a trigram model of {@code training} with a fallback share of
     * 0.2, from the counts and the blend formula. The notebook's own model and its hand-made blend use 0.1, so
     * neither answers it. Right within 1e-6.
     */
    public static String comesAfterTheTemperature(double probability, String training) {
        NGramModel model = NGramModel.train(Inputs.present(training, "training"), 3, 0.2);
        int comes = model.tokenizer().encode("comes")[0];
        double expected = model.probabilities(model.tokenizer().encode("the temperature"))[comes];
        return Check.probability(
                "p(comes | the temperature) with a fallback share of 0.2", probability, expected, 1e-6);
    }

    /**
     * Exercise 2: the mean share of new 3-grams of a bigram model trained on the same {@code training} text, at
     * T = 1, measured as the notebook's grid does: 20 samples of 100 tokens after {@code prompt}, seeds 0 to 19,
     * temperature first, novelty against the training text. {@code model} (the notebook's trigram model) gives the
     * fallback share. Right within 0.005.
     */
    public static String bigramNovelty(double answer, String training, NGramModel model, String prompt) {
        Inputs.present(model, "model");
        NGramModel bigram = NGramModel.train(Inputs.present(training, "training"), 2, model.fallback());
        double expected = novelty(bigram, Inputs.present(prompt, "prompt"));
        return Check.probability("the bigram model's share of new 3-grams at T = 1", answer, expected, 0.005);
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
