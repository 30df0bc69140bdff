package tempered.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.ngram.NGramModel;
import tempered.ngram.TemperatureNotes;
import tempered.sampling.SamplerSettings;

class ModelYouTrainExercisesTest {
    /** The notebook's training text: the notes without every fifth paragraph. */
    private static final String TRAINING = training();

    private static final NGramModel MODEL = NGramModel.train(TRAINING, 3, 0.1);
    private static final String PROMPT = "At a high temperature";

    private static String training() {
        String[] paragraphs = TemperatureNotes.text().strip().split("\n\n");
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < paragraphs.length; i++) {
            if (i % 5 != 4) {
                kept.append(paragraphs[i]).append("\n\n");
            }
        }
        return kept.toString();
    }

    @Test
    void comesAfterTheTemperature() {
        // The solution: the blend from the shortest context up, each level keeping 0.8 for its own counts.
        Map<String, Integer> two = MODEL.followers(MODEL.tokenizer().encode("the temperature"));
        Map<String, Integer> one = MODEL.followers(MODEL.tokenizer().encode("temperature"));
        Map<String, Integer> none = MODEL.followers();
        double twoTotal = two.values().stream().mapToInt(Integer::intValue).sum();
        double oneTotal = one.values().stream().mapToInt(Integer::intValue).sum();
        double noneTotal = none.values().stream().mapToInt(Integer::intValue).sum();
        double p = 0.8 * none.getOrDefault("comes", 0) / noneTotal
                + 0.2 / MODEL.tokenizer().size();
        p = 0.8 * one.getOrDefault("comes", 0) / oneTotal + 0.2 * p;
        double answer = 0.8 * two.getOrDefault("comes", 0) / twoTotal + 0.2 * p;
        Verdicts.right(ModelYouTrainExercises.comesAfterTheTemperature(answer, TRAINING));
        // The notebook's own model (fallback 0.1) and its hand-made blend give another number, and so do the
        // two-word counts alone (2 of them) and one count too many in the blend.
        int comes = MODEL.tokenizer().encode("comes")[0];
        double ofTheModel = MODEL.probabilities(MODEL.tokenizer().encode("the temperature"))[comes];
        Verdicts.notYet(ModelYouTrainExercises.comesAfterTheTemperature(ofTheModel, TRAINING));
        assertEquals(2, two.get("comes"));
        Verdicts.notYet(ModelYouTrainExercises.comesAfterTheTemperature(2 / twoTotal, TRAINING));
        Verdicts.notYet(ModelYouTrainExercises.comesAfterTheTemperature(answer + 0.8 / twoTotal, TRAINING));
        Verdicts.notYet(ModelYouTrainExercises.comesAfterTheTemperature(Double.NaN, TRAINING));
    }

    @Test
    void bigramNovelty() {
        // The solution: the bigram model's novelty over the notebook's 20 seeds.
        NGramModel bigram = NGramModel.train(TRAINING, 2, 0.1);
        Generator generator = new Generator(bigram);
        double total = 0;
        for (int seed = 0; seed < 20; seed++) {
            int[] ids = generator
                    .generate(
                            PROMPT, SamplerSettings.of(1).withSeed(seed).temperatureFirst(), GenerationSettings.of(100))
                    .sample()
                    .tokenIds();
            total += bigram.novelty(ids, 3);
        }
        double answer = total / 20;
        Verdicts.right(ModelYouTrainExercises.bigramNovelty(answer, TRAINING, MODEL, PROMPT));
        // The trigram model's own novelty, and the answer off by 0.01.
        Generator trigram = new Generator(MODEL);
        double trigramTotal = 0;
        for (int seed = 0; seed < 20; seed++) {
            int[] ids = trigram.generate(
                            PROMPT, SamplerSettings.of(1).withSeed(seed).temperatureFirst(), GenerationSettings.of(100))
                    .sample()
                    .tokenIds();
            trigramTotal += MODEL.novelty(ids, 3);
        }
        Verdicts.notYet(ModelYouTrainExercises.bigramNovelty(trigramTotal / 20, TRAINING, MODEL, PROMPT));
        Verdicts.notYet(ModelYouTrainExercises.bigramNovelty(answer + 0.01, TRAINING, MODEL, PROMPT));
        Verdicts.notYet(ModelYouTrainExercises.bigramNovelty(Double.NaN, TRAINING, MODEL, PROMPT));
    }
}
